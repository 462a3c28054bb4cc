// conv2d_transpose and atrous_conv2d_transpose evaluated by the compiler: the static_asserts below
// are the test (this file does not compile if a value is wrong); the run-time cases repeat the
// values so that the test also reports them.
#include <boost/test/unit_test.hpp>

#include <convt/convt.hpp>

namespace {

// TensorFlow's "stride 1x2" case (SEMANTICS.md): arange input [1,2,3,1], filters [2,2,1,1],
// output_shape [1,3,6,1], VALID.
constexpr auto stride_1x2 = [] {
  convt::tensor<float, 1, 2, 3, 1> x;
  convt::tensor<float, 2, 2, 1, 1> w;
  for (int i = 0; i < 6; ++i) x.data()[i] = float(i + 1);
  for (int i = 0; i < 4; ++i) w.data()[i] = float(i + 1);
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 3, 6, 1>, convt::strides<1, 2>,
                                             convt::valid));
}();
constexpr float stride_1x2_want[] = {1, 2, 2, 4, 3, 6, 7, 12, 11, 18, 15, 24, 12, 16, 15, 20, 18, 24};

constexpr bool equals(const auto& got, const auto& want) {
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got.data()[i] != want[i]) return false;
  return true;
}
static_assert(equals(stride_1x2, stride_1x2_want));

// Operands may also be constexpr objects of static storage, read through views.
constexpr convt::tensor<double, 1, 2, 2, 1> ones_2x2 = [] {
  convt::tensor<double, 1, 2, 2, 1> t;
  for (auto& e : t) e = 1.0;
  return t;
}();
constexpr convt::tensor<double, 3, 3, 1, 1> ones_3x3 = [] {
  convt::tensor<double, 3, 3, 1, 1> t;
  for (auto& e : t) e = 1.0;
  return t;
}();
// atrous, rate 2, VALID: output 2 + (3 - 1) * 2 = 6. Per axis, output row y is reached by the
// (i, kh) with y = i + 2 kh, i in {0, 1}, kh in {0, 1, 2}: y = 0, 2, 4, 1, 3, 5, each exactly once,
// so every element is 1.
constexpr auto atrous_ones = convt::eval(convt::atrous_conv2d_transpose(
    convt::tensor_view<const double, 1, 2, 2, 1>(ones_2x2), ones_3x3, convt::output_shape<1, 6, 6, 1>,
    convt::rate<2>, convt::valid));
static_assert(atrous_ones(0, 0, 0, 0) == 1.0 && atrous_ones(0, 5, 5, 0) == 1.0 && atrous_ones(0, 2, 3, 0) == 1.0);
constexpr double atrous_sum = [] {
  double s = 0;
  for (double v : atrous_ones) s += v;
  return s;
}();
static_assert(atrous_sum == 2 * 2 * 3 * 3);  // every (input, tap) pair lands inside: 36 terms of 1

}  // namespace

BOOST_AUTO_TEST_CASE(constexpr_results_are_the_known_values) {
  for (std::size_t i = 0; i < stride_1x2.size(); ++i) BOOST_TEST(stride_1x2.data()[i] == stride_1x2_want[i]);
  BOOST_TEST(atrous_sum == 36.0);
}
