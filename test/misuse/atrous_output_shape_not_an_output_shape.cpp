// expect: atrous_conv2d_transpose(value, filters, ...) requires 'output_shape' to be convt::output_shape<N, H, W, C>
// Misuse: passed the output shape as a run-time std::array instead of convt::output_shape<...>.
#include <array>

#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::atrous_conv2d_transpose(x, w, std::array{1, 4, 4, 4}, convt::rate<2>));
}
