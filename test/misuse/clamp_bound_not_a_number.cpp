// expect: convt::clamp(x, lo, hi) requires its scalar parameters to be numbers
// Misuse: passed a pointer as the upper bound.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 2, 3>& a, const float* hi) { auto y = convt::eval(convt::clamp(a, 0.0f, hi)); (void)y; }
