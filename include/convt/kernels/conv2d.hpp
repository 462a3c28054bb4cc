// convt/kernels/conv2d.hpp (dispatch): picks the kernel that evaluates one forward conv2d.
//
// As for conv2d_transpose (kernels/conv2d_transpose.hpp): the scalar kernel inside constant
// expressions, without SIMD (CONVT_SCALAR_ONLY), for NCHW layers whose NHWC stack scratch would
// exceed CONVT_MAX_NCHW_SCRATCH_BYTES, and for filters that need the dot tile (out_c not a
// multiple of the SIMD width) but are larger than CONVT_MAX_SCRATCH_BYTES (simd/conv2d.hpp);
// the SIMD kernels otherwise.
#pragma once

#include "../config.hpp"

#include <type_traits>

#include "../shape_rules.hpp"
#include "epilogue.hpp"
#include "scalar/conv2d.hpp"
#include "simd/arch.hpp"
#if !defined(CONVT_SCALAR_ONLY)
#include "simd/conv2d.hpp"
#endif

namespace convt::inline CONVT_ABI::kernels {

/// g.forward geometry; layouts as in scalar::conv2d; every output element is written, as
/// epilogue(value, offset, channel) (epilogue.hpp), value including bias[channel] when a bias is
/// given (Bias: no_bias or const T*); input is a pointer or an expression_input.
template <detail::conv_geometry g, class T, class Input, class Epilogue = identity_epilogue, class Bias = no_bias>
constexpr void conv2d(Input input, const T* filters, T* output, const Epilogue& epilogue = {}, Bias bias = {}) noexcept {
  static_assert(g.forward, "convt: kernels::conv2d takes a forward geometry");
  // The scalar kernel's epilogue adds a folded bias to the finished sum (epilogue.hpp).
  const auto scalar_epilogue = adding_bias<T>(epilogue, bias);
#if defined(CONVT_SCALAR_ONLY)
  scalar::conv2d<g, T>(input, filters, output, scalar_epilogue);
#else
  constexpr bool nchw_scratch_too_large =
      g.format == data_format_kind::nchw &&
      (static_cast<long long>(g.in_h) * g.in_w * g.in_c + static_cast<long long>(g.out_h) * g.out_w * g.out_c) *
              static_cast<long long>(sizeof(T)) >
          static_cast<long long>(CONVT_MAX_NCHW_SCRATCH_BYTES);
  if constexpr (nchw_scratch_too_large || !simd::conv2d_choice<g, T>::runs) {
    scalar::conv2d<g, T>(input, filters, output, scalar_epilogue);
  } else {
    if (std::is_constant_evaluated())
      scalar::conv2d<g, T>(input, filters, output, scalar_epilogue);
    else
      simd::conv2d<g, T>(input, filters, output, epilogue, bias);
  }
#endif
}

}  // namespace convt::kernels
