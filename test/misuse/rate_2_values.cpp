// expect: atrous_conv2d_transpose(value, filters, ...) requires 'rate' to be one value: convt::rate<r>
// Misuse: gave two rates (height, width); atrous_conv2d_transpose takes one.
// numbers: rate_is_one_value count=2
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2, 2>, convt::same));
}
