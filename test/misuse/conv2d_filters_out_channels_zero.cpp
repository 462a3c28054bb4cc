// expect: conv2d(input, filters, ...) requires 'filters' out_channels (dimension 3) to be at least 1, as TensorFlow does
// Misuse: filters with no output channels.
// numbers: filters_out_channels_at_least_1 filters_out_channels=0
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 0>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
