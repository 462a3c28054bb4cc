// expect: atrous_conv2d(value, filters, ...) requires its 'rate' and 'padding' arguments, which TensorFlow gives no default
// Misuse: left out the padding, which tf.nn.atrous_conv2d requires.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>));
}
