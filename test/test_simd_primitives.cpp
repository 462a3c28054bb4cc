// The SIMD primitives the kernels and the expressions are built on, lane by lane against scalar
// code, for float and double, on every architecture the kernels use (simd_archs.hpp: xsimd::
// default_arch, and under AVX-512 also the 256-bit fma3+avx2 that layers take where 16-float
// vectors do not divide their channels), each in test cases of its own: convt's sum_rows
// (kernels/simd/reduce.hpp), fma (kernels/simd/fma.hpp), held_in_register
// (kernels/simd/held_in_register.hpp) and transpose (kernels/simd/transpose.hpp),
// and the xsimd 8.1 operations they and functions.hpp use (haddp, fma, loads and stores,
// broadcasts, select, max, isnan, make_sized_batch_t, < and >). transpose and make_sized_batch_t
// take no architecture (intrinsics chosen by the target, xsimd's widest batch of N lanes) and run
// once per type. Lanes are read and written with memcpy, not with xsimd's loads and stores, except
// where those are under test. exp and tanh: test_simd_math.cpp.
#include <boost/test/unit_test.hpp>

#include <string>

#include <convt/convt.hpp>

#if defined(CONVT_SCALAR_ONLY)
BOOST_AUTO_TEST_CASE(scalar_build_has_no_simd_primitives) {
  BOOST_TEST(convt::kernels::simd_arch_name() == std::string("scalar"));
}
#else

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iomanip>
#include <limits>
#include <sstream>
#include <tuple>
#include <type_traits>
#include <vector>

#include <convt/kernels/simd/fma.hpp>
#include <convt/kernels/simd/held_in_register.hpp>
#include <convt/kernels/simd/reduce.hpp>
#include <convt/kernels/simd/transpose.hpp>

#include "simd_archs.hpp"

namespace {

using simd_test::arch_name;
using simd_test::vector_types;
using types = std::tuple<float, double>;
namespace simd = convt::kernels::simd;

/// The lanes of vector type V.
template <class V>
constexpr int L = int(V::size);
template <class V>
using lane_array = std::array<typename V::value_type, V::size>;

template <class T>
std::string show(T x) {
  std::ostringstream s;
  s << std::setprecision(std::numeric_limits<T>::max_digits10) << x;
  return s.str();
}

/// Bit for bit; any NaN matches any NaN.
template <class T>
bool same(T a, T b) {
  using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  return std::bit_cast<U>(a) == std::bit_cast<U>(b) || (std::isnan(a) && std::isnan(b));
}

/// got[0, n) against want[0, n) on the architecture named `on`, reporting the first mismatching lanes.
template <class T>
void check_lanes(const std::string& what, const char* on, const T* got, const T* want, int n) {
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    if (!same(got[i], want[i]) && ++wrong <= 4)
      BOOST_ERROR(what << " on " << on << ": lane " << i << " got " << show(got[i]) << ", want " << show(want[i]));
  BOOST_TEST(wrong == 0, what << " on " << on << ": " << wrong << " of " << n << " lanes wrong");
}

/// got against want, all L<V> lanes of a vector of type V.
template <class V>
void check_lanes(const std::string& what, const lane_array<V>& got, const lane_array<V>& want) {
  check_lanes(what, arch_name<V>(), got.data(), want.data(), L<V>);
}

template <class V>
lane_array<V> lanes(const V& v) {
  lane_array<V> a;
  std::memcpy(a.data(), static_cast<const void*>(&v), sizeof a);
  return a;
}

template <class V>
V make(const lane_array<V>& a) {
  V v;
  std::memcpy(static_cast<void*>(&v), a.data(), sizeof a);
  return v;
}

template <class V, class F>
lane_array<V> per_lane(F f) {
  lane_array<V> a;
  for (int j = 0; j < L<V>; ++j) a[j] = f(j);
  return a;
}

/// L rows, row i lane j = i * 100 + j: small integers, so every sum is exact and rows differ.
template <class V>
std::vector<V> numbered_rows() {
  using T = typename V::value_type;
  std::vector<V> rows;
  for (int i = 0; i < L<V>; ++i) rows.push_back(make<V>(per_lane<V>([&](int j) { return T(i * 100 + j); })));
  return rows;
}

template <class V>
lane_array<V> row_sums() {
  using T = typename V::value_type;
  return per_lane<V>([](int r) { return T(L<V> * r * 100 + L<V> * (L<V> - 1) / 2); });
}

template <class A>
constexpr int count_in_archs = [] {
  return std::apply([](auto... a) { return (0 + ... + int(std::is_same_v<decltype(a), A>)); }, simd_test::archs{});
}();

}  // namespace

