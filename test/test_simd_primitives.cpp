// The SIMD primitives the kernels and the expressions are built on, lane by lane against scalar
// code, for float and double, on the instruction set the build targets (convt::kernels::simd::
// vector<T> = xsimd::batch<T, xsimd::default_arch>): convt's sum_rows (kernels/simd/reduce.hpp),
// fma (kernels/simd/fma.hpp) and transpose (kernels/simd/transpose.hpp), and the xsimd 8.1
// operations they and functions.hpp use (haddp, fma, loads and stores, broadcasts, select, max,
// isnan, make_sized_batch_t, < and >).
// Lanes are read and written with memcpy, not with xsimd's loads and stores, except where those
// are under test. exp and tanh: test_simd_math.cpp.
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
#include <convt/kernels/simd/reduce.hpp>
#include <convt/kernels/simd/transpose.hpp>

namespace {

using convt::kernels::simd_arch_name;
using types = std::tuple<float, double>;
template <class T>
using vec = convt::kernels::simd::vector<T>;
template <class T>
constexpr int L = int(vec<T>::size);

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

/// got[0, n) against want[0, n), reporting the first mismatching lanes.
template <class T>
void check_lanes(const std::string& what, const T* got, const T* want, int n) {
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    if (!same(got[i], want[i]) && ++wrong <= 4)
      BOOST_ERROR(what << " on " << simd_arch_name() << ": lane " << i << " got " << show(got[i]) << ", want "
                       << show(want[i]));
  BOOST_TEST(wrong == 0, what << " on " << simd_arch_name() << ": " << wrong << " of " << n << " lanes wrong");
}

template <class T>
std::array<T, L<T>> lanes(const vec<T>& v) {
  std::array<T, L<T>> a;
  std::memcpy(a.data(), static_cast<const void*>(&v), sizeof a);
  return a;
}

template <class T>
vec<T> make(const std::array<T, L<T>>& a) {
  vec<T> v;
  std::memcpy(static_cast<void*>(&v), a.data(), sizeof a);
  return v;
}

template <class T, class F>
std::array<T, L<T>> per_lane(F f) {
  std::array<T, L<T>> a;
  for (int j = 0; j < L<T>; ++j) a[j] = f(j);
  return a;
}

/// L rows, row i lane j = i * 100 + j: small integers, so every sum is exact and rows differ.
template <class T>
std::vector<vec<T>> numbered_rows() {
  std::vector<vec<T>> rows;
  for (int i = 0; i < L<T>; ++i) rows.push_back(make(per_lane<T>([&](int j) { return T(i * 100 + j); })));
  return rows;
}

template <class T>
std::array<T, L<T>> row_sums() {
  return per_lane<T>([](int r) { return T(L<T> * r * 100 + L<T> * (L<T> - 1) / 2); });
}

}  // namespace

BOOST_AUTO_TEST_CASE_TEMPLATE(sum_rows_puts_each_rows_sum_in_its_lane, T, types) {
  const auto rows = numbered_rows<T>();
  const auto got = lanes(convt::kernels::simd::sum_rows<T>(rows.data()));
  check_lanes("sum_rows", got.data(), row_sums<T>().data(), L<T>);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_haddp_puts_each_rows_sum_in_its_lane, T, types) {
#if XSIMD_WITH_AVX512F
  // Wrong in xsimd 8.1, and not used by convt: xsimd_haddp_16_floats_is_not_used.
  if constexpr (std::is_same_v<T, float>) return;
#endif
  const auto rows = numbered_rows<T>();
  const auto got = lanes(xsimd::haddp(rows.data()));
  check_lanes("xsimd::haddp", got.data(), row_sums<T>().data(), L<T>);
}

