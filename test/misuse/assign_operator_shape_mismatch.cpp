// expect: convt::assign(dst, expr) requires 'dst' to have exactly the shape of 'expr'
// Misuse: assigned (y = expr) an NHWC [1, 8, 8, 4] result to an NCHW-shaped [1, 4, 8, 8] tensor.
// numbers: destination_shape_matches dst_shape={1,4,8,8} expr_shape={1,8,8,4}
#include <convt/convt.hpp>

void upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, convt::tensor<float, 1, 4, 8, 8>& y) {
  y = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same);
}
