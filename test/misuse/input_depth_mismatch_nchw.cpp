// expect: conv2d_transpose(input, filters, ...) requires 'filters' in_channels (dimension 3) to equal the input depth
// Misuse: NCHW input of depth 3 with filters whose in_channels (dimension 3) is 4.
// numbers: filters_in_channels_match_input_depth filters_in_channels=4 input_depth=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 3, 4, 4>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 3, 8, 8>, convt::strides<2>, convt::same, convt::nchw));
}
