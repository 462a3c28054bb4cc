// expect: atrous_conv2d_transpose(value, filters, ...) requires NHWC data and takes no data_format, as in TensorFlow
// Misuse: passed convt::nchw to atrous_conv2d_transpose, which takes no data_format (NHWC only).
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 3, 4, 4>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>, convt::same, convt::nchw));
}
