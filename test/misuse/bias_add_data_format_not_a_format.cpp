// expect: convt::bias_add(value, bias, data_format) requires 'data_format' to be convt::nhwc or convt::nchw
// Misuse: passed a padding where the data format goes.
#include <array>
#include <convt/convt.hpp>

void f(const convt::tensor<float, 1, 2, 2, 4>& v, const convt::tensor<float, 4>& b) { auto y = convt::eval(convt::bias_add(v, b, convt::same)); (void)y; }
