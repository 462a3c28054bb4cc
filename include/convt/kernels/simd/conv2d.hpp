// convt/kernels/simd/conv2d.hpp (SIMD driver): the SIMD evaluation of the forward conv2d, on the
// transpose's driver.
//
// A forward conv2d is a single-phase correlation: output position m reads input position
// m * s + t * d - pad for tap t, and the valid taps at m form a contiguous range
// (phase_plan.hpp, forward = true). With a forward geometry (g.forward) the phase plan, the tile
// loops, the NCHW scratch path and the register tiles of simd/conv2d_transpose.hpp run unchanged
// apart from their steps: the tiles read input m * s - q_t and write output m.
//
// Filters: TensorFlow's forward layout [k_h, k_w, in_c, out_c] has out_c contiguous, which is
// what broadcast_tile reads (the transpose's prepacked layout of one block,
// kernels/filter_layout.hpp), so whenever out_c is a whole number of SIMD vectors the filters are
// read as they are, whatever their size. Otherwise the dot tile runs, which reads
// [k_h, k_w, out_c, in_c] (in_c contiguous): the whole filter tensor is repacked into a stack
// buffer of compile-time size, up to CONVT_MAX_SCRATCH_BYTES (config.hpp); larger filters with
// such channel counts use the scalar kernel (kernels/conv2d.hpp).
#pragma once

#include "../../config.hpp"

#include <cstddef>

#include "../../shape_rules.hpp"
#include "arch.hpp"
#include "conv2d_transpose.hpp"
#include "kernel_choice.hpp"
#include "transpose.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// How a forward geometry is evaluated: broadcast tile on the raw filters, dot tile on a packed
/// copy, or (runs == false) not by the SIMD kernels.
template <detail::conv_geometry g, class T>
struct conv2d_choice {
  static_assert(g.forward, "convt: simd::conv2d_choice takes a forward geometry");
  static constexpr bool broadcast = kernel_choice<g, T, g.out_c>::broadcast;
  static constexpr long long filter_elements = static_cast<long long>(g.k_h) * g.k_w * g.in_c * g.out_c;
  static constexpr bool dot_scratch_fits =
      filter_elements * static_cast<long long>(sizeof(T)) <= static_cast<long long>(CONVT_MAX_SCRATCH_BYTES);
  static constexpr bool runs = broadcast || dot_scratch_fits;
};

/// g.forward geometry; layouts as in scalar::conv2d; every output element is written, as
/// epilogue(value, offset, channel) (kernels/epilogue.hpp), the sums starting from bias.
template <detail::conv_geometry g, class T, class Input, class Epilogue, class Bias>
void conv2d(Input input, const T* filters, T* output, const Epilogue& epilogue, Bias bias) noexcept {
  using choice = conv2d_choice<g, T>;
  static_assert(choice::runs, "convt: this conv2d geometry takes the scalar kernel (kernels/conv2d.hpp)");
  if constexpr (choice::broadcast) {
    simd::conv2d_transpose<g, T, g.out_c>(input, filters, output, epilogue, bias);
  } else {
    // [k_h, k_w, in_c, out_c] -> [k_h, k_w, out_c, in_c] for the dot tile.
    alignas(64) T packed[choice::filter_elements > 0 ? choice::filter_elements : 1];
    for (int tap = 0; tap < g.k_h * g.k_w; ++tap)
      transpose<T, g.in_c, g.out_c, g.out_c, g.in_c>(filters + std::ptrdiff_t(tap) * g.in_c * g.out_c,
                                                     packed + std::ptrdiff_t(tap) * g.out_c * g.in_c);
    simd::conv2d_transpose<g, T, 0>(input, packed, output, epilogue, bias);
  }
}

}  // namespace convt::kernels::simd
