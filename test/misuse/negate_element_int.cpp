// expect: convt: '-x' requires 'x' elements to be float or double
// Misuse: negated a tensor of int.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<int, 2, 3>& x) { auto y = convt::eval(-x); (void)y; }
