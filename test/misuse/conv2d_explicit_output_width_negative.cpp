// expect: conv2d(input, filters, ...) requires the output width (input width + padding - dilated filter width + stride_w) / stride_w to be >= 0
// Misuse: a filter of dilated width 5 over 2 columns padded by 0 and 1, stride 1: (2 + 1 - 5 + 1) / 1 = -1.
// numbers: forward_output_size_is_non_negative size=-1
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 2, 3>& x, const convt::tensor<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::explicit_padding<0, 0, 1, 1, 0, 1, 0, 0>, convt::nhwc, convt::dilations<2>));
}
