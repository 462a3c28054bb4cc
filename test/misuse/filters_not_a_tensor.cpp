// expect: conv2d_transpose(input, filters, ...) requires 'filters' to be a convt::tensor, convt::tensor_view or convt::prepacked_filters
// Misuse: passed the filters as a std::vector<float> instead of a convt::tensor.
#include <vector>

#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const std::vector<float>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
}
