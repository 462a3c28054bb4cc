// Layers with long spatial axes compile, under a constant-evaluation budget far below the
// compilers' defaults (test/meson.build: clang++ -fconstexpr-steps, g++ -fconstexpr-ops-limit, both
// 100000). The phase plan (kernels/phase_plan.hpp) costs O(k^2) per phase, whatever the axis's
// length; a plan that walked every output position (O(O * k)) exceeds the budget at these sizes.
// Compiled, not run: a build failure fails test/run.
#include <convt/convt.hpp>

namespace long_axis {

constexpr int samples = 1 << 20;  // a 2^20-sample 1-D signal, as a 2-D layer of height 1
constexpr int side = 1 << 16;     // a 2-D layer with one axis of 2^16

// Upsampling by 2, 4 taps, SAME: [1, 1, 2^19, 8] -> [1, 1, 2^20, 8].
void upsample_signal(const float* in, const float* w, float* out) {
  convt::tensor_view<const float, 1, 1, samples / 2, 8> x{in};
  convt::tensor_view<const float, 1, 4, 8, 8> f{w};
  convt::assign(convt::tensor_view<float, 1, 1, samples, 8>{out},
                convt::conv2d_transpose(x, f, convt::output_shape<1, 1, samples, 8>, convt::strides<1, 2>,
                                        convt::same));
}

// Dilated, VALID: [1, 1, 2^20, 4] -> [1, 1, 2^20 + 2 * 4, 4] (3 taps, dilation 4).
void dilated_signal(const float* in, const float* w, float* out) {
  convt::tensor_view<const float, 1, 1, samples, 4> x{in};
  convt::tensor_view<const float, 1, 3, 4, 4> f{w};
  convt::assign(convt::tensor_view<float, 1, 1, samples + 8, 4>{out},
                convt::conv2d_transpose(x, f, convt::output_shape<1, 1, samples + 8, 4>, convt::strides<1>,
                                        convt::valid, convt::nhwc, convt::dilations<1, 4>));
}

// The forward op over the same signal, stride 2: [1, 1, 2^20, 8] -> [1, 1, 2^19, 8].
void downsample_signal(const float* in, const float* w, float* out) {
  convt::tensor_view<const float, 1, 1, samples, 8> x{in};
  convt::tensor_view<const float, 1, 4, 8, 8> f{w};  // [k_h, k_w, in_channels, out_channels]
  convt::assign(convt::tensor_view<float, 1, 1, samples / 2, 8>{out},
                convt::conv2d(x, f, convt::strides<1, 2>, convt::same));
}

// A 2-D layer with a long axis: [1, 2, 2^15, 4] -> [1, 4, 2^16, 4], 3 x 3, stride 2.
void wide_image(const float* in, const float* w, float* out) {
  convt::tensor_view<const float, 1, 2, side / 2, 4> x{in};
  convt::tensor_view<const float, 3, 3, 4, 4> f{w};
  convt::assign(convt::tensor_view<float, 1, 4, side, 4>{out},
                convt::conv2d_transpose(x, f, convt::output_shape<1, 4, side, 4>, convt::strides<2>, convt::same));
}

}  // namespace long_axis
