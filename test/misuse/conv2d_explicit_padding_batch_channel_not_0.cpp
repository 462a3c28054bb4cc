// expect: conv2d(input, filters, ...) requires the batch and channel pairs of 'explicit_padding' to be 0
// Misuse: padded the channels (NHWC pairs: batch, height, width, channels).
// numbers: explicit_padding_batch_and_channel_are_0 batch_before=0 batch_after=0 channel_before=1 channel_after=1
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::explicit_padding<0, 0, 1, 1, 1, 1, 1, 1>));
}
