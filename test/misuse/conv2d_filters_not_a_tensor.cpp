// expect: conv2d(input, filters, ...) requires 'filters' to be a convt::tensor or convt::tensor_view
// Misuse: passed prepacked transpose filters, which conv2d does not take.
#include <convt/convt.hpp>

auto encode(const convt::tensor<float, 1, 8, 8, 3>& x, const convt::prepacked_filters<float, 3, 3, 3, 4>& w) {
  return convt::eval(convt::conv2d(x, w, convt::strides<1>, convt::same));
}
