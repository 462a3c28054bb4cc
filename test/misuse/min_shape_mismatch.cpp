// expect: convt::min(a, b) requires both operands to have the same shape
// Misuse: took the minimum of tensors of different shapes.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a, const convt::tensor<float, 3, 2>& b) { auto y = convt::eval(convt::min(a, b)); (void)y; }
