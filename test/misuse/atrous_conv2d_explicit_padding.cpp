// expect: atrous_conv2d(value, filters, ...) requires 'padding' to be convt::same or convt::valid, as in TensorFlow
// Misuse: passed explicit padding to atrous_conv2d, which takes only SAME or VALID.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::explicit_padding<0, 0, 2, 2, 2, 2, 0, 0>));
}
