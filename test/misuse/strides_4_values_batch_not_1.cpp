// expect: conv2d_transpose(input, filters, ...) requires a 4-value 'strides' to have 1 in its batch and channel entries
// Misuse: put a stride of 2 in the batch entry of a 4-value strides.
// numbers: strides_batch_and_channel_are_1 batch_entry=2 channel_entry=1
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2, 2, 2, 1>, convt::same));
}
