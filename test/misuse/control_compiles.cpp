// expect: compiles
// Positive control: correct calls of both ops, eval, assign and tensor initialisation must compile,
// so that a broken include path or a broken library cannot pass as a rejection.
#include <convt/convt.hpp>

using input_t = convt::tensor<float, 1, 4, 4, 3>;    // [N, H, W, C_in]
using filters_t = convt::tensor<float, 3, 3, 4, 3>;  // [k_h, k_w, C_out, C_in]

void conv2d_transpose_calls(const input_t& x, const filters_t& w) {
  // SAME, VALID and explicit padding, NHWC, stride 2.
  auto same = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
  auto valid = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 9, 10, 4>, convt::strides<2>, convt::valid));
  auto padded = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 7, 4>, convt::strides<1, 2, 2, 1>,
                                                    convt::explicit_padding<0, 0, 1, 1, 1, 1, 0, 0>));
  // Dilations together with strides, 2-value and 4-value spellings.
  auto dilated = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2, 2>,
                                                     convt::same, convt::nhwc, convt::dilations<1, 2, 2, 1>));
  same(0, 0, 0, 0) += valid(0, 0, 0, 0) + padded(0, 0, 0, 0) + dilated(0, 0, 0, 0);

  // NCHW: input [N, C_in, H, W], output_shape [N, C_out, H, W], same filters.
  convt::tensor<float, 1, 3, 4, 4> x_nchw;
  auto y_nchw = convt::eval(convt::conv2d_transpose(x_nchw, w, convt::output_shape<1, 4, 8, 8>, convt::strides<1, 1, 2, 2>,
                                                    convt::explicit_padding<0, 0, 0, 0, 1, 1, 1, 1>, convt::nchw,
                                                    convt::dilations<1>));
  y_nchw(0, 0, 0, 0) = 1.0f;

  // assign into a tensor and into a mutable view; tensor initialisation and assignment from an expression.
  convt::tensor<float, 1, 8, 8, 4> y;
  convt::assign(y, convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>));
  float buffer[1 * 8 * 8 * 4];
  convt::tensor_view<float, 1, 8, 8, 4> view(buffer);
  convt::assign(view, convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same));
  convt::tensor<float, 1, 8, 8, 4> z = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>);
  z = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>, convt::same);
  // 7 is also accepted for SAME with stride 2: ceil(7 / 2) == 4.
  auto odd = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 7, 7, 4>, convt::strides<2>, convt::same));
  y(0, 0, 0, 0) += view(0, 0, 0, 0) + z(0, 0, 0, 0) + odd(0, 0, 0, 0);
}

void atrous_calls(const input_t& x, const filters_t& w) {
  // Views as operands: a read-only view of caller memory and a view of a whole tensor.
  double value_buffer[1 * 4 * 4 * 3] = {};
  convt::tensor_view<const double, 1, 4, 4, 3> value(value_buffer);
  convt::tensor<double, 3, 3, 4, 3> w64;
  convt::tensor_view<const double, 3, 3, 4, 3> filters(w64);
  auto same = convt::eval(convt::atrous_conv2d_transpose(value, filters, convt::output_shape<1, 4, 4, 4>, convt::rate<2>));
  auto valid = convt::eval(convt::atrous_conv2d_transpose(value, filters, convt::output_shape<1, 8, 8, 4>, convt::rate<2>,
                                                          convt::valid));
  convt::tensor<float, 1, 4, 4, 4> y = convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 4>, convt::rate<1>,
                                                                       convt::same);
  same(0, 0, 0, 0) += valid(0, 0, 0, 0) + y(0, 0, 0, 0);
}

