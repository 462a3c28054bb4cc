// expect: atrous_conv2d(value, filters, ...) requires at most 4 arguments
// Misuse: passed dilations after the padding.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same, convt::dilations<2>));
}
