#include <convt/convt.hpp>

#include "layers.hpp"

void layers::upsample_2x(const float* input, const float* filters, float* output) noexcept {
  convt::assign(convt::tensor_view<float, 1, 16, 16, 8>{output},
                convt::conv2d_transpose(convt::tensor_view<const float, 1, 8, 8, 16>{input},
                                        convt::tensor_view<const float, 3, 3, 8, 16>{filters},
                                        convt::output_shape<1, 16, 16, 8>, convt::strides<2>, convt::same));
}
