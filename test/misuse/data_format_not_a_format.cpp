// expect: conv2d_transpose(input, filters, ...) requires 'data_format' (6th argument) to be convt::nhwc or convt::nchw
// Misuse: skipped the data_format argument and passed the dilations in its place.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same, convt::dilations<2>));
}
