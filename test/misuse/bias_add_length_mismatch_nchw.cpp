// expect: convt::bias_add(value, bias) requires 'bias' to have as many values as 'value' has channels
// Misuse: an NCHW [1, 4, 8, 8] tensor takes 4 biases (axis 1), not 8 (its last axis).
// numbers: bias_length_matches_channels bias_length=8 value_channels=4
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 4, 8, 8>& v, const convt::tensor<float, 8>& b) { auto y = convt::eval(convt::bias_add(v, b, convt::nchw)); (void)y; }
