// expect: conv2d_transpose(input, filters, ...) requires 'filters' in_channels (dimension 3) to equal the input depth
// Misuse: the input expression relu(x) has depth 3, the filters expect 5.
// numbers: filters_in_channels_match_input_depth filters_in_channels=5 input_depth=3
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 5>& w) {
  auto y = convt::eval(convt::conv2d_transpose(convt::relu(x), w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>));
  (void)y;
}
