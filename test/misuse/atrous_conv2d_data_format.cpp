// expect: atrous_conv2d(value, filters, ...) requires NHWC data and takes no data_format, as in TensorFlow
// Misuse: passed a data format to atrous_conv2d.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same, convt::nhwc));
}
