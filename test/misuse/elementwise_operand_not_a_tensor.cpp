// expect: convt::relu(x) requires 'x' to be a convt expression, convt::tensor or convt::tensor_view
// Misuse: applied relu to a std::array.
#include <array>
#include <convt/convt.hpp>

void f(const std::array<float, 16>& x) { auto y = convt::relu(x); (void)y; }
