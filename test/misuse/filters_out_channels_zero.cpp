// expect: conv2d_transpose(input, filters, ...) requires 'filters' out_channels (dimension 2) to be at least 1
// Misuse: filters with no output channels ([3, 3, 0, 3]); TensorFlow rejects a filter depth of 0.
// numbers: filters_out_channels_at_least_1 filters_out_channels=0
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 0, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 0>, convt::strides<2>, convt::same));
}
