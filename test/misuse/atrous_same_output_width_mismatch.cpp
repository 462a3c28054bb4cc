// expect: atrous_conv2d_transpose(value, filters, ...) with padding SAME requires the 'output_shape' width to equal the width of 'value'
// Misuse: used the VALID width 8 with SAME: atrous SAME keeps the width 4.
// numbers: output_size_is_accepted accepted_first=4 accepted_last=4 got=8
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 8, 4>, convt::rate<2>, convt::same));
}
