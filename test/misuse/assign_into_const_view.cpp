// expect: convt::assign(dst, expr) requires 'dst' to be writable
// Misuse: assigned into a tensor_view of const floats.
#include <convt/convt.hpp>

void upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w, const float* buffer) {
  convt::tensor_view<const float, 1, 8, 8, 4> y(buffer);
  convt::assign(y, convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
