// expect: conv2d(input, filters, ...) requires 'padding' (4th argument) to be convt::same, convt::valid or convt::explicit_padding<...>
// Misuse: passed the data format where the padding goes.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::nhwc));
}
