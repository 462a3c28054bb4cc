// expect: conv2d_transpose(input, filters, ...) with explicit padding requires the 'output_shape' height to satisfy (height + top + bottom - dilated filter height + stride_h) / stride_h == input height
// Misuse: asked for height 9 with padding 1 on each side: from height 4, 3x3 filters and stride 2 only 7 or 8 are accepted.
// numbers: output_size_is_accepted accepted_first=7 accepted_last=8 got=9
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 9, 8, 4>, convt::strides<2>, convt::explicit_padding<0, 0, 1, 1, 1, 1, 0, 0>));
}
