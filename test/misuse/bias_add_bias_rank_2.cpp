// expect: convt::bias_add(value, bias) requires 'bias' to have rank 1: [C]
// Misuse: passed a [1, C] bias.
// numbers: bias_rank_is_1 bias_rank=2
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 2, 2, 4>& v, const convt::tensor<float, 1, 4>& b) { auto y = convt::eval(convt::bias_add(v, b)); (void)y; }
