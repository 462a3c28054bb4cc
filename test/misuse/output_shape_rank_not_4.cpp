// expect: conv2d_transpose(input, filters, ...) requires 'output_shape' to have 4 values
// Misuse: gave output_shape as <H, W, C>, without the batch.
// numbers: output_shape_has_4_values output_shape_count=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<8, 8, 4>, convt::strides<2>, convt::same));
}
