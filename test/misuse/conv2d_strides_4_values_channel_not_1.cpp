// expect: conv2d(input, filters, ...) requires a 4-value 'strides' to have 1 in its batch and channel entries
// Misuse: gave a channel stride of 2 (NHWC).
// numbers: strides_batch_and_channel_are_1 batch_entry=1 channel_entry=2
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1, 2, 2, 2>, convt::same));
}
