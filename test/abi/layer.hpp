// test/abi/layer.hpp: one layer that both parts of test_abi_link compile, each for its own
// instruction set: the same convt templates with the same arguments in both.
#pragma once

#include <convt/convt.hpp>

// Internal linkage: only convt's own templates are shared between the two parts.
namespace {

// [1, 5, 5, 32] -> [1, 10, 10, 16], 3x3 filters, stride 2, SAME (test_abi_link.cpp's problem).
/// y = conv2d_transpose(x, w) into out (1600 floats); returns the kernel set that computed it.
inline const char* run_layer(const float* x, const float* w, float* out) {
  const convt::tensor_view<const float, 1, 5, 5, 32> input{x};
  const convt::tensor_view<const float, 3, 3, 16, 32> filters{w};
  convt::tensor_view<float, 1, 10, 10, 16> output{out};
  convt::assign(output, convt::conv2d_transpose(input, filters, convt::output_shape<1, 10, 10, 16>,
                                                convt::strides<2>, convt::same));
  return convt::kernels::simd_arch_name();
}

}  // namespace

#include "parts.hpp"
