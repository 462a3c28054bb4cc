// The containers: tensor owns zero-filled, 64-byte aligned, row-major storage; tensor_view gives
// the same interface over caller memory at any element address; both work in constant
// expressions. (A view at an address not aligned to the element: test_misaligned_view.cpp.)
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <type_traits>

#include <convt/convt.hpp>

#include "case_runner.hpp"

static_assert(std::is_trivially_copyable_v<convt::tensor<float, 2, 3>>);
static_assert(alignof(convt::tensor<float, 1>) == 64);
static_assert(convt::tensor<float, 2, 3, 4>::size() == 24);
static_assert(convt::tensor<float, 2, 0, 4>::size() == 0);
static_assert(convt::tensor<double, 2, 3>::rank == 2);
static_assert(convt::tensor_view<const float, 5, 7>::size() == 35);
static_assert(std::is_same_v<convt::tensor_view<const float, 5>::value_type, float>);

// Literal type: built, written and read by the compiler.
static_assert([] {
  convt::tensor<int, 2, 3> t;
  bool zero = true;
  for (int v : t) zero = zero && v == 0;
  t(1, 2) = 7;
  return zero && t.data()[5] == 7 && t(1, 2) == 7;
}());

BOOST_AUTO_TEST_CASE(tensor_is_zero_filled_aligned_and_row_major) {
  convt::tensor<float, 2, 3, 4> t;
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(t.data()) % 64 == 0u);
  for (float v : t) BOOST_TEST(v == 0.0f);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 3; ++b)
      for (int c = 0; c < 4; ++c) t(a, b, c) = float(100 * a + 10 * b + c);
  // row-major: offset (a * 3 + b) * 4 + c
  BOOST_TEST(t.data()[(1 * 3 + 2) * 4 + 3] == 123.0f);
  BOOST_TEST(t.end() - t.begin() == 24);
}

BOOST_AUTO_TEST_CASE(view_reads_and_writes_caller_memory) {
  float memory[2 * 5 + 1] = {};
  convt::tensor_view<float, 2, 5> v{memory + 1};  // any address: no alignment needed
  v(1, 4) = 3.5f;
  BOOST_TEST(memory[1 + 9] == 3.5f);
  convt::tensor_view<const float, 2, 5> r = v;  // mutable converts to read-only
  BOOST_TEST(r(1, 4) == 3.5f);
  BOOST_TEST(r.data() == memory + 1);
  convt::tensor<float, 2, 5> owned;
  convt::tensor_view<float, 2, 5> of_owned = owned;
  of_owned(0, 0) = 1.0f;
  BOOST_TEST(owned(0, 0) == 1.0f);
}

BOOST_AUTO_TEST_CASE(evaluation_paths_agree) {
  // eval, assign into a tensor, assign into a view over caller memory, initialisation and
  // assignment all give the same values.
  convt::tensor<float, 1, 3, 3, 2> x;
  convt::tensor<float, 3, 3, 4, 2> w;
  for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = float(i % 7) - 3.0f;
  for (std::size_t i = 0; i < w.size(); ++i) w.data()[i] = float(i % 5) - 2.0f;
  const auto e = convt::conv2d_transpose(x, w, convt::output_shape<1, 6, 6, 4>, convt::strides<2>, convt::same);
  const auto a = convt::eval(e);
  convt::tensor<float, 1, 6, 6, 4> b;
  convt::assign(b, e);
  float memory[144];
  convt::assign(convt::tensor_view<float, 1, 6, 6, 4>{memory}, e);
  convt::tensor<float, 1, 6, 6, 4> c = e;
  convt::tensor<float, 1, 6, 6, 4> d;
  d = e;
  // read-only views of the operands give the same result too
  const auto f = convt::eval(convt::conv2d_transpose(convt::tensor_view<const float, 1, 3, 3, 2>{x.data()}, w,
                                                     convt::output_shape<1, 6, 6, 4>, convt::strides<2>));
  bool any_nonzero = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST(a.data()[i] == b.data()[i]);
    BOOST_TEST(a.data()[i] == memory[i]);
    BOOST_TEST(a.data()[i] == c.data()[i]);
    BOOST_TEST(a.data()[i] == d.data()[i]);
    BOOST_TEST(a.data()[i] == f.data()[i]);
    any_nonzero = any_nonzero || a.data()[i] != 0.0f;
  }
  BOOST_TEST(any_nonzero);
}

