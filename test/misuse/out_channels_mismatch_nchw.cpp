// expect: requires the depth of 'output_shape' (value 3 for NHWC, value 1 for NCHW) to equal 'filters' out_channels (dimension 2)
// Misuse: wrote an NCHW output_shape in NHWC order <1, 8, 8, 4>: its depth (dimension 1) is 8, not out_channels 4.
// numbers: output_depth_matches_filters_out_channels output_shape_depth=8 filters_out_channels=4
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 3, 4, 4>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same, convt::nchw));
}
