// The embedded guarantees, in a program built with -fno-exceptions -fno-rtti (Boost.Test needs
// exceptions, so this is a plain main that returns nonzero on any failure):
//   * no heap: global operator new (every form) and, on glibc, malloc/calloc/realloc/memalign are
//     replaced by counting versions; every op and every way to evaluate it must count 0;
//   * no exceptions, no RTTI: this file compiles without either, and every call is noexcept;
//   * correct without exceptions: every result is checked against the independent reference
//     (reference.hpp) with the rounding bound of case_spec.hpp;
//   * deterministic: every way to evaluate, and a second call, give bit-identical results;
//   * no data-dependent shortcuts: zeros in the input meet an infinite filter element, and the
//     result must be NaN exactly where the reference's 0 * inf terms make it NaN (a kernel that
//     skipped zero inputs, or any term, would give finite values there);
//   * the kernel set: argv[1], when given, must equal convt::kernels::simd_arch_name() (meson
//     passes it from the arch option, e.g. "arm64+neon" under qemu-aarch64).
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "test_embedded.cpp must be built with -fno-exceptions"
#endif
#if defined(__GXX_RTTI) || defined(__cpp_rtti)
#error "test_embedded.cpp must be built with -fno-rtti"
#endif

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "case_spec.hpp"
#include "reference.hpp"

// ---- heap accounting -------------------------------------------------------------------------

// Under AddressSanitizer the C allocation functions are the sanitizer's: they are not replaced
// (ASan cannot start with a malloc of ours), and operator new counts on top of its malloc.
#if defined(__SANITIZE_ADDRESS__)
#define CONVT_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CONVT_TEST_ASAN 1
#endif
#endif
#if defined(__GLIBC__) && !defined(CONVT_TEST_ASAN)
#define CONVT_TEST_COUNT_MALLOC 1
#endif

namespace heap {

long allocations = 0;  // single-threaded program: a plain counter

#if defined(CONVT_TEST_COUNT_MALLOC)
// glibc's own entry points, so that the replaced malloc below and operator new count once each.
extern "C" void* __libc_malloc(std::size_t);
extern "C" void* __libc_calloc(std::size_t, std::size_t);
extern "C" void* __libc_realloc(void*, std::size_t);
extern "C" void* __libc_memalign(std::size_t, std::size_t);
inline void* allocate(std::size_t size) { return __libc_malloc(size ? size : 1); }
inline void* allocate_aligned(std::size_t alignment, std::size_t size) { return __libc_memalign(alignment, size ? size : 1); }
#else
inline void* allocate(std::size_t size) { return std::malloc(size ? size : 1); }
inline void* allocate_aligned(std::size_t alignment, std::size_t size) {
  return std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}
#endif

inline void* counted(void* p) {
  ++allocations;
  return p;
}

// Out of line: GCC's -Wmismatched-new-delete would otherwise see free() inlined into a replaced
// operator delete and take it for a mismatch.
[[gnu::noinline]] void release(void* p) noexcept { std::free(p); }

}  // namespace heap

void* operator new(std::size_t size) {
  if (void* p = heap::counted(heap::allocate(size))) return p;
  std::abort();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return heap::counted(heap::allocate(size)); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return heap::counted(heap::allocate(size)); }