#if XSIMD_WITH_AVX512F
// reduce.hpp reduces 16 floats with its own shuffles because xsimd 8.1's haddp puts the sums of
// rows 2-3 and 4-5 (and 10-11, 12-13) in each other's lanes there. If this fails on haddp, xsimd
// has been fixed: reconsider sum_rows_16_floats.
BOOST_AUTO_TEST_CASE(xsimd_haddp_16_floats_is_not_used) {
  const auto rows = numbered_rows<float>();
  const auto want = row_sums<float>();
  const auto by_haddp = lanes(xsimd::haddp(rows.data()));
  int haddp_wrong = 0;
  for (int r = 0; r < 16; ++r) haddp_wrong += !same(by_haddp[r], want[r]);
  BOOST_TEST(haddp_wrong > 0, "xsimd::haddp on " << simd_arch_name() << " now sums 16 floats right: reconsider "
                                  "sum_rows_16_floats (reduce.hpp) and this test");
  const auto got = lanes(convt::kernels::simd::sum_rows<float>(rows.data()));
  check_lanes("sum_rows", got.data(), want.data(), 16);
}
#endif

// Where the target has a fused multiply-add, convt's fma (kernels/simd/fma.hpp) must round once,
// as std::fma. Without one (SSE2 to SSE4.2, AVX) it is xsimd's x * y + z, two roundings, and so
// must the reference be. xsimd 8.1's own fma is checked where convt relies on it: not on AVX-512,
// where it is an unfused x * y + z (fused only where g++ -O2 contracts it) and convt calls the
// instruction itself.
// Even lanes are (1 + k e)(1 + m e) - (1 + (k + m) e), e = 2^-((digits + 1) / 2), k and m odd:
// fused, k m e^2 exactly; unfused, the product loses that last bit.
BOOST_AUTO_TEST_CASE_TEMPLATE(fma_rounds_once_like_std_fma, T, types) {
#if defined(__FMA__) || defined(__FMA4__) || XSIMD_WITH_NEON64
  constexpr bool fused = true;
#else
  constexpr bool fused = false;
#endif
  const T e = std::ldexp(T(1), -((std::numeric_limits<T>::digits + 1) / 2));
  const auto sign = [](int j) { return j % 4 ? T(-1) : T(1); };  // of the even lanes' a; c has the other
  const auto a = per_lane<T>([&](int j) { return j % 2 ? T(0.1) * T(j) - T(0.7) : sign(j) * (1 + T(2 * j + 1) * e); });
  const auto b = per_lane<T>([&](int j) { return j % 2 ? T(3.3) - T(j) : 1 + T(2 * j + 3) * e; });
  const auto c = per_lane<T>([&](int j) { return j % 2 ? T(1e-3) * T(j) : -sign(j) * (1 + T(4 * j + 4) * e); });
  std::array<T, L<T>> want;
  int rounding_differs = 0;
  for (int j = 0; j < L<T>; ++j) {
    volatile T product = a[j] * b[j];  // no contraction into an fma
    const T unfused = product + c[j];
    want[j] = fused ? std::fma(a[j], b[j], c[j]) : unfused;
    rounding_differs += unfused != std::fma(a[j], b[j], c[j]);
  }
  BOOST_TEST(rounding_differs > 0);
  const char* what = fused ? "fma (want std::fma)" : "fma (no FMA on this set: want x * y + z)";
  const auto got = lanes(convt::kernels::simd::fma<T>(make(a), make(b), make(c)));
  check_lanes(what, got.data(), want.data(), L<T>);
#if !XSIMD_WITH_AVX512F
  const auto got_xsimd = lanes(xsimd::fma(make(a), make(b), make(c)));
  check_lanes(fused ? "xsimd::fma (want std::fma)" : "xsimd::fma (no FMA on this set: want x * y + z)",
              got_xsimd.data(), want.data(), L<T>);
#endif
}

