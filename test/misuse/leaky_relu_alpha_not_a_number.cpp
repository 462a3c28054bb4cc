// expect: convt::leaky_relu(x, alpha) requires its scalar parameters to be numbers
// Misuse: passed alpha as a tensor.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a) { auto y = convt::eval(convt::leaky_relu(a, a)); (void)y; }
