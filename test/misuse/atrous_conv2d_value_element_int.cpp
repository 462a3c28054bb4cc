// expect: atrous_conv2d(value, filters, ...) requires 'value' elements to be float or double
// Misuse: passed int tensors.
#include <convt/convt.hpp>

auto encode(const convt::tensor<int, 1, 8, 8, 3>& x, const convt::tensor<int, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same));
}
