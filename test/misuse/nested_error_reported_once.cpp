// expect: conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' height to satisfy ceil(height / stride_h) == input height
// Misuse: a wrong output height inside relu(bias_add(...)) + skip: only the convolution reports.
// numbers: output_size_is_accepted accepted_first=7 accepted_last=8 got=9
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, const convt::tensor<float, 4>& b, const convt::tensor<float, 1, 9, 8, 4>& skip) {
  convt::tensor<float, 1, 9, 8, 4> y = convt::relu(convt::bias_add(convt::conv2d_transpose(x, w, convt::output_shape<1, 9, 8, 4>, convt::strides<2>), b)) + skip;
  (void)y;
}
