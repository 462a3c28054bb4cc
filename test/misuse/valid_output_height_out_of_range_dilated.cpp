// expect: conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' height to satisfy (height - dilated filter height + stride_h) / stride_h == input height
// Misuse: forgot the dilation in the VALID height: 3x3 filters dilated by 2 span 5 rows, so only 11 or 12 are accepted.
// numbers: output_size_is_accepted accepted_first=11 accepted_last=12 got=9
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 9, 11, 4>, convt::strides<2>, convt::valid, convt::nhwc, convt::dilations<2>));
}
