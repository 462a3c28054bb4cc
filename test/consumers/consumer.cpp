// A consumer of an installed convt (test/consumers/run builds it with meson and with CMake):
// TensorFlow's "depth 1" conv2d_transpose, whose result TensorFlow's tests give: 1 4 4 / 3 10 8.
#include <cstdio>

#include <convt/convt.hpp>

int main() {
  convt::tensor<float, 1, 1, 2, 1> x;  // NHWC
  x(0, 0, 0, 0) = 1;
  x(0, 0, 1, 0) = 2;
  convt::tensor<float, 2, 2, 1, 1> w;  // [k_h, k_w, out_c, in_c]
  for (int i = 0; i < 4; ++i) w.data()[i] = float(i + 1);
  const convt::tensor<float, 1, 2, 3, 1> y =
      convt::conv2d_transpose(x, w, convt::output_shape<1, 2, 3, 1>, convt::strides<1>, convt::valid);
  const float want[] = {1, 4, 4, 3, 10, 8};
  int bad = 0;
  for (int i = 0; i < 6; ++i) bad += y.data()[i] != want[i];
  std::printf("convt consumer (%s kernels): %s\n", convt::kernels::simd_arch_name(), bad ? "WRONG" : "ok");
  return bad ? 1 : 0;
}
