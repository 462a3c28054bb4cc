// expect: convt::tensor<T, dims...> requires every dimension to be >= 0
// Misuse: an input tensor with a negative height passed to conv2d_transpose: reported once, by the tensor.
#include <convt/convt.hpp>

int main() {
  convt::tensor<float, 1, -4, 4, 3> x;
  convt::tensor<float, 3, 3, 4, 3> w;
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
  static_cast<void>(y);
}
