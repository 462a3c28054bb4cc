// expect: conv2d_transpose(input, filters, ...) requires every stride to be at least 1
// Misuse: gave a width stride of 0.
// numbers: strides_are_at_least_1 stride_h=2 stride_w=0
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2, 0>, convt::same));
}
