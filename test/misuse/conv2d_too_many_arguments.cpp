// expect: conv2d(input, filters, ...) requires at most 6 arguments
// Misuse: passed a seventh argument.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nhwc, convt::dilations<1>, convt::dilations<1>));
}
