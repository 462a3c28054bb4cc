// expect: conv2d_transpose(input, filters, ...) requires the batch of 'output_shape' to equal the batch of 'input'
// Misuse: asked for a batch of 2 from an input batch of 1.
// numbers: output_batch_matches_input_batch output_shape_batch=2 input_batch=1
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<2, 8, 8, 4>, convt::strides<2>, convt::same));
}
