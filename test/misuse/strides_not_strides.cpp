// expect: conv2d_transpose(input, filters, ...) requires 'strides' (4th argument) to be convt::strides<...>
// Misuse: passed the stride as a plain int, as in TensorFlow, instead of convt::strides<2>.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, 2, convt::same));
}
