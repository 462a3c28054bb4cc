// expect: atrous_conv2d(value, filters, ...) requires 'rate' (3rd argument) to be convt::rate<r>
// Misuse: passed dilations instead of a rate.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::dilations<2>, convt::same));
}
