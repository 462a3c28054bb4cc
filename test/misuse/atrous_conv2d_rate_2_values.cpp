// expect: atrous_conv2d(value, filters, ...) requires 'rate' to be one value: convt::rate<r>
// Misuse: gave the rate as two values.
// numbers: rate_is_one_value count=2
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2, 2>, convt::same));
}
