// expect: conv2d_transpose(input, filters, ...) requires 'padding' (5th argument) to be convt::same, convt::valid or convt::explicit_padding<...>
// Misuse: skipped the padding argument and passed the data format in its place.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::nhwc));
}
