// expect: convt::tensor<T, dims...> y = expr requires dims... to be exactly the shape of 'expr'
// Misuse: initialised an NCHW-shaped [1, 4, 8, 8] tensor from an NHWC [1, 8, 8, 4] result.
// numbers: initialised_tensor_shape_matches tensor_shape={1,4,8,8} expr_shape={1,8,8,4}
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  convt::tensor<float, 1, 4, 8, 8> y = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same);
  return y;
}
