// convt/kernels/conv2d_transpose.hpp: picks the kernel that evaluates one conv2d_transpose.
//
// Inside a constant expression only the scalar kernel can run (no intrinsics there); at run time
// the SIMD kernels run, unless the target has no SIMD instruction set xsimd supports or the
// build defines CONVT_SCALAR_ONLY (simd/arch.hpp).
#pragma once

#include <type_traits>

#include "../shape_rules.hpp"
#include "scalar/conv2d_transpose.hpp"
#include "simd/arch.hpp"
#if !defined(CONVT_SCALAR_ONLY)
#include "simd/conv2d_transpose.hpp"
#endif

namespace convt::kernels {

/// Layouts as in scalar::conv2d_transpose; every output element is written.
template <detail::conv_geometry g, class T>
constexpr void conv2d_transpose(const T* input, const T* filters, T* output) noexcept {
#if defined(CONVT_SCALAR_ONLY)
  scalar::conv2d_transpose<g>(input, filters, output);
#else
  if (std::is_constant_evaluated())
    scalar::conv2d_transpose<g>(input, filters, output);
  else
    simd::conv2d_transpose<g>(input, filters, output);
#endif
}

}  // namespace convt::kernels
