// expect: conv2d_transpose(input, filters, ...) requires 'explicit_padding' to have 8 values
// Misuse: gave explicit padding as <top, bottom, left, right> instead of TensorFlow's 4 pairs.
// numbers: explicit_padding_has_8_values count=4
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::explicit_padding<1, 1, 1, 1>));
}
