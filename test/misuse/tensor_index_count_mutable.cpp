// expect: convt::tensor(i...) requires one index per dimension
// Misuse: wrote into a rank-4 tensor with 5 indices.
#include <convt/convt.hpp>

void set(convt::tensor<float, 1, 8, 8, 4>& y) {
  y(0, 2, 3, 1, 0) = 1.0f;
}
