// expect: conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' width to satisfy (width - dilated filter width + stride_w) / stride_w == input width
// Misuse: NCHW: used the SAME width 8 with VALID: from width 4, 3x3 filters and stride 2 only 9 or 10 are accepted.
// numbers: output_size_is_accepted accepted_first=9 accepted_last=10 got=8
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 3, 4, 4>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 4, 9, 8>, convt::strides<2>, convt::valid, convt::nchw));
}
