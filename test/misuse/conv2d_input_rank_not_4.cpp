// expect: conv2d(input, filters, ...) requires 'input' to have rank 4
// Misuse: passed an input without the batch dimension.
// numbers: input_has_rank_4 input_rank=3
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
