// expect: conv2d_transpose(input, filters, ...) requires 'filters' in_channels (dimension 3) to equal the input depth
// Misuse: laid the filters out as conv2d's [k_h, k_w, in, out] = [3, 3, 3, 4]: in_channels 4 != input depth 3.
// numbers: filters_in_channels_match_input_depth filters_in_channels=4 input_depth=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 3>, convt::strides<2>, convt::same));
}
