// expect: conv2d(input, filters, ...) requires every dilation to be at least 1
// Misuse: gave a dilation of 0 (1 means no dilation).
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nhwc, convt::dilations<1, 0>));
}
