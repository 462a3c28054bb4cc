// expect: atrous_conv2d_transpose(value, filters, ...) requires 'rate' to be at least 1
// Misuse: gave a rate of 0 (1 means no dilation).
// numbers: rate_is_at_least_1 rate=0
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<0>, convt::same));
}
