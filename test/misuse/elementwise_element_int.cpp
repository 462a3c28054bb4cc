// expect: convt::sigmoid(x) requires 'x' elements to be float or double
// Misuse: applied sigmoid to a tensor of int.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<int, 1, 4, 4, 3>& x) { auto y = convt::eval(convt::sigmoid(x)); (void)y; }
