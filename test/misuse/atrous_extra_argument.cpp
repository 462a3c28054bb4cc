// expect: atrous_conv2d_transpose(value, filters, ...) requires at most 5 arguments: (value, filters, output_shape, rate, padding)
// Misuse: passed a sixth argument (dilations) to atrous_conv2d_transpose.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>, convt::same, convt::dilations<2>));
}
