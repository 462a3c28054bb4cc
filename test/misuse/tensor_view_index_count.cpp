// expect: convt::tensor_view(i...) requires one index per dimension
// Misuse: indexed a rank-4 view with 3 indices (forgot the batch index).
#include <convt/convt.hpp>

float pixel(const float* buffer) {
  convt::tensor_view<const float, 1, 8, 8, 4> y(buffer);
  return y(2, 3, 1);
}
