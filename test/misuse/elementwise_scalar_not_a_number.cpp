// expect: convt: 'a - b' requires a scalar operand to be a number
// Misuse: subtracted a string from a tensor.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a) { auto y = convt::eval(a - "1"); (void)y; }
