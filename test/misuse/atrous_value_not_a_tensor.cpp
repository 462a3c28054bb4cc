// expect: atrous_conv2d_transpose(value, filters, ...) requires 'value' to be a convt::tensor, convt::tensor_view or convt expression
// Misuse: passed a std::array of floats as 'value' instead of a convt::tensor.
#include <array>

#include <convt/convt.hpp>

auto upsample(const std::array<float, 1 * 4 * 4 * 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>, convt::same));
}
