// expect: conv2d(input, filters, ...) requires 'explicit_padding' to have 8 values
// Misuse: gave only the 4 spatial values of explicit padding.
// numbers: explicit_padding_has_8_values count=4
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::explicit_padding<1, 1, 1, 1>));
}
