// convt/kernels/filter_layout.hpp (kernel support): where each element of a transposed
// convolution's filters is, in the layouts convt reads them in.
//
// Logical filters are TensorFlow's [k_h, k_w, out_c, in_c]. They are stored
//   * as given (block_channels = 0): raw filters, and prepacked ones the dot tile reads;
//   * in blocks of block_channels = W output channels (a multiple of the SIMD width, convt::prepack):
//     block b holds channels [b*W, b*W + width_b), width_b = min(W, out_c - b*W) (the last block
//     may be narrower), as [k_h, k_w, in_c, width_b], and starts at element b*W * k_h*k_w*in_c
//     (every earlier block is W channels wide). So element (kh, kw, oc, ic) is at
//         (oc - j) * k_h*k_w*in_c + ((kh*k_w + kw) * in_c + ic) * width_b + j,   j = oc mod W.
//     Each block is one contiguous run, which the broadcast tile streams: filters too large for
//     the caches are then read from memory once per call, front to back.
//     W = out_c is one block, [k_h, k_w, in_c, out_c]: output channels contiguous.
#pragma once

#include "../abi.hpp"

#include <cstddef>

namespace convt::inline CONVT_ABI::kernels {

template <int k_h, int k_w, int out_c, int in_c, int block_channels>
struct filter_layout {
  static_assert(block_channels >= 0, "convt: a filter layout's block width is 0 (TensorFlow's layout) or positive");
  static constexpr bool tensorflow = block_channels == 0;
  static constexpr std::ptrdiff_t taps_times_in_c = std::ptrdiff_t{k_h} * k_w * in_c;

  /// First output channel of the block that holds channel oc.
  static constexpr int block_begin(int oc) noexcept { return tensorflow ? 0 : oc - oc % block_channels; }
  /// Width (output channels) of the block that holds channel oc.
  static constexpr int block_width(int oc) noexcept {
    return tensorflow ? out_c : (out_c - block_begin(oc) < block_channels ? out_c - block_begin(oc) : block_channels);
  }
  /// Element (kh, kw, oc, ic) (TensorFlow's indices).
  static constexpr std::ptrdiff_t offset(int kh, int kw, int oc, int ic) noexcept {
    if constexpr (tensorflow) {
      return ((std::ptrdiff_t{kh} * k_w + kw) * out_c + oc) * in_c + ic;
    } else {
      const int j = oc - block_begin(oc);
      return std::ptrdiff_t{block_begin(oc)} * taps_times_in_c +
             ((std::ptrdiff_t{kh} * k_w + kw) * in_c + ic) * block_width(oc) + j;
    }
  }
};

}  // namespace convt::kernels
