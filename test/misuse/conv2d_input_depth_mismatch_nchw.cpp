// expect: conv2d(input, filters, ...) requires 'filters' in_channels (dimension 2) to equal the input depth
// Misuse: an NCHW input of 8 channels (dimension 1) with filters for 3.
// numbers: filters_in_channels_match_input_depth filters_in_channels=3 input_depth=8
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 3, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::nchw));
}
