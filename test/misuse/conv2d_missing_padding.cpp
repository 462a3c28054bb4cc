// expect: conv2d(input, filters, ...) requires its 'strides' and 'padding' arguments, which TensorFlow gives no default
// Misuse: left out the padding, which TensorFlow's tf.nn.conv2d requires.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>));
}
