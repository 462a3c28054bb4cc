// expect: conv2d(input, filters, ...) requires 'input' elements to be float or double
// Misuse: passed int tensors.
#include <convt/convt.hpp>

auto encode(const convt::tensor<int, 1, 8, 8, 3>& x, const convt::tensor<int, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
