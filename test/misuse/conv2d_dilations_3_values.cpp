// expect: conv2d(input, filters, ...) requires 'dilations' to have 1, 2 or 4 values
// Misuse: gave 3 dilations.
// numbers: dilations_have_1_2_or_4_values count=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nhwc, convt::dilations<1, 2, 2>));
}
