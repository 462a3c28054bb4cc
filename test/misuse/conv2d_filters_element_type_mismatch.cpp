// expect: conv2d(input, filters, ...) requires 'filters' to have the same element type as 'input'
// Misuse: passed double filters with a float input.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<double, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
