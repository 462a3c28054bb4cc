// expect: convt::bias_add(value, bias) requires 'bias' to be a convt::tensor or convt::tensor_view
// Misuse: passed the bias as a std::array.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 2, 2, 4>& v, const std::array<float, 4>& b) { auto y = convt::eval(convt::bias_add(v, b)); (void)y; }
