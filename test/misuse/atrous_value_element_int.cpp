// expect: atrous_conv2d_transpose(value, filters, ...) requires 'value' elements to be float or double
// Misuse: used int tensors; only float and double are supported.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<int, 1, 4, 4, 3>& x, const convt::tensor<int, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>));
}
