// expect: conv2d(input, filters, ...) requires every 'explicit_padding' value to be >= 0
// Misuse: gave a negative padding (TensorFlow does not crop).
// numbers: explicit_padding_is_non_negative top=-1 bottom=1 left=1 right=1
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::explicit_padding<0, 0, -1, 1, 1, 1, 0, 0>));
}
