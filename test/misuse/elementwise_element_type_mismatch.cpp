// expect: convt: 'a * b' requires both operands to have the same element type
// Misuse: multiplied a float tensor by a double tensor.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a, const convt::tensor<double, 2, 3>& b) { auto y = convt::eval(a * b); (void)y; }
