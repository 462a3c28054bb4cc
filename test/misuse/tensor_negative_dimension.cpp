// expect: convt::tensor<T, dims...> requires every dimension to be >= 0
// Misuse: used -1 as a dimension, expecting it to be inferred as in a reshape.
#include <convt/convt.hpp>

float first(const convt::tensor<float, 1, -1, 8, 4>& y) {
  return y(0, 0, 0, 0);
}
