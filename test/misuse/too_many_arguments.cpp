// expect: conv2d_transpose(input, filters, ...) requires at most 7 arguments
// Misuse: passed an eighth argument (a second padding) after dilations.
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same,
                                             convt::nhwc, convt::dilations<1>, convt::valid));
}
