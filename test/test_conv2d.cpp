// The forward ops conv2d and atrous_conv2d: TensorFlow's own values, hand-computed cases (also in
// constant expressions), the derived output shape, and a generated grid of configurations against
// the independent reference (reference.hpp: forward_problem, conv2d_with_magnitude) covering
// kernel sizes 1-5, strides 1-3, dilations 1-2, SAME/VALID/EXPLICIT, NHWC/NCHW, batch 1-2, channel
// counts for the broadcast tile (out_c a multiple of the SIMD width) and the dot tile (odd and
// small out_c, in_c tails), every spelling of strides/dilations, float and double; and
// atrous_conv2d against conv2d with dilations.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

#include <convt/convt.hpp>

#include "case_runner.hpp"
#include "reference.hpp"

using reference::padding;

namespace {

/// A forward configuration as a structural value (reference::forward_problem's fields).
/// window_form: strides/dilations spelled with 1, 2 or 4 values.
struct fspec {
  int n, ih, iw, ic, oc, kh, kw;
  int sh = 1, sw = 1, dh = 1, dw = 1;
  padding pad = padding::same;
  int pt = 0, pb = 0, pl = 0, pr = 0;
  bool nchw = false;
  int window_form = 2;

  constexpr reference::forward_problem problem() const {
    return {n, ih, iw, ic, oc, kh, kw, sh, sw, dh, dw, pad, pt, pb, pl, pr, nchw};
  }
};

template <class T, fspec c>
using input_tensor = std::conditional_t<c.nchw, convt::tensor<T, c.n, c.ic, c.ih, c.iw>,
                                        convt::tensor<T, c.n, c.ih, c.iw, c.ic>>;

template <fspec c, class X, class W>
constexpr auto op(const X& x, const W& w) {
  if constexpr (c.nchw) return convt::conv2d(x, w, cases::strides_arg<c>(), cases::padding_arg<c>(), convt::nchw,
                                         cases::dilations_arg<c>());
  else return convt::conv2d(x, w, cases::strides_arg<c>(), cases::padding_arg<c>(), convt::nhwc, cases::dilations_arg<c>());
}


/// Configuration c with element type T: random input and filters; the derived shape must be the
/// reference's, and the result within the bounds of bounds.hpp (destination pre-filled with NaN).
template <class T, fspec c>
void check_against_reference(std::uint32_t seed) {
  const reference::forward_problem f = c.problem();
  const reference::problem p = f.as_transpose();
  auto x = std::make_unique<input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.ic, c.oc>>();
  const auto xs = reference::random_values<T>(x->size(), seed);
  const auto ws = reference::random_values<T>(w->size(), seed + 1);
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());

  using E = decltype(op<c>(*x, *w));
  static_assert(convt::is_expression_v<E> && E::valid);
  const std::array<int, 4> want_shape =
      c.nchw ? std::array<int, 4>{c.n, c.oc, f.oh(), f.ow()} : std::array<int, 4>{c.n, f.oh(), f.ow(), c.oc};
  BOOST_TEST(E::shape == want_shape);

  auto y = std::make_unique<typename E::result_type>();
  std::fill(y->begin(), y->end(), std::numeric_limits<T>::quiet_NaN());
  convt::assign(*y, op<c>(*x, *w));
  const auto want = reference::conv2d_with_magnitude(p, xs, ws);
  BOOST_TEST(want.value.size() == y->size());
  cases::check_bounds(want.value.size(), y->data(), want);
}

template <fspec c>
void float_and_double() {
  static std::uint32_t seed = 7;
  check_against_reference<float, c>(seed += 2);
  check_against_reference<double, c>(seed += 2);
}

