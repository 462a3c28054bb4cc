// expect: atrous_conv2d_transpose(value, filters, ...) requires the depth of 'output_shape' to equal 'filters' out_channels (dimension 2)
// Misuse: asked for 5 output channels with filters that have out_channels 4.
// numbers: output_depth_matches_filters_out_channels output_shape_depth=5 filters_out_channels=4
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 5>, convt::rate<2>));
}
