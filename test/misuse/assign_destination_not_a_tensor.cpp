// expect: convt::assign(dst, expr) requires 'dst' to be a convt::tensor or convt::tensor_view
// Misuse: assigned into a plain float array instead of a tensor or a tensor_view over it.
#include <convt/convt.hpp>

void upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, float (&y)[1 * 8 * 8 * 4]) {
  convt::assign(y, convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
