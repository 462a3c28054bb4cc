// expect: conv2d_transpose(input, filters, ...) requires 'input' to have rank 4: [N, H, W, C] (NHWC) or [N, C, H, W] (NCHW)
// Misuse: gave an input of rank 3 (forgot the batch dimension).
// numbers: input_has_rank_4 input_rank=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
