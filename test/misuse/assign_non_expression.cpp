// expect: convt::assign(dst, expr) requires 'expr' to be a convt expression, such as the result of convt::conv2d_transpose
// Misuse: used convt::assign to copy one tensor into another.
#include <convt/convt.hpp>

void copy(const convt::tensor<float, 1, 4, 4, 3>& x, convt::tensor<float, 1, 4, 4, 3>& y) {
  convt::assign(y, x);
}
