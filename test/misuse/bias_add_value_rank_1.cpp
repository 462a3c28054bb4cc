// expect: convt::bias_add(value, bias) requires 'value' to have rank 2 or more
// Misuse: added a bias to a rank-1 tensor.
// numbers: bias_add_value_rank_at_least_2 value_rank=1
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 8>& v, const convt::tensor<float, 8>& b) { auto y = convt::eval(convt::bias_add(v, b)); (void)y; }