// The list the test cases below run over: every architecture the kernels use, each once.
BOOST_AUTO_TEST_CASE(tests_run_on_every_arch_the_kernels_use) {
  BOOST_TEST(count_in_archs<simd::arch> == 1);
  BOOST_TEST(count_in_archs<simd::narrow_arch> == 1);
  BOOST_TEST(std::tuple_size_v<simd_test::archs> == (simd::has_narrow_arch ? 2u : 1u));
  BOOST_TEST_MESSAGE("vector types under test: " << std::tuple_size_v<vector_types> << ", on " << simd::arch::name()
                     << (simd::has_narrow_arch ? std::string(" and ") + simd::narrow_arch::name() : std::string()));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(sum_rows_puts_each_rows_sum_in_its_lane, V, vector_types) {
  const auto rows = numbered_rows<V>();
  check_lanes<V>("sum_rows", lanes(simd::sum_rows(rows.data())), row_sums<V>());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_haddp_puts_each_rows_sum_in_its_lane, V, vector_types) {
  // Wrong in xsimd 8.1 for 16 floats, and not used by convt there: xsimd_haddp_16_floats_is_not_used.
  if constexpr (std::is_base_of_v<xsimd::avx512f, typename V::arch_type> &&
                std::is_same_v<typename V::value_type, float>) {
    BOOST_TEST_MESSAGE("xsimd::haddp of 16 floats: checked by xsimd_haddp_16_floats_is_not_used");
    return;
  }
  const auto rows = numbered_rows<V>();
  check_lanes<V>("xsimd::haddp", lanes(xsimd::haddp(rows.data())), row_sums<V>());
}

#if XSIMD_WITH_AVX512F
// reduce.hpp reduces 16 floats with its own shuffles because xsimd 8.1's haddp puts the sums of
// rows 2-3 and 4-5 (and 10-11, 12-13) in each other's lanes there. If this fails on haddp, xsimd
// has been fixed: reconsider sum_rows_16_floats.
BOOST_AUTO_TEST_CASE(xsimd_haddp_16_floats_is_not_used) {
  using V = simd::vector<float, simd::arch>;
  static_assert(L<V> == 16 && std::is_base_of_v<xsimd::avx512f, simd::arch>);
  const auto rows = numbered_rows<V>();
  const auto want = row_sums<V>();
  const auto by_haddp = lanes(xsimd::haddp(rows.data()));
  int haddp_wrong = 0;
  for (int r = 0; r < 16; ++r) haddp_wrong += !same(by_haddp[r], want[r]);
  BOOST_TEST(haddp_wrong > 0, "xsimd::haddp on " << arch_name<V>() << " now sums 16 floats right: reconsider "
                                  "sum_rows_16_floats (reduce.hpp) and this test");
  check_lanes<V>("sum_rows", lanes(simd::sum_rows(rows.data())), want);
}
#endif

// Where the target has a fused multiply-add, convt's fma (kernels/simd/fma.hpp) must round once,
// as std::fma. Without one (SSE2 to SSE4.2, AVX) it is xsimd's x * y + z, two roundings, and so
// must the reference be. xsimd 8.1's own fma is checked where convt relies on it: on every
// architecture but AVX-512, where it is an unfused x * y + z (fused only where g++ -O2 contracts
// it) and convt calls the instruction itself.
// Even lanes are (1 + k e)(1 + m e) - (1 + (k + m) e), e = 2^-((digits + 1) / 2), k and m odd:
// fused, k m e^2 exactly; unfused, the product loses that last bit.
BOOST_AUTO_TEST_CASE_TEMPLATE(fma_rounds_once_like_std_fma, V, vector_types) {
  using T = typename V::value_type;
  constexpr bool avx512 = std::is_base_of_v<xsimd::avx512f, typename V::arch_type>;
#if defined(__FMA__) || defined(__FMA4__) || XSIMD_WITH_NEON64
  constexpr bool fused = true;
#else
  constexpr bool fused = avx512;
#endif
  const T e = std::ldexp(T(1), -((std::numeric_limits<T>::digits + 1) / 2));
  const auto sign = [](int j) { return j % 4 ? T(-1) : T(1); };  // of the even lanes' a; c has the other
  const auto a = per_lane<V>([&](int j) { return j % 2 ? T(0.1) * T(j) - T(0.7) : sign(j) * (1 + T(2 * j + 1) * e); });
  const auto b = per_lane<V>([&](int j) { return j % 2 ? T(3.3) - T(j) : 1 + T(2 * j + 3) * e; });
  const auto c = per_lane<V>([&](int j) { return j % 2 ? T(1e-3) * T(j) : -sign(j) * (1 + T(4 * j + 4) * e); });
  lane_array<V> want;
  int rounding_differs = 0;
  for (int j = 0; j < L<V>; ++j) {
    volatile T product = a[j] * b[j];  // no contraction into an fma
    const T unfused = product + c[j];
    want[j] = fused ? std::fma(a[j], b[j], c[j]) : unfused;
    rounding_differs += unfused != std::fma(a[j], b[j], c[j]);
  }
  BOOST_TEST(rounding_differs > 0);
  const char* what = fused ? "fma (want std::fma)" : "fma (no FMA on this set: want x * y + z)";
  check_lanes<V>(what, lanes(simd::fma(make<V>(a), make<V>(b), make<V>(c))), want);
  if constexpr (!avx512)
    check_lanes<V>(fused ? "xsimd::fma (want std::fma)" : "xsimd::fma (no FMA on this set: want x * y + z)",
                   lanes(xsimd::fma(make<V>(a), make<V>(b), make<V>(c))), want);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(loads_and_stores_keep_lane_order, V, vector_types) {
  using T = typename V::value_type;
  constexpr int n = L<V>;
  const char* on = arch_name<V>();
  const T sentinel = T(-7);
  alignas(64) T src[2 * n + 1];
  for (int i = 0; i < 2 * n + 1; ++i) src[i] = T(3 * i + 1);
  auto got = lanes(V::load_aligned(src));
  check_lanes("load_aligned", on, got.data(), src, n);
  got = lanes(V::load_unaligned(src + 1));
  check_lanes("load_unaligned at element 1", on, got.data(), src + 1, n);
  const V v = make<V>(per_lane<V>([](int j) { return T(10 * j + 5); }));
  const auto want = lanes(v);
  alignas(64) T dst[2 * n + 1];
  std::fill(dst, dst + 2 * n + 1, sentinel);
  v.store_aligned(dst);
  check_lanes("store_aligned", on, dst, want.data(), n);
  for (int i = n; i < 2 * n + 1; ++i) BOOST_TEST(dst[i] == sentinel, "store_aligned on " << on << " wrote element " << i);
  std::fill(dst, dst + 2 * n + 1, sentinel);
  v.store_unaligned(dst + 1);
  check_lanes("store_unaligned at element 1", on, dst + 1, want.data(), n);
  BOOST_TEST(dst[0] == sentinel);
  for (int i = n + 1; i < 2 * n + 1; ++i)
    BOOST_TEST(dst[i] == sentinel, "store_unaligned on " << on << " wrote element " << i);
}

// held_in_register (kernels/simd/held_in_register.hpp) passes its vector through an empty asm:
// every lane must come back as it went in, NaN payloads and signed zeros included.
BOOST_AUTO_TEST_CASE_TEMPLATE(held_in_register_keeps_every_lane, V, vector_types) {
  using T = typename V::value_type;
  using limits = std::numeric_limits<T>;
  const T values[] = {T(1.5), -T(0), limits::quiet_NaN(), -limits::infinity(), limits::denorm_min(), T(-7.25),
                      limits::max(), T(3)};
  const auto x = per_lane<V>([&](int j) { return j < 8 ? values[j] : T(j) * T(0.5) - T(2); });
  const auto got = lanes(simd::held_in_register(make<V>(x)));
  for (int j = 0; j < L<V>; ++j)
    BOOST_TEST(std::memcmp(&got[j], &x[j], sizeof(T)) == 0,
               "held_in_register on " << arch_name<V>() << ": lane " << j << " got " << show(got[j]) << ", want "
                                      << show(x[j]));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(broadcast_puts_the_value_in_every_lane, V, vector_types) {
  using T = typename V::value_type;
  for (const T x : {T(0), -T(0), T(1.25), -std::numeric_limits<T>::infinity(), std::numeric_limits<T>::denorm_min()})
    check_lanes<V>("vector(" + show(x) + ")", lanes(V(x)), per_lane<V>([&](int) { return x; }));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(comparison_masks_match_scalar, V, vector_types) {
  using T = typename V::value_type;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const auto a = per_lane<V>([&](int j) { return j % 5 == 3 ? nan : T((j * 5) % 7); });
  const auto b = per_lane<V>([&](int j) { return j % 7 == 6 ? nan : T((j * 3) % 5) + (j % 3 ? T(0) : T(0.5)); });
  const auto less = make<V>(a) < make<V>(b), greater = make<V>(a) > make<V>(b);
  for (int j = 0; j < L<V>; ++j) {
    BOOST_TEST(less.get(j) == (a[j] < b[j]), "< on " << arch_name<V>() << ": lane " << j << " got " << less.get(j)
               << " for " << show(a[j]) << " < " << show(b[j]));
    BOOST_TEST(greater.get(j) == (a[j] > b[j]), "> on " << arch_name<V>() << ": lane " << j << " got "
               << greater.get(j) << " for " << show(a[j]) << " > " << show(b[j]));
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_select_takes_a_where_the_mask_is_set, V, vector_types) {
  using T = typename V::value_type;
  const auto a = per_lane<V>([](int j) { return T((j * 5) % 7) + T(0.25); });
  const auto b = per_lane<V>([](int j) { return T((j * 3) % 5) + T(0.5) + T(100 * (j % 2)); });
  const auto c = per_lane<V>([](int j) { return T(j * j) - T(20); });
  const auto d = per_lane<V>([](int j) { return -T(j) - T(0.75); });
  lane_array<V> want;
  for (int j = 0; j < L<V>; ++j) want[j] = a[j] < b[j] ? c[j] : d[j];
  check_lanes<V>("xsimd::select(a < b, c, d)",
                 lanes(xsimd::select(make<V>(a) < make<V>(b), make<V>(c), make<V>(d))), want);
}

// functions.hpp's max_with_zero (relu) is xsimd::max(0, x): NaN where x is NaN, as x86's maxps
// (which returns its second operand when either is NaN) and NEON's fmax give.
BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_max_matches_scalar_and_keeps_nan_from_x, V, vector_types) {
  using T = typename V::value_type;
  const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
  const auto a = per_lane<V>([](int j) { return T((j * 5) % 7) - T(3); });
  const auto b = per_lane<V>([](int j) { return T((j * 3) % 5) - T(2.5); });
  lane_array<V> want;
  for (int j = 0; j < L<V>; ++j) want[j] = a[j] < b[j] ? b[j] : a[j];
  check_lanes<V>("xsimd::max(a, b)", lanes(xsimd::max(make<V>(a), make<V>(b))), want);
  const T specials[] = {nan, T(-2), -nan, T(3.5), inf, -inf, T(0), -std::numeric_limits<T>::denorm_min()};
  const auto x = per_lane<V>([&](int j) {
    const T s = specials[j % 8];
    return j >= 8 && std::isfinite(s) ? s + T(j) : s;
  });
  for (int j = 0; j < L<V>; ++j) want[j] = std::isnan(x[j]) ? nan : (x[j] > 0 ? x[j] : T(0));
  check_lanes<V>("xsimd::max(0, x)", lanes(xsimd::max(V(T(0)), make<V>(x))), want);
  check_lanes<V>("max_with_zero(x)", lanes(convt::detail::fn::max_with_zero(make<V>(x))), want);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_isnan_flags_only_nan_lanes, V, vector_types) {
  using T = typename V::value_type;
  using limits = std::numeric_limits<T>;
  const T values[] = {limits::quiet_NaN(), limits::infinity(), -limits::infinity(), T(0), -T(0), limits::denorm_min(),
                      -limits::quiet_NaN(), T(1.5), -limits::max(), limits::signaling_NaN(), limits::min(), T(-3)};
  const auto x = per_lane<V>([&](int j) { return values[(j * 5) % 12]; });
  const auto mask = xsimd::isnan(make<V>(x));
  for (int j = 0; j < L<V>; ++j)
    BOOST_TEST(mask.get(j) == std::isnan(x[j]),
               "xsimd::isnan on " << arch_name<V>() << ": lane " << j << " got " << mask.get(j) << " for " << show(x[j]));
}

namespace {

/// Whether xsimd offers a batch of `bytes` bytes on this target (x86: 16 from SSE2, 32 with AVX,
/// 64 with AVX-512F; AArch64: 16).
constexpr bool has_batch_of(std::size_t bytes) {
  return (bytes == 16 && (XSIMD_WITH_SSE2 || XSIMD_WITH_NEON64)) || (bytes == 32 && XSIMD_WITH_AVX) ||
         (bytes == 64 && XSIMD_WITH_AVX512F);
}

template <class T, std::size_t N>
void check_sized_batch(std::string& sizes) {
  using B = xsimd::make_sized_batch_t<T, N>;
  constexpr bool exists = !std::is_void_v<B>;
  sizes += " " + std::to_string(N) + ": ";
  BOOST_TEST(exists == has_batch_of(N * sizeof(T)), "make_sized_batch_t<" << sizeof(T) << "-byte T, " << N << "> on "
                                                    << convt::kernels::simd_arch_name() << ": void " << !exists);
  if constexpr (!exists) {
    sizes += "void";
  } else {
    sizes += arch_name<B>();
    BOOST_TEST(B::size == N);
    T src[N + 1], dst[N + 2];
    for (std::size_t i = 0; i < N + 1; ++i) src[i] = T(7 * i + 2);
    std::fill(dst, dst + N + 2, T(-1));
    B::load_unaligned(src + 1).store_unaligned(dst + 1);
    check_lanes("make_sized_batch_t<T, " + std::to_string(N) + "> round trip", arch_name<B>(), dst + 1, src + 1, int(N));
    BOOST_TEST((dst[0] == T(-1) && dst[N + 1] == T(-1)), "make_sized_batch_t<T, " << N << "> wrote outside");
  }
}

}  // namespace

// dot_tile.hpp stores a pixel's O channels as one make_sized_batch_t<T, O> where it is not void:
// xsimd's first (widest) supported architecture with O lanes, whichever width the layer takes.
BOOST_AUTO_TEST_CASE_TEMPLATE(make_sized_batch_has_n_lanes_in_order, T, types) {
  std::string sizes;
  check_sized_batch<T, 1>(sizes);
  check_sized_batch<T, 2>(sizes);
  check_sized_batch<T, 3>(sizes);
  check_sized_batch<T, 4>(sizes);
  check_sized_batch<T, 8>(sizes);
  check_sized_batch<T, 16>(sizes);
  BOOST_TEST_MESSAGE(convt::kernels::simd_arch_name() << ", " << sizeof(T) << "-byte T, make_sized_batch_t for N ="
                     << sizes);
}

namespace {

/// transpose<T, rows, cols, src_stride, dst_stride> element by element; what it must not write
/// (the padding of dst's rows) keeps its sentinel.
template <class T, int rows, int cols, std::ptrdiff_t src_stride, std::ptrdiff_t dst_stride>
void check_transpose() {
  std::vector<T> src(std::size_t(rows * src_stride)), dst(std::size_t(cols * dst_stride + 3), T(-1)), want(dst);
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = T(i) + T(0.5);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) want[std::size_t(c * dst_stride + r)] = src[std::size_t(r * src_stride + c)];
  simd::transpose<T, rows, cols, src_stride, dst_stride>(src.data(), dst.data());
  const std::string what = "transpose<" + std::to_string(rows) + ", " + std::to_string(cols) + ", " +
                           std::to_string(src_stride) + ", " + std::to_string(dst_stride) + ">";
  check_lanes(what, convt::kernels::simd_arch_name(), dst.data(), want.data(), int(dst.size()));
}

}  // namespace

// transpose works on 8 x 8 blocks of floats with AVX intrinsics where the target has AVX, on no
// xsimd architecture: the same code whichever vector width the layer takes.
BOOST_AUTO_TEST_CASE_TEMPLATE(transpose_puts_every_element_in_place, T, types) {
  check_transpose<T, 8, 8, 8, 8>();
  check_transpose<T, 8, 8, 11, 9>();
  check_transpose<T, 16, 8, 8, 16>();
  check_transpose<T, 16, 8, 10, 19>();
  check_transpose<T, 8, 16, 16, 8>();
  check_transpose<T, 8, 16, 17, 12>();
  check_transpose<T, 11, 13, 13, 11>();
  check_transpose<T, 11, 13, 15, 14>();
  check_transpose<T, 3, 5, 5, 3>();
  check_transpose<T, 3, 5, 7, 6>();
}

#endif
