// expect: atrous_conv2d_transpose(value, filters, ...) requires 'value' to have rank 4: [N, H, W, C]
// Misuse: gave a value of rank 3 (forgot the batch dimension).
// numbers: input_has_rank_4 input_rank=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>));
}