BOOST_AUTO_TEST_CASE_TEMPLATE(loads_and_stores_keep_lane_order, T, types) {
  constexpr int n = L<T>;
  const T sentinel = T(-7);
  alignas(64) T src[2 * n + 1];
  for (int i = 0; i < 2 * n + 1; ++i) src[i] = T(3 * i + 1);
  auto got = lanes(vec<T>::load_aligned(src));
  check_lanes("load_aligned", got.data(), src, n);
  got = lanes(vec<T>::load_unaligned(src + 1));
  check_lanes("load_unaligned at element 1", got.data(), src + 1, n);
  const vec<T> v = make(per_lane<T>([](int j) { return T(10 * j + 5); }));
  const auto want = lanes(v);
  alignas(64) T dst[2 * n + 1];
  std::fill(dst, dst + 2 * n + 1, sentinel);
  v.store_aligned(dst);
  check_lanes("store_aligned", dst, want.data(), n);
  for (int i = n; i < 2 * n + 1; ++i) BOOST_TEST(dst[i] == sentinel, "store_aligned wrote element " << i);
  std::fill(dst, dst + 2 * n + 1, sentinel);
  v.store_unaligned(dst + 1);
  check_lanes("store_unaligned at element 1", dst + 1, want.data(), n);
  BOOST_TEST(dst[0] == sentinel);
  for (int i = n + 1; i < 2 * n + 1; ++i) BOOST_TEST(dst[i] == sentinel, "store_unaligned wrote element " << i);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(broadcast_puts_the_value_in_every_lane, T, types) {
  for (const T x : {T(0), -T(0), T(1.25), -std::numeric_limits<T>::infinity(), std::numeric_limits<T>::denorm_min()}) {
    const auto got = lanes(vec<T>(x));
    const auto want = per_lane<T>([&](int) { return x; });
    check_lanes("vector(" + show(x) + ")", got.data(), want.data(), L<T>);
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(comparison_masks_match_scalar, T, types) {
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const auto a = per_lane<T>([&](int j) { return j % 5 == 3 ? nan : T((j * 5) % 7); });
  const auto b = per_lane<T>([&](int j) { return j % 7 == 6 ? nan : T((j * 3) % 5) + (j % 3 ? T(0) : T(0.5)); });
  const auto less = make(a) < make(b), greater = make(a) > make(b);
  for (int j = 0; j < L<T>; ++j) {
    BOOST_TEST(less.get(j) == (a[j] < b[j]), "< on " << simd_arch_name() << ": lane " << j << " got " << less.get(j)
               << " for " << show(a[j]) << " < " << show(b[j]));
    BOOST_TEST(greater.get(j) == (a[j] > b[j]), "> on " << simd_arch_name() << ": lane " << j << " got "
               << greater.get(j) << " for " << show(a[j]) << " > " << show(b[j]));
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_select_takes_a_where_the_mask_is_set, T, types) {
  const auto a = per_lane<T>([](int j) { return T((j * 5) % 7) + T(0.25); });
  const auto b = per_lane<T>([](int j) { return T((j * 3) % 5) + T(0.5) + T(100 * (j % 2)); });
  const auto c = per_lane<T>([](int j) { return T(j * j) - T(20); });
  const auto d = per_lane<T>([](int j) { return -T(j) - T(0.75); });
  std::array<T, L<T>> want;
  for (int j = 0; j < L<T>; ++j) want[j] = a[j] < b[j] ? c[j] : d[j];
  const auto got = lanes(xsimd::select(make(a) < make(b), make(c), make(d)));
  check_lanes("xsimd::select(a < b, c, d)", got.data(), want.data(), L<T>);
}

// functions.hpp's max_with_zero (relu) is xsimd::max(0, x): NaN where x is NaN, as x86's maxps
// (which returns its second operand when either is NaN) and NEON's fmax give.
BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_max_matches_scalar_and_keeps_nan_from_x, T, types) {
  const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
  const auto a = per_lane<T>([](int j) { return T((j * 5) % 7) - T(3); });
  const auto b = per_lane<T>([](int j) { return T((j * 3) % 5) - T(2.5); });
  std::array<T, L<T>> want;
  for (int j = 0; j < L<T>; ++j) want[j] = a[j] < b[j] ? b[j] : a[j];
  auto got = lanes(xsimd::max(make(a), make(b)));
  check_lanes("xsimd::max(a, b)", got.data(), want.data(), L<T>);
  const T specials[] = {nan, T(-2), -nan, T(3.5), inf, -inf, T(0), -std::numeric_limits<T>::denorm_min()};
  const auto x = per_lane<T>([&](int j) {
    const T s = specials[j % 8];
    return j >= 8 && std::isfinite(s) ? s + T(j) : s;
  });
  for (int j = 0; j < L<T>; ++j) want[j] = std::isnan(x[j]) ? nan : (x[j] > 0 ? x[j] : T(0));
  got = lanes(xsimd::max(vec<T>(T(0)), make(x)));
  check_lanes("xsimd::max(0, x)", got.data(), want.data(), L<T>);
  got = lanes(convt::detail::fn::max_with_zero(make(x)));
  check_lanes("max_with_zero(x)", got.data(), want.data(), L<T>);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(xsimd_isnan_flags_only_nan_lanes, T, types) {
  using limits = std::numeric_limits<T>;
  const T values[] = {limits::quiet_NaN(), limits::infinity(), -limits::infinity(), T(0), -T(0), limits::denorm_min(),
                      -limits::quiet_NaN(), T(1.5), -limits::max(), limits::signaling_NaN(), limits::min(), T(-3)};
  const auto x = per_lane<T>([&](int j) { return values[(j * 5) % 12]; });
  const auto mask = xsimd::isnan(make(x));
  for (int j = 0; j < L<T>; ++j)
    BOOST_TEST(mask.get(j) == std::isnan(x[j]),
               "xsimd::isnan on " << simd_arch_name() << ": lane " << j << " got " << mask.get(j) << " for "
                                  << show(x[j]));
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
  sizes += " " + std::to_string(N) + (exists ? ": yes" : ": void");
  BOOST_TEST(exists == has_batch_of(N * sizeof(T)), "make_sized_batch_t<" << sizeof(T) << "-byte T, " << N << "> on "
                                                                          << simd_arch_name() << ": void " << !exists);
  if constexpr (exists) {
    BOOST_TEST(B::size == N);
    T src[N + 1], dst[N + 2];
    for (std::size_t i = 0; i < N + 1; ++i) src[i] = T(7 * i + 2);
    std::fill(dst, dst + N + 2, T(-1));
    B::load_unaligned(src + 1).store_unaligned(dst + 1);
    check_lanes("make_sized_batch_t<T, " + std::to_string(N) + "> round trip", dst + 1, src + 1, int(N));
    BOOST_TEST((dst[0] == T(-1) && dst[N + 1] == T(-1)), "make_sized_batch_t<T, " << N << "> wrote outside");
  }
}

}  // namespace

// dot_tile.hpp stores a pixel's O channels as one make_sized_batch_t<T, O> where it is not void.
BOOST_AUTO_TEST_CASE_TEMPLATE(make_sized_batch_has_n_lanes_in_order, T, types) {
  std::string sizes;
  check_sized_batch<T, 1>(sizes);
  check_sized_batch<T, 2>(sizes);
  check_sized_batch<T, 3>(sizes);
  check_sized_batch<T, 4>(sizes);
  check_sized_batch<T, 8>(sizes);
  check_sized_batch<T, 16>(sizes);
  BOOST_TEST_MESSAGE(simd_arch_name() << ", " << sizeof(T) << "-byte T, make_sized_batch_t for N =" << sizes);
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
  convt::kernels::simd::transpose<T, rows, cols, src_stride, dst_stride>(src.data(), dst.data());
  const std::string what = "transpose<" + std::to_string(rows) + ", " + std::to_string(cols) + ", " +
                           std::to_string(src_stride) + ", " + std::to_string(dst_stride) + ">";
  check_lanes(what, dst.data(), want.data(), int(dst.size()));
}

}  // namespace

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
