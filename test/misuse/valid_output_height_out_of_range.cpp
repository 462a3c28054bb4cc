// expect: conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' height to satisfy (height - dilated filter height + stride_h) / stride_h == input height
// Misuse: used the SAME height 8 with VALID: from height 4, 3x3 filters and stride 2 only 9 or 10 are accepted.
// numbers: output_size_is_accepted accepted_first=9 accepted_last=10 got=8
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 9, 4>, convt::strides<2>, convt::valid));
}
