// expect: atrous_conv2d_transpose(value, filters, ...) requires the batch of 'output_shape' to equal the batch of 'value'
// Misuse: asked for a batch of 2 from a value batch of 1.
// numbers: output_batch_matches_input_batch output_shape_batch=2 input_batch=1
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<2, 4, 4, 4>, convt::rate<2>));
}
