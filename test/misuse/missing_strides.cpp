// expect: conv2d_transpose(input, filters, ...) requires its 'output_shape' and 'strides' arguments, which TensorFlow gives no default
// Misuse: left out strides, which TensorFlow's conv2d_transpose requires.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>));
}
