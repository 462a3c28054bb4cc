// expect: conv2d_transpose(input, filters, ...) requires the batch and channel pairs of 'explicit_padding' to be 0
// Misuse: wrote the explicit padding in NCHW order for NHWC data: the channel pair is <1, 1>.
// numbers: explicit_padding_batch_and_channel_are_0 batch_before=0 batch_after=0 channel_before=1 channel_after=1
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::explicit_padding<0, 0, 0, 0, 1, 1, 1, 1>));
}
