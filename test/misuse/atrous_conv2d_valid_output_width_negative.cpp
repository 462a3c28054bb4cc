// expect: atrous_conv2d(value, filters, ...) requires the output width (value width - dilated filter width + 1) to be >= 0
// Misuse: 3x3 filters at rate 2 (dilated width 5) over 3 columns, VALID: 3 - 5 + 1 = -1.
// numbers: forward_output_size_is_non_negative size=-1
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 3, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::valid));
}
