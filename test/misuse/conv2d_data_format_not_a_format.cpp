// expect: conv2d(input, filters, ...) requires 'data_format' (5th argument) to be convt::nhwc or convt::nchw
// Misuse: passed dilations where the data format goes.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same, convt::dilations<2>));
}
