// expect: conv2d(input, filters, ...) requires every dilation to be at least 1
// Misuse: gave a dilation of 0 (1 means no dilation).
// numbers: dilations_are_at_least_1 dilation_h=1 dilation_w=0
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nhwc, convt::dilations<1, 0>));
}