namespace {

using cases::padding;
using cases::spec;

/// A view of D... over `memory` starting `offset` elements past a 64-byte boundary.
template <class T, int... D>
convt::tensor_view<T, D...> view_at(std::vector<std::remove_const_t<T>>& memory, std::size_t offset) {
  return convt::tensor_view<T, D...>{memory.data() + offset};
}

/// Configuration c with input, filters and result all viewed over caller memory that starts
/// `offset` elements past a 64-byte boundary (so no vector load or store is aligned), against the
/// reference, with raw filters and with filters prepacked from the view.
template <class T, spec c>
void views_at_offset(std::size_t offset) {
  constexpr reference::problem p = c.problem();
  const auto xs = reference::random_values<T>(p.input_size(), 21);
  const auto ws = reference::random_values<T>(p.filter_size(), 22);
  // std::vector's storage is at least 16-byte aligned. Each view starts `offset` elements past the
  // first 64-byte boundary after a guard of 64 bytes, and 64 bytes of guard follow it.
  std::vector<T> x_memory(p.input_size() + 256), w_memory(p.filter_size() + 256), y_memory(p.output_size() + 256);
  auto boundary = [](std::vector<T>& m) {
    constexpr std::size_t guard = 64 / sizeof(T);
    const auto address = reinterpret_cast<std::uintptr_t>(m.data() + guard);
    return guard + std::size_t((64 - address % 64) % 64 / sizeof(T));
  };
  const std::size_t xo = boundary(x_memory) + offset, wo = boundary(w_memory) + offset, yo = boundary(y_memory) + offset;
  std::copy(xs.begin(), xs.end(), x_memory.begin() + std::ptrdiff_t(xo));
  std::copy(ws.begin(), ws.end(), w_memory.begin() + std::ptrdiff_t(wo));
  std::fill(y_memory.begin(), y_memory.end(), std::numeric_limits<T>::quiet_NaN());
  const auto input = [&] {
    if constexpr (c.nchw) return view_at<const T, c.n, c.ic, c.ih, c.iw>(x_memory, xo);
    else return view_at<const T, c.n, c.ih, c.iw, c.ic>(x_memory, xo);
  }();
  const auto output = [&] {
    if constexpr (c.nchw) return view_at<T, c.n, c.oc, c.oh, c.ow>(y_memory, yo);
    else return view_at<T, c.n, c.oh, c.ow, c.oc>(y_memory, yo);
  }();
  const auto filters = view_at<const T, c.kh, c.kw, c.oc, c.ic>(w_memory, wo);
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(input.data()) % 64 == offset * sizeof(T));
  const auto want = reference::conv2d_transpose(p, xs, ws);

  convt::assign(output, cases::op<c>(input, filters));
  BOOST_TEST(cases::count_out_of_bound(p, output.data(), want) == 0);
  // Memory around the result is untouched.
  BOOST_TEST(std::isnan(y_memory[yo - 1]));
  BOOST_TEST(std::isnan(y_memory[yo + p.output_size()]));

  auto packed = std::make_unique<decltype(convt::prepack(filters))>();
  convt::prepack(filters, *packed);
  std::fill(y_memory.begin(), y_memory.end(), std::numeric_limits<T>::quiet_NaN());
  convt::assign(output, cases::op<c>(input, *packed));
  BOOST_TEST(cases::count_out_of_bound(p, output.data(), want) == 0);
}

template <spec c>
void every_offset() {
  for (std::size_t offset : {0, 1, 3}) {
    views_at_offset<float, c>(offset);
    views_at_offset<double, c>(offset);
  }
}

}  // namespace

// Views at 1 and 3 elements past a 64-byte boundary on every kernel path: dot tile (odd
// out_channels), broadcast tile over raw filters packed on the fly (8x8 input) and over
// prepacked filters, NCHW, atrous.
BOOST_AUTO_TEST_CASE(views_over_unaligned_caller_memory) {
  every_offset<spec{.n = 2, .ih = 4, .iw = 5, .ic = 9, .oh = 8, .ow = 10, .oc = 3, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  every_offset<spec{.n = 1, .ih = 8, .iw = 8, .ic = 5, .oh = 16, .ow = 16, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  every_offset<spec{.n = 2, .ih = 3, .iw = 4, .ic = 17, .oh = 7, .ow = 9, .oc = 16, .kh = 3, .kw = 2, .sh = 2, .sw = 2, .dh = 1, .dw = 2, .pad = padding::valid, .nchw = true}>();
  every_offset<spec{.n = 1, .ih = 5, .iw = 4, .ic = 8, .oh = 5, .ow = 4, .oc = 8, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}>();
}
