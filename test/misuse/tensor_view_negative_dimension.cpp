// expect: convt::tensor_view<T, dims...> requires every dimension to be >= 0
// Misuse: used -1 as a dimension of a view, expecting it to be inferred as in a reshape.
#include <convt/convt.hpp>

float first(const float* buffer) {
  convt::tensor_view<const float, 1, -1, 8, 4> y(buffer);
  return y(0, 0, 0, 0);
}
