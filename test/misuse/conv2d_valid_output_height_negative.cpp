// expect: conv2d(input, filters, ...) requires the output height (input height + padding - dilated filter height + stride_h) / stride_h to be >= 0
// Misuse: a 5x5 filter over a 2-row input, VALID: (2 - 5 + 1) / 1 = -2 rows.
// numbers: forward_output_size_is_non_negative size=-2
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 2, 8, 3>& x, const convt::tensor<float, 5, 5, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::valid));
}
