// expect: atrous_conv2d_transpose(value, filters, ...) requires 'padding' to be convt::same or convt::valid, as in TensorFlow
// Misuse: passed explicit padding to atrous_conv2d_transpose, which takes only SAME or VALID.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>, convt::explicit_padding<0, 0, 2, 2, 2, 2, 0, 0>));
}
