// expect: conv2d_transpose(input, filters, ...) requires 'filters' to have the same element type as 'input'
// Misuse: mixed a float input with double filters.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<double, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
