// expect: convt::min(a, b) requires both operands to have the same shape
// Misuse: took the minimum of tensors of different shapes.
// numbers: operand_shapes_match left_shape={2,3} right_shape={3,2}
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a, const convt::tensor<float, 3, 2>& b) { auto y = convt::eval(convt::min(a, b)); (void)y; }
