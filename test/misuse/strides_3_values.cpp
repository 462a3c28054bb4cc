// expect: conv2d_transpose(input, filters, ...) requires 'strides' to have 1, 2 or 4 values
// Misuse: gave 3 strides; TensorFlow takes 1, 2 or 4.
// numbers: strides_have_1_2_or_4_values count=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<1, 2, 2>, convt::same));
}
