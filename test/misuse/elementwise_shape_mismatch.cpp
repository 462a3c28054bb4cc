// expect: convt: 'a + b' requires both operands to have the same shape
// Misuse: added an NHWC [1, 8, 8, 4] convolution result and an NCHW-shaped [1, 4, 8, 8] tensor.
// numbers: operand_shapes_match left_shape={1,8,8,4} right_shape={1,4,8,8}
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, const convt::tensor<float, 1, 4, 8, 8>& skip) {
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>) + skip);
  (void)y;
}
