// Expression nodes on their own: a bias_add folding into the convolution it wraps (and only
// there), element-wise expressions of tensors alone (vector body and tail), a convolution
// feeding a convolution (its error carried through), assign into an operand, NaN through every
// function, and constant evaluation. Values against the independent reference (reference.hpp)
// or worked out here; bounds as in test_expressions.cpp.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include "expression_fixture.hpp"

using namespace expression_tests;

namespace {
/// Whether an expression node is a convolution with a folded bias_add.
template <class>
constexpr bool is_biased_convolution = false;
template <convt::detail::conv_geometry g, class T, int filter_block, class Input>
constexpr bool is_biased_convolution<convt::convolution_expr<g, T, filter_block, Input, const T*>> = true;

/// Whether the operand of `expression`'s root node (a relu, a bias_add) binds to a convolution with
/// a folded bias.
template <class Expression>
bool binds_to_biased_convolution(const Expression& expression) {
  bool folded = false;
  expression.template bind<true>([&](const auto& bound) {
    folded = is_biased_convolution<std::remove_cvref_t<decltype(bound.operand)>>;
  });
  return folded;
}
}  // namespace

BOOST_AUTO_TEST_CASE(bias_add_folds_into_the_convolution_it_wraps) {
  // A bias_add directly around a convolution, on its channel axis, becomes the convolution's
  // bias (its kernels start each sum from it); anywhere else it stays a bias_add node.
  static convt::tensor<float, 1, 2, 2, 8> x{};
  static convt::tensor<float, 3, 3, 8, 8> w{};
  static convt::tensor<float, 8> b{};
  static convt::tensor<float, 4> b_rows{};
  const auto nhwc = convt::conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 8>, convt::strides<2>);
  BOOST_TEST(binds_to_biased_convolution(convt::relu(convt::bias_add(nhwc, b))));
  BOOST_TEST(!binds_to_biased_convolution(convt::relu(convt::bias_add(nhwc, b_rows, convt::nchw))));  // axis 1: rows
  BOOST_TEST(!binds_to_biased_convolution(convt::relu(convt::bias_add(convt::relu(nhwc), b))));
  // The outer of two bias_adds stays a node around the biased convolution.
  BOOST_TEST(binds_to_biased_convolution(convt::bias_add(convt::bias_add(nhwc, b), b)));
  static convt::tensor<float, 1, 8, 2, 2> x_chw{};
  const auto nchw = convt::conv2d_transpose(x_chw, w, convt::output_shape<1, 8, 4, 4>, convt::strides<2>, convt::same, convt::nchw);
  BOOST_TEST(binds_to_biased_convolution(convt::relu(convt::bias_add(nchw, b, convt::nchw))));
  static convt::tensor<float, 1, 4, 4, 8> x_forward{};
  BOOST_TEST(binds_to_biased_convolution(convt::relu(convt::bias_add(convt::conv2d(x_forward, w, convt::strides<2>, convt::same), b))));
}

BOOST_AUTO_TEST_CASE(elementwise_on_tensors_alone) {
  // Shapes whose element count is not a multiple of any vector width (vector body + tail).
  convt::tensor<float, 2, 3, 5, 7> a, b;
  convt::tensor<float, 3> bias_nchw{};
  convt::tensor<float, 7> bias_nhwc{};
  const auto as = reference::random_values<float>(a.size(), 5), bs = reference::random_values<float>(b.size(), 6);
  std::copy(as.begin(), as.end(), a.begin());
  std::copy(bs.begin(), bs.end(), b.begin());
  for (int i = 0; i < 3; ++i) bias_nchw(i) = float(i) - 1.5f;
  for (int i = 0; i < 7; ++i) bias_nhwc(i) = 0.25f * float(i);
  const convt::tensor<float, 2, 3, 5, 7> y = -(2.0f * a) + convt::relu(b) - 1;
  const convt::tensor<float, 2, 3, 5, 7> z = convt::bias_add(convt::bias_add(a, bias_nchw, convt::nchw), bias_nhwc);
  for (std::size_t e = 0; e < a.size(); ++e) {
    const float want_y = -(2.0f * as[e]) + (bs[e] < 0 ? 0.0f : bs[e]) - 1.0f;
    const float want_z = (as[e] + bias_nchw(int(e / 35 % 3))) + bias_nhwc(int(e % 7));
    BOOST_TEST(y.data()[e] == want_y);
    BOOST_TEST(z.data()[e] == want_z);
  }
}

