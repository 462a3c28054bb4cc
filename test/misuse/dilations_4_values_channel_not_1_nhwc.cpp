// expect: conv2d_transpose(input, filters, ...) requires a 4-value 'dilations' to have 1 in its batch and channel entries
// Misuse: wrote the dilations in NCHW order <1, 1, 2, 2> for NHWC data: the channel entry is 2.
// numbers: dilations_batch_and_channel_are_1 batch_entry=1 channel_entry=2
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same, convt::nhwc, convt::dilations<1, 1, 2, 2>));
}
