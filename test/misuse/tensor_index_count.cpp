// expect: convt::tensor(i...) requires one index per dimension
// Misuse: indexed a rank-4 tensor with 3 indices (forgot the batch index).
#include <convt/convt.hpp>

float pixel(const convt::tensor<float, 1, 8, 8, 4>& y) {
  return y(2, 3, 1);
}
