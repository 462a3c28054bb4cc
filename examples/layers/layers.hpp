// examples/layers/layers.hpp: three example layers, one translation unit each, so that the code
// size of each (examples/layers/code_size.py) is the size of its object file. They are the
// Cortex-M7 firmware (firmware.cpp) and the code-size table of the README.
//
// Each takes caller memory: the input, TensorFlow's filters (which can live in flash), the result.
#pragma once

namespace layers {

/// 2x upsampling, conv2d_transpose 3x3, stride 2, SAME.
/// input [1, 8, 8, 16] NHWC, filters [3, 3, 8, 16], output [1, 16, 16, 8] NHWC
void upsample_2x(const float* input, const float* filters, float* output) noexcept;

/// A generator's RGB output, conv2d_transpose 4x4, stride 2, SAME (3 output channels: dot tile).
/// input [1, 16, 16, 8] NHWC, filters [4, 4, 3, 8], output [1, 32, 32, 3] NHWC
void to_rgb(const float* input, const float* filters, float* output) noexcept;

/// atrous_conv2d_transpose 3x3, rate 2, SAME.
/// value [1, 12, 12, 8] NHWC, filters [3, 3, 8, 8], output [1, 12, 12, 8] NHWC
void atrous_rate_2(const float* value, const float* filters, float* output) noexcept;

inline constexpr int upsample_2x_sizes[3] = {1 * 8 * 8 * 16, 3 * 3 * 8 * 16, 1 * 16 * 16 * 8};   // in, filters, out
inline constexpr int to_rgb_sizes[3] = {1 * 16 * 16 * 8, 4 * 4 * 3 * 8, 1 * 32 * 32 * 3};
inline constexpr int atrous_rate_2_sizes[3] = {1 * 12 * 12 * 8, 3 * 3 * 8 * 8, 1 * 12 * 12 * 8};

}  // namespace layers
