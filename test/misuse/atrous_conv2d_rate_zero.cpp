// expect: atrous_conv2d(value, filters, ...) requires 'rate' to be at least 1
// Misuse: gave a rate of 0.
// numbers: rate_is_at_least_1 rate=0
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<0>, convt::same));
}
