// expect: conv2d(input, filters, ...) requires 'filters' in_channels (dimension 2) to equal the input depth
// Misuse: filters for 1 input channel on a 3-channel input (a grouped convolution, which convt does not support).
// numbers: filters_in_channels_match_input_depth filters_in_channels=1 input_depth=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 1, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
