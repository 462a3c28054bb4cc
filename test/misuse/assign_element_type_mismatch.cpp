// expect: convt::assign(dst, expr) requires 'dst' to have the element type of 'expr'
// Misuse: assigned a float result into a double tensor.
#include <convt/convt.hpp>

void upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, convt::tensor<double, 1, 8, 8, 4>& y) {
  convt::assign(y, convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
