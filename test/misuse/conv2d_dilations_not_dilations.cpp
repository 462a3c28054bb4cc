// expect: conv2d(input, filters, ...) requires 'dilations' (6th argument) to be convt::dilations<...>
// Misuse: passed strides where the dilations go.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nhwc, convt::strides<2>));
}