/// The generated grid: every parameter cycles with its own period, so that over `count`
/// configurations each value of each parameter appears many times, in many combinations.
constexpr fspec grid_config(int i) {
  constexpr int in_channels[] = {1, 3, 8, 17, 5, 33};
  constexpr int out_channels[] = {8, 3, 16, 1, 24, 9, 4, 32, 2};
  fspec c{.n = 1 + i % 2, .ih = 0, .iw = 0, .ic = in_channels[i % 6], .oc = out_channels[i % 9],
          .kh = 1 + i % 5, .kw = 1 + (i + 2) % 5};
  c.sh = 1 + (i / 2) % 3;
  c.sw = 1 + (i / 3) % 3;
  c.dh = 1 + (i / 5) % 2;
  c.dw = 1 + (i / 7) % 2;
  c.pad = padding((i / 4) % 3);  // same, valid, explicit_
  c.nchw = (i / 6) % 2 == 1;
  c.window_form = (i % 7 == 3) ? 1 : (i % 7 == 5) ? 4 : 2;
  if (c.window_form == 1) {
    c.sw = c.sh;
    c.dw = c.dh;
  }
  if (c.pad == padding::explicit_) {
    c.pt = i % 3;
    c.pb = (i + 1) % 3;
    c.pl = (i / 2) % 3;
    c.pr = (i / 3) % 2;
  }
  // Input sizes around the dilated filter size (borders dominate) up to wide rows (full tiles).
  const int eh = (c.kh - 1) * c.dh + 1, ew = (c.kw - 1) * c.dw + 1;
  c.ih = eh + i % 6;
  c.iw = ew + (i * 5) % 13;
  return c;
}

template <int... I>
void run_grid(std::integer_sequence<int, I...>) {
  (float_and_double<grid_config(I)>(), ...);
}

}  // namespace

BOOST_AUTO_TEST_CASE(tensorflow_values) {
  // TensorFlow's conv_ops_test: arange inputs and filters from 1, NHWC, filters [k_h, k_w, in, out].
  convt::tensor<float, 1, 2, 3, 3> x;
  for (int i = 0; i < 18; ++i) x.data()[i] = float(i + 1);
  convt::tensor<float, 2, 2, 3, 3> w2;
  for (int i = 0; i < 36; ++i) w2.data()[i] = float(i + 1);
  convt::tensor<float, 1, 1, 3, 3> w1;
  for (int i = 0; i < 9; ++i) w1.data()[i] = float(i + 1);

  const auto y2 = convt::eval(convt::conv2d(x, w2, convt::strides<1>, convt::valid));  // 2x2 filter
  static_assert(std::is_same_v<std::remove_const_t<decltype(y2)>, convt::tensor<float, 1, 1, 2, 3>>);
  const float want2[] = {2271, 2367, 2463, 2901, 3033, 3165};
  BOOST_TEST(std::equal(y2.begin(), y2.end(), want2));

  const auto y1 = convt::eval(convt::conv2d(x, w1, convt::strides<1>, convt::valid));  // 1x1 filter
  const float want1[] = {30, 36, 42, 66, 81, 96, 102, 126, 150, 138, 171, 204, 174, 216, 258, 210, 261, 312};
  BOOST_TEST(std::equal(y1.begin(), y1.end(), want1));

  const auto ys = convt::eval(convt::conv2d(x, w2, convt::strides<2>, convt::valid));  // 2x2 filter, stride 2
  static_assert(std::is_same_v<std::remove_const_t<decltype(ys)>, convt::tensor<float, 1, 1, 1, 3>>);
  BOOST_TEST(std::equal(ys.begin(), ys.end(), want2));
}

BOOST_AUTO_TEST_CASE(hand_computed_values) {
  // All-ones 1x4x4x1 input, 3x3 ones filter, SAME: each output counts the taps inside the input.
  convt::tensor<double, 1, 4, 4, 1> ones;
  for (auto& v : ones) v = 1;
  convt::tensor<double, 3, 3, 1, 1> box;
  for (auto& v : box) v = 1;
  const auto y = convt::eval(convt::conv2d(ones, box, convt::strides<1>, convt::same));
  const double want[] = {4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4};
  BOOST_TEST(std::equal(y.begin(), y.end(), want));

  // 3x3 input 1..9, 2x2 filter 1..4, stride 2, SAME: output 2x2, total padding 1 (all after).
  //   37 = 1*1 + 2*2 + 4*3 + 5*4,  21 = 3*1 + 6*3,  23 = 7*1 + 8*2,  9 = 9*1
  convt::tensor<float, 1, 3, 3, 1> x;
  for (int i = 0; i < 9; ++i) x.data()[i] = float(i + 1);
  convt::tensor<float, 2, 2, 1, 1> w;
  for (int i = 0; i < 4; ++i) w.data()[i] = float(i + 1);
  const auto z = convt::eval(convt::conv2d(x, w, convt::strides<2>, convt::same));
  const float want_z[] = {37, 21, 23, 9};
  BOOST_TEST(std::equal(z.begin(), z.end(), want_z));

  // The same in NCHW, with explicit padding <1,0> <0,1>: rows -1..1, cols 0..2 of the padded input.
  convt::tensor<float, 1, 1, 3, 3> x_nchw;
  for (int i = 0; i < 9; ++i) x_nchw.data()[i] = float(i + 1);
  const auto e = convt::eval(convt::conv2d(x_nchw, w, convt::strides<1, 1, 2, 2>,
                                           convt::explicit_padding<0, 0, 0, 0, 1, 0, 0, 1>, convt::nchw));
  // O = (3 + 1 - 2 + 2) / 2 = 2 per axis. (0,0): row -1 (zero) and 0: 1*3 + 2*4 = 11; (0,1): 3*3 = 9;
  // (1,0): rows 1, 2: 4*1 + 5*2 + 7*3 + 8*4 = 67; (1,1): 6*1 + 9*3 = 33.
  static_assert(std::is_same_v<std::remove_const_t<decltype(e)>, convt::tensor<float, 1, 1, 2, 2>>);
  const float want_e[] = {11, 9, 67, 33};
  BOOST_TEST(std::equal(e.begin(), e.end(), want_e));
}

