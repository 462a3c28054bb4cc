// expect: conv2d_transpose(input, filters, ...) requires 'input' to be a convt::tensor, convt::tensor_view or convt expression
// Misuse: passed a std::array of floats as 'input' instead of a convt::tensor.
#include <array>

#include <convt/convt.hpp>

auto upsample(const std::array<float, 1 * 4 * 4 * 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
