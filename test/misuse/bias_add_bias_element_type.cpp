// expect: convt::bias_add(value, bias) requires 'bias' to have the element type of 'value'
// Misuse: added a double bias to a float tensor.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 2, 2, 4>& v, const convt::tensor<double, 4>& b) { auto y = convt::eval(convt::bias_add(v, b)); (void)y; }
