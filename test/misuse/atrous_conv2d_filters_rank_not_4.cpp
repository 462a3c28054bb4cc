// expect: atrous_conv2d(value, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, in_channels, out_channels]
// Misuse: passed 2-dimensional filters.
// numbers: filters_have_rank_4 filters_rank=2
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same));
}
