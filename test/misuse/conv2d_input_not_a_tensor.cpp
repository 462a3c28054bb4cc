// expect: conv2d(input, filters, ...) requires 'input' to be a convt::tensor, convt::tensor_view or convt expression
// Misuse: passed a raw pointer as the input.
#include <convt/convt.hpp>

auto encode(const float* x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
