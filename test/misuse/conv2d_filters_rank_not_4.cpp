// expect: conv2d(input, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, in_channels, out_channels]
// Misuse: passed 3-dimensional filters.
// numbers: filters_have_rank_4 filters_rank=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
