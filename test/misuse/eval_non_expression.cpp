// expect: convt::eval(expr) requires 'expr' to be a convt expression, such as the result of convt::conv2d_transpose
// Misuse: called convt::eval on a tensor (to copy it) instead of on an expression.
#include <convt/convt.hpp>

auto copy(const convt::tensor<float, 1, 4, 4, 3>& x) {
  return convt::eval(x);
}
