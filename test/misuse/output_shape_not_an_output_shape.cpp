// expect: conv2d_transpose(input, filters, ...) requires 'output_shape' to be convt::output_shape<N, H, W, C> (or <N, C, H, W> with convt::nchw)
// Misuse: passed the output shape as a run-time std::array, as in TensorFlow, instead of convt::output_shape<...>.
#include <array>

#include <convt/convt.hpp>

auto upsample(const convt::tensor<float, 1, 4, 4, 3>& x, const convt::tensor<float, 3, 3, 4, 3>& w) {
  return convt::eval(convt::conv2d_transpose(x, w, std::array{1, 8, 8, 4}, convt::strides<2>, convt::same));
}