void* operator new(std::size_t size, std::align_val_t alignment) {
  if (void* p = heap::counted(heap::allocate_aligned(static_cast<std::size_t>(alignment), size))) return p;
  std::abort();
}
void* operator new[](std::size_t size, std::align_val_t alignment) { return operator new(size, alignment); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return heap::counted(heap::allocate_aligned(static_cast<std::size_t>(alignment), size));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return heap::counted(heap::allocate_aligned(static_cast<std::size_t>(alignment), size));
}
void operator delete(void* p) noexcept { heap::release(p); }
void operator delete[](void* p) noexcept { heap::release(p); }
void operator delete(void* p, std::size_t) noexcept { heap::release(p); }
void operator delete[](void* p, std::size_t) noexcept { heap::release(p); }
void operator delete(void* p, std::align_val_t) noexcept { heap::release(p); }
void operator delete[](void* p, std::align_val_t) noexcept { heap::release(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { heap::release(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { heap::release(p); }

#if defined(CONVT_TEST_COUNT_MALLOC)
// The C allocation functions too (a kernel could call malloc directly); free stays glibc's.
extern "C" {
void* malloc(std::size_t size) { return heap::counted(heap::__libc_malloc(size)); }
void* calloc(std::size_t count, std::size_t size) { return heap::counted(heap::__libc_calloc(count, size)); }
void* realloc(void* p, std::size_t size) { return heap::counted(heap::__libc_realloc(p, size)); }
void* aligned_alloc(std::size_t alignment, std::size_t size) {
  return heap::counted(heap::__libc_memalign(alignment, size));
}
void* memalign(std::size_t alignment, std::size_t size) { return heap::counted(heap::__libc_memalign(alignment, size)); }
int posix_memalign(void** p, std::size_t alignment, std::size_t size) {
  *p = heap::counted(heap::__libc_memalign(alignment, size));
  return *p ? 0 : 12;  // ENOMEM
}
}
#endif

namespace {

int failures = 0;

void fail(const char* what, const char* where) {
  std::printf("FAIL %s: %s\n", where, what);
  ++failures;
}

/// Runs f() and returns the number of heap allocations it made.
template <class F>
long allocations_during(F&& f) {
  const long before = heap::allocations;
  f();
  return heap::allocations - before;
}

// Kept out of line and through a volatile pointer so that the compiler cannot elide them
// (new/delete pairs may be elided since C++14).
[[gnu::noinline]] void allocate_with_new() {
  int* volatile p = new int(1);
  delete p;
}
#if defined(CONVT_TEST_COUNT_MALLOC)
[[gnu::noinline]] void allocate_with_malloc() {
  void* volatile p = std::malloc(16);
  std::free(p);
}
#endif

// ---- the checks of one configuration ---------------------------------------------------------

using cases::padding;
using cases::spec;

/// Every expression checked for one configuration: the op's expression `e` over input x and
/// filters w, and expressions built on it whose values equal the op's exactly (so the same
/// reference applies): every element-wise node, fused into the kernel's store, on the input side
/// (read as the kernel loads it) and a second convolution in one expression (evaluated into a stack
/// temporary). visit(name, expression, reference result).
template <spec c, class X, class W, class E, class Visit>
void for_each_expression(const X& x, const W& w, const E& e, const reference::result& want, Visit&& visit) {
  using T = typename X::value_type;
  const T inf = std::numeric_limits<T>::infinity();
  static convt::tensor<T, c.oc> zero_bias{};
  visit("op", e, want);
  // The expressions once per configuration (float, raw filters): their evaluation code is the
  // same for both types and filter layouts, and each one instantiated is compile time.
  if constexpr (std::is_same_v<T, float> && !convt::is_prepacked_filters<W>::value) {
  visit("relu(e) - relu(-e)", convt::relu(e) - convt::relu(-e), want);
  visit("bias_add(e, 0) * 1", convt::bias_add(e, zero_bias, std::conditional_t<c.nchw, convt::nchw_t, convt::nhwc_t>{}) * 1, want);
  visit("clamp(leaky_relu(e, 1), -inf, inf)", convt::clamp(convt::leaky_relu(e, 1), -inf, inf), want);
  visit("max(e, relu6(e) * 0 - inf) + min(e, e) * 0", convt::max(e, convt::relu6(e) * 0 - inf) + convt::min(e, e) * 0, want);
  visit("e + 0 * e (two convolutions)", e + 0 * e, want);
  visit("op(1 * x)", cases::op<c>(1 * x, w), want);
  // sigmoid and tanh: no heap and noexcept like the others (values in test_expressions).
  const auto s = convt::sigmoid(e) + convt::tanh(e);
  if (allocations_during([&] { const typename decltype(s)::result_type r(s); }) != 0) fail("heap allocations", "sigmoid/tanh");
  }
}

/// Every way to evaluate expression `e` into output tensors of configuration c, each into
/// `results[form]` (all NaN-filled first, so an element left unwritten fails); each evaluation is
/// counted for heap allocations.
template <class T, spec c, class E>
void evaluate_every_way(const E& e, cases::output_tensor<T, c>* results, const char* where) {
  using output = cases::output_tensor<T, c>;
  static_assert(noexcept(convt::assign(results[0], e)) && noexcept(convt::eval(e)) &&
                noexcept(results[0] = e) && std::is_nothrow_constructible_v<output, const E&>);
  for (int form = 0; form < 6; ++form)
    std::fill(results[form].begin(), results[form].end(), std::numeric_limits<T>::quiet_NaN());
  long heap = 0;
  heap += allocations_during([&] { convt::assign(results[0], e); });
  heap += allocations_during([&] {
    using view = std::conditional_t<c.nchw, convt::tensor_view<T, c.n, c.oc, c.oh, c.ow>,
                                    convt::tensor_view<T, c.n, c.oh, c.ow, c.oc>>;
    convt::assign(view{results[1].data()}, e);
  });
  heap += allocations_during([&] {
    const auto evaluated = convt::eval(e);
    std::copy(evaluated.begin(), evaluated.end(), results[2].begin());
  });
  heap += allocations_during([&] {
    const output constructed = e;
    std::copy(constructed.begin(), constructed.end(), results[3].begin());
  });
  heap += allocations_during([&] { results[4] = e; });
  heap += allocations_during([&] { convt::assign(results[5], e); });  // a second call
  if (heap != 0) fail("heap allocations while evaluating", where);
}

template <class T, spec c, class Filters>
void check_filters(const cases::input_tensor<T, c>& x, const Filters& w, const reference::result& want,
                   cases::output_tensor<T, c>* results, const char* where) {
  constexpr reference::problem p = c.problem();
  const auto e = cases::op<c>(x, w);
  for_each_expression<c>(x, w, e, want, [&](const char* name, const auto& expression, const reference::result& wanted) {
    std::printf("  %s %s\n", where, name);
    evaluate_every_way<T, c>(expression, results, where);
    const int bad = cases::count_out_of_bound(p, results[0].data(), wanted,
                                              [](std::size_t element, double got, double value, double bound) {
                                                std::printf("    element %zu: got %g, want %g (bound %g)\n", element,
                                                            got, value, bound);
                                              });
    if (bad != 0) fail("values outside the reference's rounding bound", where);
    for (int form = 1; form < 6; ++form)
      if (std::memcmp(results[form].data(), results[0].data(), sizeof(T) * results[0].size()) != 0)
        fail("two evaluations of the same expression differ (bits)", where);
  });
}

/// Zeros in the input and one infinite filter element per output channel: wherever the reference
/// has a 0 * inf term the result must be NaN, and finite elsewhere.
template <class T, spec c, class Filters>
void check_no_shortcuts(const cases::input_tensor<T, c>& x, const Filters& w, const std::vector<T>& xs,
                        const std::vector<T>& ws, cases::output_tensor<T, c>& y, const char* where) {
  const auto want = reference::conv2d_transpose(c.problem(), xs, ws);
  std::fill(y.begin(), y.end(), T(0));
  if (allocations_during([&] { convt::assign(y, cases::op<c>(x, w)); }) != 0) fail("heap allocations", where);
  for (std::size_t e = 0; e < y.size(); ++e)
    if (std::isnan(y.data()[e]) != std::isnan(want.value[e])) {
      fail("NaN pattern differs from the reference: a term was skipped or invented", where);
      return;
    }
}

/// prepack's layout (block_width < 0), or blocks of block_width output channels.
template <class T, spec c, int block_width>
using packed_filters_of = std::conditional_t<(block_width < 0), decltype(convt::prepack(std::declval<const convt::tensor<T, c.kh, c.kw, c.oc, c.ic>&>())),
                                             convt::prepacked_filters<T, c.kh, c.kw, c.oc, c.ic, (block_width < 0 ? 0 : block_width)>>;

template <class T, spec c, int block_width = -1>
void check(std::uint32_t seed, const char* where) {
  constexpr reference::problem p = c.problem();
  std::printf("%s\n", where);
  // Operands and results on the heap of the test (not counted: only evaluations are).
  auto x = std::make_unique<cases::input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  auto results = std::make_unique<cases::output_tensor<T, c>[]>(6);
  auto xs = reference::random_values<T>(p.input_size(), seed);
  auto ws = reference::random_values<T>(p.filter_size(), seed + 1);
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  const auto want = reference::conv2d_transpose(p, xs, ws);

  using packed_type = packed_filters_of<T, c, block_width>;
  static_assert(noexcept(convt::prepack(*w)));
  auto packed = std::make_unique<packed_type>();
  auto packed_by_value = std::make_unique<packed_type>();
  if (allocations_during([&] { convt::prepack(*w, *packed); }) != 0) fail("heap allocations in prepack", where);
  if constexpr (block_width < 0 && sizeof(packed_type) <= 64 * 1024)  // prepack by value returns it on the stack
    if (allocations_during([&] { *packed_by_value = convt::prepack(*w); }) != 0)
      fail("heap allocations in prepack (by value)", where);

  check_filters<T, c>(*x, *w, want, results.get(), where);
  check_filters<T, c>(*x, *packed, want, results.get(), where);

  // The forward op (conv2d / atrous_conv2d) back from the output's shape, and fused into.
  {
    auto back = std::make_unique<cases::input_tensor<T, c>>();
    const auto forward = cases::forward_op<c>(results[0], *w);
    static_assert(noexcept(convt::assign(*back, forward)) && noexcept(convt::eval(forward)));
    if (allocations_during([&] { convt::assign(*back, forward); }) != 0 ||
        allocations_during([&] { convt::assign(*back, convt::relu(forward) + 1); }) != 0 ||
        allocations_during([&] { const auto r = convt::eval(forward); (void)r; }) != 0)
      fail("heap allocations in the forward op", where);
  }

  // Half of the input zero, one filter element per output channel infinite.
  for (std::size_t i = 0; i < xs.size(); i += 2) xs[i] = T(0);
  for (int o = 0; o < c.oc && !ws.empty(); ++o)
    ws[p.filter_index((o * 7) % c.kh, (o * 5) % c.kw, o, c.ic > 0 ? o % c.ic : 0)] =
        std::numeric_limits<T>::infinity();
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  convt::prepack(*w, *packed);
  check_no_shortcuts<T, c>(*x, *w, xs, ws, results[0], where);
  check_no_shortcuts<T, c>(*x, *packed, xs, ws, results[0], where);
}

template <spec c>
void float_and_double(const char* where) {
  static std::uint32_t seed = 1;
  check<float, c>(seed += 2, where);
  check<double, c>(seed += 2, where);
}

// Configurations that reach every kernel path: broadcast tile with raw filters packed on the fly
// (out_c a multiple of the vector width, >= 64 input pixels) and with prepacked filters, the dot
// tile (odd out_c, in_c tails), NCHW through the NHWC scratch, atrous, dilation with stride,
// explicit and VALID padding, batch > 1.
#define CHECK(...) float_and_double<spec{__VA_ARGS__}>(#__VA_ARGS__)

void check_all() {
  CHECK(.n = 2, .ih = 6, .iw = 7, .ic = 5, .oh = 12, .ow = 14, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2);
  CHECK(.n = 1, .ih = 9, .iw = 8, .ic = 17, .oh = 19, .ow = 17, .oc = 24, .kh = 3, .kw = 2, .sh = 2, .sw = 2,
        .pad = padding::valid);
  CHECK(.n = 1, .ih = 8, .iw = 9, .ic = 3, .oh = 8, .ow = 9, .oc = 32, .kh = 3, .kw = 3, .dh = 2, .dw = 2,
        .atrous = true);
  CHECK(.n = 1, .ih = 8, .iw = 8, .ic = 33, .oh = 16, .ow = 16, .oc = 8, .kh = 4, .kw = 4, .sh = 2, .sw = 2,
        .nchw = true);
  CHECK(.n = 1, .ih = 9, .iw = 10, .ic = 4, .oh = 25, .ow = 20, .oc = 16, .kh = 3, .kw = 3, .sh = 3, .sw = 2, .dh = 2,
        .dw = 1, .pad = padding::explicit_, .pt = 1, .pb = 3, .pl = 2, .pr = 0);
  CHECK(.n = 1, .ih = 4, .iw = 4, .ic = 40, .oh = 8, .ow = 8, .oc = 9, .kh = 4, .kw = 4, .sh = 2, .sw = 2);
  CHECK(.n = 2, .ih = 5, .iw = 3, .ic = 17, .oh = 10, .ow = 5, .oc = 3, .kh = 3, .kw = 2, .sh = 2, .sw = 2);
  CHECK(.n = 1, .ih = 16, .iw = 16, .ic = 8, .oh = 32, .ow = 32, .oc = 3, .kh = 4, .kw = 4, .sh = 2, .sw = 2);
  CHECK(.n = 2, .ih = 3, .iw = 5, .ic = 17, .oh = 7, .ow = 13, .oc = 4, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .dh = 1,
        .dw = 2, .pad = padding::valid, .nchw = true);
  CHECK(.n = 1, .ih = 6, .iw = 5, .ic = 4, .oh = 6, .ow = 5, .oc = 3, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true);
  // Filters prepacked in blocks narrower than out_c (prepack's layout for filters over 1 MiB):
  // 16 channels, two AVX2 float vectors, of 40, the last block 8 wide.
  check<float, spec{.n = 1, .ih = 6, .iw = 5, .ic = 5, .oh = 12, .ow = 10, .oc = 40, .kh = 3, .kw = 3, .sh = 2, .sw = 2}, 16>(
      91, "blocks of 16 of 40 output channels");
}

// The ops themselves are noexcept, whatever their arguments.
constexpr bool ops_are_noexcept() {
  convt::tensor<float, 1, 4, 4, 2> x;
  convt::tensor<float, 3, 3, 2, 2> w;
  return noexcept(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 2>, convt::strides<2>, convt::same)) &&
         noexcept(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 2>, convt::rate<2>, convt::same)) &&
         noexcept(convt::conv2d_transpose(x, convt::prepack(w), convt::output_shape<1, 8, 8, 2>, convt::strides<2>));
}
static_assert(ops_are_noexcept());

}  // namespace

int main(int argc, char** argv) {
  std::printf("kernels: %s\n", convt::kernels::simd_arch_name());
  if (argc > 1 && argv[1][0] != '\0' && std::strcmp(argv[1], convt::kernels::simd_arch_name()) != 0)
    fail("the kernels are not the expected instruction set", argv[1]);

  // The accounting itself must see allocations, or a zero below would prove nothing.
  if (allocations_during(allocate_with_new) != 1) fail("operator new is not counted", "heap accounting");
#if defined(CONVT_TEST_COUNT_MALLOC)
  if (allocations_during(allocate_with_malloc) != 1) fail("malloc is not counted", "heap accounting");
#endif

  check_all();
  std::printf("convt embedded checks: %d failed\n", failures);
  return failures == 0 ? 0 : 1;
}
