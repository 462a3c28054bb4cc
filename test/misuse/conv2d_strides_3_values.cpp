// expect: conv2d(input, filters, ...) requires 'strides' to have 1, 2 or 4 values
// Misuse: gave 3 strides.
// numbers: strides_have_1_2_or_4_values count=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1, 2, 2>, convt::same));
}
