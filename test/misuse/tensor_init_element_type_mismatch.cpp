// expect: convt::tensor<T, dims...> y = expr requires T to be the element type of 'expr'
// Misuse: initialised a double tensor from a float result.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  convt::tensor<double, 1, 8, 8, 4> y = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same);
  return y;
}
