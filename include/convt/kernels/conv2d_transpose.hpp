// convt/kernels/conv2d_transpose.hpp (dispatch): picks the kernel that evaluates one
// conv2d_transpose.
//
// Inside a constant expression only the scalar kernel can run (no intrinsics there); at run time
// the SIMD kernels run, unless the target has no SIMD instruction set xsimd supports or the
// build defines CONVT_SCALAR_ONLY (config.hpp, abi.hpp).
#pragma once

#include "../config.hpp"

#include <type_traits>

#include "../shape_rules.hpp"
#include "epilogue.hpp"
#include "scalar/conv2d_transpose.hpp"
#include "simd/arch.hpp"
#if !defined(CONVT_SCALAR_ONLY)
#include "simd/conv2d_transpose.hpp"
#include "simd/kernel_choice.hpp"
#endif

namespace convt::inline CONVT_ABI::kernels {

/// The SIMD kernels unroll their phase loop (stride_h * stride_w phases) at compile time; beyond
/// this many phases (absurd strides, where most phases receive no tap at all) the scalar kernel
/// runs instead, which keeps compile time bounded.
inline constexpr int max_unrolled_phases = 64;

/// Layouts as in scalar::conv2d_transpose; every output element is written, as
/// epilogue(value, offset, channel) (epilogue.hpp), value including bias[channel] when a bias is
/// given (Bias: no_bias or const T*, [out_c]; epilogue.hpp).
template <detail::conv_geometry g, class T, int filter_block = 0, class Input,
          class Epilogue = identity_epilogue, class Bias = no_bias>
constexpr void conv2d_transpose(Input input, const T* filters, T* output, const Epilogue& epilogue = {},
                                Bias bias = {}) noexcept {
  // The scalar kernel's epilogue adds a folded bias to the finished sum (epilogue.hpp).
  const auto scalar_epilogue = adding_bias<T>(epilogue, bias);
#if defined(CONVT_SCALAR_ONLY)
  scalar::conv2d_transpose<g, T, filter_block>(input, filters, output, scalar_epilogue);
#else
  constexpr bool too_many_phases = g.stride_h > max_unrolled_phases || g.stride_w > max_unrolled_phases ||
                                  static_cast<long long>(g.stride_h) * g.stride_w > max_unrolled_phases;
  // NCHW goes through NHWC scratch on the stack (simd/conv2d_transpose.hpp), within a bound.
  constexpr bool nchw_scratch_too_large =
      g.format == data_format_kind::nchw &&
      (static_cast<long long>(g.in_h) * g.in_w * g.in_c + static_cast<long long>(g.out_h) * g.out_w * g.out_c) *
              static_cast<long long>(sizeof(T)) >
          static_cast<long long>(CONVT_MAX_NCHW_SCRATCH_BYTES);
  // A prepacked layout made for another SIMD width: the kernels read prepacked blocks with the
  // vectors prepack made them for (simd::broadcast_lanes, simd::reads_filter_layout).
  constexpr bool filter_layout_unread =
      !simd::reads_filter_layout(g.out_c, filter_block, simd::broadcast_lanes<T>(g.out_c));
  if constexpr (too_many_phases || nchw_scratch_too_large || filter_layout_unread) {
    scalar::conv2d_transpose<g, T, filter_block>(input, filters, output, scalar_epilogue);
  } else {
    if (std::is_constant_evaluated())
      scalar::conv2d_transpose<g, T, filter_block>(input, filters, output, scalar_epilogue);
    else
      simd::conv2d_transpose<g, T, filter_block>(input, filters, output, epilogue, bias);
  }
#endif
}

}  // namespace convt::kernels