BOOST_AUTO_TEST_CASE(convolution_feeding_a_convolution) {
  // conv2(conv1(x)): conv1 is materialised once into a stack temporary. The bound adds conv1's
  // error (and its rounding to T), carried through conv2's filters, to conv2's own bound.
  constexpr spec c1{.n = 1, .ih = 4, .iw = 5, .ic = 3, .oh = 8, .ow = 10, .oc = 8, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
  constexpr spec c2{.n = 1, .ih = 8, .iw = 10, .ic = 8, .oh = 16, .ow = 19, .oc = 5, .kh = 2, .kw = 3, .sh = 2, .sw = 2};
  fixture<float, c1> f1(3);
  fixture<float, c2> f2(4);
  convt::assign(*f2.y, cases::op<c2>(cases::op<c1>(*f1.x, *f1.w), *f2.w));
  const auto& r1 = f1.conv;
  std::vector<double> delta1(r1.value.size()), abs_r1(r1.value.size()), abs_w2(f2.ws.size());
  for (std::size_t e = 0; e < delta1.size(); ++e) {
    delta1[e] = f1.conv_bound(e) + eps<float> * std::fabs(r1.value[e]);
    abs_r1[e] = std::fabs(r1.value[e]) + delta1[e];
  }
  for (std::size_t e = 0; e < abs_w2.size(); ++e) abs_w2[e] = std::fabs(double(f2.ws[e]));
  const std::vector<double> w2(f2.ws.begin(), f2.ws.end());
  const auto want = reference::conv2d_transpose(f2.p, r1.value, w2);
  const auto carried = reference::conv2d_transpose(f2.p, delta1, abs_w2);
  const auto magnitude = reference::conv2d_transpose(f2.p, abs_r1, abs_w2);
  BOOST_TEST(f2.mismatches([&](auto e) { return want.value[e]; },
                           [&](auto e) {
                             return carried.value[e] + cases::rigorous_bound<float>(magnitude.terms[e], magnitude.value[e]);
                           }) == 0);
}

BOOST_AUTO_TEST_CASE(assign_into_an_operand) {
  // Stride 1, SAME, in_c == out_c: the output may overwrite the input it is computed from.
  constexpr spec c{.n = 1, .ih = 6, .iw = 6, .ic = 8, .oh = 6, .ow = 6, .oc = 8, .kh = 3, .kw = 3};
  fixture<float, c> f(21);
  convt::assign(*f.x, cases::op<c>(*f.x, *f.w));
  BOOST_TEST(count_mismatches(f.p.output_size(), f.x->data(), [&](auto e) { return f.conv.value[e]; },
                              [&](auto e) { return f.conv_bound(e); }) == 0);
  // A view of the same memory as the destination, and an element-wise self-update.
  convt::tensor_view<float, 1, 6, 6, 8> view(f.x->data());
  const std::vector<float> before(f.x->begin(), f.x->end());
  convt::assign(view, convt::relu(*f.x) + *f.x);
  for (std::size_t e = 0; e < before.size(); ++e) BOOST_TEST(f.x->data()[e] == (before[e] < 0 ? 0.0f : before[e]) + before[e]);
}

BOOST_AUTO_TEST_CASE(nan_propagates_through_every_function) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  convt::tensor<float, 1, 17> x;  // 17: both the vector body and the scalar tail see the NaNs
  for (int i = 0; i < 17; ++i) x(0, i) = i % 3 == 0 ? nan : float(i) - 8;
  const convt::tensor<float, 1, 17> one{};
  const convt::tensor<float, 1, 17> results[] = {
      convt::relu(x), convt::relu6(x), convt::leaky_relu(x), convt::clamp(x, -1, 1), convt::sigmoid(x),
      convt::tanh(x), convt::min(x, one), convt::max(x, one), convt::min(one, x), convt::max(one, x)};
  for (const auto& r : results)
    for (int i = 0; i < 17; ++i) BOOST_TEST(std::isnan(r(0, i)) == (i % 3 == 0));
}

BOOST_AUTO_TEST_CASE(constant_evaluation) {
  // TensorFlow's first conv2d_transpose test case (SEMANTICS.md), bias 1 then relu, at compile time.
  constexpr auto y = [] {
    convt::tensor<float, 1, 2, 2, 1> x{};
    for (int i = 0; i < 4; ++i) x.data()[i] = float(i + 1);
    convt::tensor<float, 1, 1, 1, 1> w{};
    w(0, 0, 0, 0) = -1.0f;
    convt::tensor<float, 1> b{};
    b(0) = 2.5f;
    convt::tensor<float, 1, 2, 2, 1> out =
        convt::relu(convt::bias_add(convt::conv2d_transpose(x, w, convt::output_shape<1, 2, 2, 1>, convt::strides<1>), b));
    return out;
  }();
  static_assert(y(0, 0, 0, 0) == 1.5f && y(0, 0, 1, 0) == 0.5f && y(0, 1, 0, 0) == 0.0f && y(0, 1, 1, 0) == 0.0f);
  BOOST_TEST(y(0, 0, 0, 0) == 1.5f);
}
