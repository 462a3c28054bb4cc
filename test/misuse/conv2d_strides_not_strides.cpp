// expect: conv2d(input, filters, ...) requires 'strides' (3rd argument) to be convt::strides<...>
// Misuse: passed the padding where the strides go.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::same, convt::strides<1>));
}
