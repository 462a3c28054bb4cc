// expect: conv2d(input, filters, ...) requires 'filters' in_channels (dimension 2) to be at least 1, as TensorFlow does
// Misuse: filters and input with no channels (TensorFlow: filter depth must be strictly positive).
// numbers: filters_in_channels_at_least_1 filters_in_channels=0
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 0>& x, const convt::tensor<float, 3, 3, 0, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
