// expect: conv2d(input, filters, ...) requires a 4-value 'dilations' to have 1 in its batch and channel entries
// Misuse: gave a batch dilation of 2 (NCHW).
// numbers: dilations_batch_and_channel_are_1 batch_entry=2 channel_entry=1
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 3, 8, 8>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nchw, convt::dilations<2, 1, 2, 2>));
}
