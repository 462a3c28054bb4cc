// expect: atrous_conv2d(value, filters, ...) requires 'filters' in_channels (dimension 2) to equal the depth of 'value'
// Misuse: filters for 4 input channels on a 3-channel value.
// numbers: filters_in_channels_match_input_depth filters_in_channels=4 input_depth=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same));
}
