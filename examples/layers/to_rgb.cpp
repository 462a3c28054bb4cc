#include <convt/convt.hpp>

#include "layers.hpp"

void layers::to_rgb(const float* input, const float* filters, float* output) noexcept {
  convt::assign(convt::tensor_view<float, 1, 32, 32, 3>{output},
                convt::conv2d_transpose(convt::tensor_view<const float, 1, 16, 16, 8>{input},
                                        convt::tensor_view<const float, 4, 4, 3, 8>{filters},
                                        convt::output_shape<1, 32, 32, 3>, convt::strides<2>, convt::same));
}
