// expect: conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' width to satisfy ceil(width / stride_w) == input width
// Misuse: asked for width 6 from width 4 with stride 2 and SAME: only 7 or 8 are accepted.
// numbers: output_size_is_accepted accepted_first=7 accepted_last=8 got=6
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 6, 4>, convt::strides<2>, convt::same));
}
