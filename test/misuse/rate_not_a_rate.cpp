// expect: atrous_conv2d_transpose(value, filters, ...) requires 'rate' (4th argument) to be convt::rate<r>
// Misuse: passed convt::dilations<2> as the rate of atrous_conv2d_transpose instead of convt::rate<2>.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::dilations<2>, convt::same));
}
