#include <convt/convt.hpp>

#include "layers.hpp"

void layers::atrous_rate_2(const float* value, const float* filters, float* output) noexcept {
  convt::assign(convt::tensor_view<float, 1, 12, 12, 8>{output},
                convt::atrous_conv2d_transpose(convt::tensor_view<const float, 1, 12, 12, 8>{value},
                                               convt::tensor_view<const float, 3, 3, 8, 8>{filters},
                                               convt::output_shape<1, 12, 12, 8>, convt::rate<2>, convt::same));
}
