// expect: atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the 'output_shape' height to equal value height + (filter height - 1) * rate
// Misuse: used the SAME height 4 with VALID: 4 + (3 - 1) * 2 = 8 is required.
// numbers: output_size_is_accepted accepted_first=8 accepted_last=8 got=4
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 8, 4>, convt::rate<2>, convt::valid));
}
