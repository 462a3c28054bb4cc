// expect: convt::bias_add(value, bias) requires 'bias' to have as many values as 'value' has channels
// Misuse: an NHWC convolution result with 4 channels, a bias of 3.
// numbers: bias_length_matches_channels bias_length=3 value_channels=4
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, const convt::tensor<float, 3>& b) {
  auto y = convt::eval(convt::relu(convt::bias_add(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>), b)));
  (void)y;
}