void forward_calls(const input_t& x) {
  // conv2d: filters [k_h, k_w, C_in, C_out]; the output shape is derived.
  convt::tensor<float, 3, 3, 3, 4> w;
  auto same = convt::eval(convt::conv2d(x, w, convt::strides<2>, convt::same));               // [1, 2, 2, 4]
  auto valid = convt::eval(convt::conv2d(x, w, convt::strides<1, 1, 1, 1>, convt::valid));    // [1, 2, 2, 4]
  auto padded = convt::eval(convt::conv2d(x, w, convt::strides<1, 2>, convt::explicit_padding<0, 0, 1, 1, 1, 0, 0, 0>,
                                          convt::nhwc, convt::dilations<2, 1>));             // [1, 2, 2, 4]
  convt::tensor<float, 1, 3, 4, 4> x_nchw;
  auto nchw = convt::eval(convt::conv2d(x_nchw, w, convt::strides<1>, convt::same, convt::nchw));  // [1, 4, 4, 4]
  auto atrous = convt::eval(convt::atrous_conv2d(x, w, convt::rate<2>, convt::same));        // [1, 4, 4, 4]
  convt::tensor<float, 1, 2, 2, 4> y = convt::conv2d(x, w, convt::strides<2>, convt::same);
  same(0, 0, 0, 0) += valid(0, 0, 0, 0) + padded(0, 0, 0, 0) + nchw(0, 0, 0, 0) + atrous(0, 0, 0, 0) + y(0, 0, 0, 0);
}

// The library also works in constant expressions: TensorFlow's "depth 1" case (SEMANTICS.md).
constexpr bool depth_1_case() {
  convt::tensor<float, 1, 1, 2, 1> x;
  convt::tensor<float, 2, 2, 1, 1> w;
  for (int i = 0; i < 2; ++i) x(0, 0, i, 0) = float(i + 1);
  for (int i = 0; i < 4; ++i) w.data()[i] = float(i + 1);
  const auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 2, 3, 1>, convt::strides<1>, convt::valid));
  const float expected[] = {1, 4, 4, 3, 10, 8};
  for (int i = 0; i < 6; ++i)
    if (y.data()[i] != expected[i]) return false;
  return true;
}
static_assert(depth_1_case());

// Large strides are accepted without a compile-time search over output sizes (the accepted
// range has a closed form): 1x1 input, 1x1 filter, stride 100000, SAME, output 5x5.
void huge_stride() {
  convt::tensor<float, 1, 1, 1, 1> x, w;
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 5, 5, 1>, convt::strides<100000>));
  y(0, 0, 0, 0) += 1.0f;
}

int main() {
  huge_stride();
  input_t x;
  filters_t w;
  conv2d_transpose_calls(x, w);
  atrous_calls(x, w);
  forward_calls(x);
}

// Expressions: fused epilogues, element-wise operators with numbers on either side, bias_add in
// both formats, an input-side expression and a convolution feeding a convolution.
void expression_calls(const input_t& x, const filters_t& w, const convt::tensor<float, 4>& b,
                      const convt::tensor<float, 1, 8, 8, 4>& skip, convt::tensor<float, 1, 8, 8, 4>& out) {
  auto conv = convt::conv2d_transpose(x, w, convt::output_shape<1, 8, 8, 4>, convt::strides<2>);
  convt::tensor<float, 1, 8, 8, 4> y = convt::relu(convt::bias_add(conv, b));
  convt::assign(out, convt::clamp(0.5f * conv + skip, -1.0f, 1.0f) - 1 + y * 2.0);
  out = convt::leaky_relu(-conv, 0.1) + convt::relu6(conv) + convt::sigmoid(conv) * convt::tanh(conv) +
        convt::min(conv, skip) - convt::max(skip, conv);
  auto in_side = convt::eval(convt::conv2d_transpose(convt::relu(x - 1.0f), w, convt::output_shape<1, 8, 8, 4>,
                                                     convt::strides<2>));
  const convt::tensor<float, 4, 4, 4, 4> w2{};
  auto chained = convt::eval(convt::conv2d_transpose(conv, w2, convt::output_shape<1, 16, 16, 4>, convt::strides<2>));
  const convt::tensor<float, 1, 4, 8, 8> nchw_value{};
  auto nchw_biased = convt::eval(convt::bias_add(nchw_value, b, convt::nchw));
  out(0, 0, 0, 0) += in_side(0, 0, 0, 0) + chained(0, 0, 0, 0) + nchw_biased(0, 0, 0, 0);
}
