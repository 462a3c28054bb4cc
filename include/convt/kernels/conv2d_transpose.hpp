// convt/kernels/conv2d_transpose.hpp: picks the kernel that evaluates one conv2d_transpose.
//
// Inside a constant expression only the scalar kernel can run (no intrinsics); at run time the
// SIMD kernels take over where they exist for the target.
#pragma once

#include <type_traits>

#include "../shape_rules.hpp"
#include "scalar/conv2d_transpose.hpp"

namespace convt::kernels {

/// Layouts as in scalar::conv2d_transpose; every output element is written.
template <detail::conv_geometry g, class T>
constexpr void conv2d_transpose(const T* input, const T* filters, T* output) noexcept {
  scalar::conv2d_transpose<g>(input, filters, output);
}

}  // namespace convt::kernels
