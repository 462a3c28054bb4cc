// expect: conv2d_transpose(input, filters, ...) requires every 'explicit_padding' value to be >= 0
// Misuse: gave a negative explicit padding (a crop).
// numbers: explicit_padding_is_non_negative top=-1 bottom=1 left=1 right=1
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::explicit_padding<0, 0, -1, 1, 1, 1, 0, 0>));
}
