// expect: atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the 'output_shape' width to equal value width + (filter width - 1) * rate
// Misuse: forgot the rate in the VALID width: 4 + (3 - 1) = 6 instead of 4 + (3 - 1) * 2 = 8.
// numbers: output_size_is_accepted accepted_first=8 accepted_last=8 got=6
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 8, 6, 4>, convt::rate<2>, convt::valid));
}