// The scalar kernel in constant expressions: the same two cases, evaluated by the compiler.
constexpr bool ones_case() {
  convt::tensor<float, 1, 4, 4, 1> ones;
  for (auto& v : ones) v = 1;
  convt::tensor<float, 3, 3, 1, 1> box;
  for (auto& v : box) v = 1;
  const auto y = convt::eval(convt::conv2d(ones, box, convt::strides<1>, convt::same));
  const float want[] = {4, 6, 6, 4, 6, 9, 9, 6, 6, 9, 9, 6, 4, 6, 6, 4};
  for (int i = 0; i < 16; ++i)
    if (y.data()[i] != want[i]) return false;
  return true;
}
static_assert(ones_case());

constexpr bool stride_2_same_case() {
  convt::tensor<float, 1, 3, 3, 1> x;
  for (int i = 0; i < 9; ++i) x.data()[i] = float(i + 1);
  convt::tensor<float, 2, 2, 1, 1> w;
  for (int i = 0; i < 4; ++i) w.data()[i] = float(i + 1);
  const auto z = convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::valid));  // 1x1: 1 + 3*2 + 7*3 + 9*4
  const auto s = convt::eval(convt::conv2d(x, w, convt::strides<2>, convt::same));
  return z.data()[0] == 64 && s(0, 0, 0, 0) == 37 && s(0, 0, 1, 0) == 21 && s(0, 1, 0, 0) == 23 && s(0, 1, 1, 0) == 9;
}
static_assert(stride_2_same_case());

BOOST_AUTO_TEST_CASE(derived_shapes) {
  // SAME ceil(I / s); VALID (I - e + s) / s, truncated, 0 when the filter overhangs by less than
  // a stride; EXPLICIT (I + pb + pa - e + s) / s.
  convt::tensor<float, 2, 7, 5, 3> x;
  convt::tensor<float, 3, 3, 3, 4> w;
  using same2 = decltype(convt::conv2d(x, w, convt::strides<2>, convt::same));
  static_assert(same2::shape == std::array<int, 4>{2, 4, 3, 4});
  using valid2 = decltype(convt::conv2d(x, w, convt::strides<2>, convt::valid));
  static_assert(valid2::shape == std::array<int, 4>{2, 3, 2, 4});
  using dilated = decltype(convt::conv2d(x, w, convt::strides<1>, convt::valid, convt::nhwc, convt::dilations<2>));
  static_assert(dilated::shape == std::array<int, 4>{2, 3, 1, 4});  // e = 5: 7 - 5 + 1, 5 - 5 + 1
  using padded = decltype(convt::conv2d(x, w, convt::strides<1, 2>, convt::explicit_padding<0, 0, 2, 1, 0, 3, 0, 0>));
  static_assert(padded::shape == std::array<int, 4>{2, 8, 3, 4});  // (7+3-3+1)/1, (5+3-3+2)/2
  convt::tensor<float, 2, 3, 7, 5> x_nchw;
  using nchw = decltype(convt::conv2d(x_nchw, w, convt::strides<3>, convt::same, convt::nchw));
  static_assert(nchw::shape == std::array<int, 4>{2, 4, 3, 2});
  using atrous = decltype(convt::atrous_conv2d(x, w, convt::rate<2>, convt::valid));
  static_assert(atrous::shape == std::array<int, 4>{2, 3, 1, 4});
  // The overhanging filter: I = 1, e = 4, s = 2, VALID: (1 - 4 + 2) / 2 = 0 (TensorFlow accepts it).
  convt::tensor<float, 1, 1, 1, 1> one;
  convt::tensor<float, 4, 4, 1, 2> big;
  auto empty = convt::eval(convt::conv2d(one, big, convt::strides<2>, convt::valid));
  static_assert(decltype(empty)::shape == std::array<int, 4>{1, 0, 0, 2});
  BOOST_TEST(empty.size() == 0u);
}

