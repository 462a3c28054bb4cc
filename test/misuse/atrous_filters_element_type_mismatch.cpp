// expect: atrous_conv2d_transpose(value, filters, ...) requires 'filters' to have the same element type as 'value'
// Misuse: mixed a float value with double filters.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<double, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>));
}
