// expect: conv2d(input, filters, ...) requires every stride to be at least 1
// Misuse: gave a stride of 0.
// numbers: strides_are_at_least_1 stride_h=0 stride_w=0
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<0>, convt::same));
}
