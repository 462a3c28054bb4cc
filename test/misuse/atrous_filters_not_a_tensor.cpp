// expect: atrous_conv2d_transpose(value, filters, ...) requires 'filters' to be a convt::tensor, convt::tensor_view or convt::prepacked_filters
// Misuse: passed the filters as a std::vector<float> instead of a convt::tensor.
#include <vector>

#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const std::vector<float>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<2>, convt::same));
}