BOOST_AUTO_TEST_CASE(generated_grid) {
  run_grid(std::make_integer_sequence<int, 48>{});
}

BOOST_AUTO_TEST_CASE(edge_configurations) {
  // Wide rows (full broadcast and dot tiles), channel blocks of two vectors and a remainder,
  // filters larger than the input with SAME, large explicit padding (rows with no tap stay 0).
  float_and_double<fspec{.n = 1, .ih = 9, .iw = 31, .ic = 7, .oc = 40, .kh = 3, .kw = 3}>();
  float_and_double<fspec{.n = 2, .ih = 12, .iw = 29, .ic = 16, .oc = 3, .kh = 3, .kw = 5, .sh = 2, .sw = 2, .nchw = true}>();
  float_and_double<fspec{.n = 1, .ih = 2, .iw = 3, .ic = 2, .oc = 8, .kh = 5, .kw = 5, .sh = 1, .sw = 2}>();
  float_and_double<fspec{.n = 1, .ih = 3, .iw = 4, .ic = 3, .oc = 16, .kh = 2, .kw = 2, .pad = padding::explicit_, .pt = 4, .pb = 3, .pl = 5, .pr = 2}>();
  float_and_double<fspec{.n = 1, .ih = 1, .iw = 1, .ic = 4, .oc = 5, .kh = 4, .kw = 4, .sh = 2, .sw = 2, .pad = padding::valid}>();
  float_and_double<fspec{.n = 1, .ih = 20, .iw = 20, .ic = 3, .oc = 16, .kh = 3, .kw = 3, .sh = 3, .sw = 1, .dh = 2, .dw = 3}>();
  float_and_double<fspec{.n = 0, .ih = 5, .iw = 5, .ic = 3, .oc = 8, .kh = 3, .kw = 3}>();
}

namespace {

/// atrous_conv2d(value, filters, rate, padding) == conv2d with strides 1 and dilations rate: the
/// same element values bit for bit (same kernels, same summation order) and the same shape.
template <class T, int n, int h, int w, int ic, int oc, int k, int rate, class Padding>
void check_atrous(std::uint32_t seed) {
  auto x = std::make_unique<convt::tensor<T, n, h, w, ic>>();
  auto f = std::make_unique<convt::tensor<T, k, k, ic, oc>>();
  const auto xs = reference::random_values<T>(x->size(), seed);
  const auto fs = reference::random_values<T>(f->size(), seed + 1);
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(fs.begin(), fs.end(), f->begin());
  const auto a = convt::eval(convt::atrous_conv2d(*x, *f, convt::rate<rate>, Padding{}));
  const auto c = convt::eval(convt::conv2d(*x, *f, convt::strides<1>, Padding{}, convt::nhwc, convt::dilations<rate>));
  static_assert(std::is_same_v<decltype(a), decltype(c)>);
  BOOST_TEST(std::equal(a.begin(), a.end(), c.begin()));
  // and against the reference
  const padding pad = std::is_same_v<Padding, convt::same_t> ? padding::same : padding::valid;
  const reference::forward_problem fp{n, h, w, ic, oc, k, k, 1, 1, rate, rate, pad};
  const auto want = reference::conv2d_with_magnitude(fp.as_transpose(), xs, fs);
  cases::check_bounds(want.value.size(), a.data(), want);
}

}  // namespace

BOOST_AUTO_TEST_CASE(atrous_equals_dilated_conv2d) {
  check_atrous<float, 1, 9, 10, 3, 16, 3, 2, convt::same_t>(301);
  check_atrous<double, 2, 8, 7, 5, 3, 3, 3, convt::valid_t>(303);
  check_atrous<float, 1, 6, 6, 17, 8, 2, 1, convt::valid_t>(305);
  check_atrous<double, 1, 5, 9, 4, 12, 4, 2, convt::same_t>(307);
}
