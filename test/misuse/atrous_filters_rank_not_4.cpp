// expect: atrous_conv2d_transpose(value, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, out_channels, in_channels]
// Misuse: gave filters of rank 3 (left out the in_channels dimension).
// numbers: filters_have_rank_4 filters_rank=3
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>));
}
