// expect: conv2d_transpose(input, filters, ...) requires every 'output_shape' value to be >= 0
// Misuse: gave -1 as the batch of output_shape, expecting it to be inferred.
// numbers: output_shape_is_non_negative batch=-1 height=8 width=8 depth=4
#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<-1, 8, 8, 4>, convt::strides<2>, convt::same));
}
