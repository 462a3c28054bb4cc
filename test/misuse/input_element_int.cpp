// expect: conv2d_transpose(input, filters, ...) requires 'input' elements to be float or double
// Misuse: used int tensors; only float and double are supported.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<int, 1, 4, 4, 3>& x, const convt::tensor<int, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
