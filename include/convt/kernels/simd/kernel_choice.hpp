// convt/kernels/simd/kernel_choice.hpp (SIMD driver): which register tile evaluates a layer, and
// its shape, from the geometry, the element type, the registers and the CONVT_* macros
// (config.hpp). The transpose (conv2d_transpose.hpp) and the forward op (conv2d.hpp) both ask it.
#pragma once

#include "../../config.hpp"

#include <algorithm>
#include <cstddef>
#include <type_traits>

#include "../../shape_rules.hpp"
#include "../phase_plan.hpp"
#include "arch.hpp"
#include "transpose.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// The largest divisor of n (n >= 1) that is at most limit (limit >= 1).
constexpr int largest_divisor_up_to(int n, int limit) {
  for (int d = limit; d > 1; --d)
    if (n % d == 0) return d;
  return 1;
}

/// Which micro-kernel evaluates a geometry on the vectors of architecture A, and its register tile.
/// The shape follows from the vectors' lanes and the registers alone (their defaults: A's, and
/// the target's), so test_kernels checks the choice for every width on any machine.
///
/// broadcast_tile (P pixels x V vectors of channels, no lane reduction) needs filters with
/// contiguous output channels and out_c a multiple of the vector width L. With prepacked filters
/// (filter_block > 0: blocks of filter_block channels, kernels/filter_layout.hpp) it is used
/// whenever out_c allows; blocks narrower than out_c (large filters) set the tile's channels, a
/// divisor of the block's vectors so that no tile straddles two blocks, and its pixels are what
/// the registers leave. With raw TensorFlow filters, each block of V*L output channels is first
/// packed into a scratch buffer of compile-time size (k_h * k_w * in_c * V*L elements, on the
/// stack); that pays off when every filter element is reused by enough input pixels
/// (CONVT_PACK_MIN_REUSE per image) or the filters are small (CONVT_PACK_SMALL_FILTER_BYTES), and
/// the buffer stays under CONVT_MAX_SCRATCH_BYTES.
/// Otherwise dot_tile (P pixels x O channels, vectorised along in_c) reads the raw filters.
/// Tiles are sized so that the accumulators, the filter vectors and one input vector fit the
/// register file: 16 vector registers on x86-64 before AVX-512, 32 with AVX-512 and on AArch64.
///
/// With CONVT_OPTIMIZE_SIZE (flash-constrained targets) every tile choice favours code size:
/// broadcast tiles as wide as a whole phase row when the registers allow, else one pixel, and dot
/// tiles of one pixel, so no row segment needs a second, remainder tile; channel blocks that
/// divide out_c, so no remainder block repeats the whole phase loop (except the narrower last
/// block of prepacked filters in blocks, kernels/filter_layout.hpp). Each (phase, segment) then
/// instantiates one tile instead of up to four.
template <detail::conv_geometry g, class T, int filter_block, class A, int lanes = int(vector<T, A>::size),
          int register_count = vector_registers>
struct tile_choice {
  using vector_arch = A;
  using vec = vector<T, A>;
  static constexpr int registers = register_count;
  static constexpr int L = lanes;

  // broadcast_tile: P pixels along a phase row (no more than the row has), then as many channel
  // vectors V as the registers allow next to P * V accumulators, P + V loads and one broadcast.
  static constexpr int phase_row = (g.out_w + g.output_step_w() - 1) / g.output_step_w();
  static constexpr int max_pixels = std::min((registers - 1 - 2) / 2, 12);
  // Filter blocks narrower than out_c: the tile's vectors divide the block's (at most what one
  // pixel leaves room for), then the pixels that fit beside them.
  static constexpr bool narrow_filter_blocks = filter_block > 0 && filter_block < g.out_c;
  static constexpr int block_vectors =
      narrow_filter_blocks ? largest_divisor_up_to(filter_block / L, (registers - 1) / 2) : 0;
  static constexpr int pixel_limit =
      narrow_filter_blocks ? std::min((registers - 1) / block_vectors - 1, max_pixels) : max_pixels;
#if defined(CONVT_OPTIMIZE_SIZE)
  // A whole phase row in one tile when it fits (no loop), else one pixel (no remainder tile).
  static constexpr int broadcast_pixels = phase_row >= 1 && phase_row <= pixel_limit ? phase_row : 1;
#else
  static constexpr int broadcast_pixels = phase_row < 1 ? 1 : std::min(phase_row, pixel_limit);
#endif
  static constexpr int fitting_vectors = (registers - 1) / (broadcast_pixels + 1);
  static constexpr int largest_vectors = g.out_c / L < 1 ? 1 : std::min(g.out_c / L, std::max(fitting_vectors, 1));
#if defined(CONVT_OPTIMIZE_SIZE)
  static constexpr int vectors =
      narrow_filter_blocks ? block_vectors : largest_divisor_up_to(g.out_c / L, largest_vectors);
#else
  static constexpr int vectors = narrow_filter_blocks ? block_vectors : largest_vectors;
#endif
  static constexpr int block_channels = vectors * L;
  static constexpr std::size_t scratch_bytes = std::size_t(g.k_h) * g.k_w * g.in_c * block_channels * sizeof(T);
  static constexpr bool channels_fit_vectors = g.out_c >= L && g.out_c % L == 0;
  // Packing is redone for every image, so its reuse is counted per image (the pixels each filter
  // element meets: the input's for the transpose, the output's for the forward conv2d).
  static constexpr long long pixels_per_image =
      g.forward ? static_cast<long long>(g.out_h) * g.out_w : static_cast<long long>(g.in_h) * g.in_w;
  static constexpr std::size_t filter_bytes = std::size_t(g.k_h) * g.k_w * g.in_c * g.out_c * sizeof(T);
  static constexpr bool small_filters = transpose_in_registers<T> && filter_bytes <= CONVT_PACK_SMALL_FILTER_BYTES;
  static constexpr bool pack_raw_filters = (pixels_per_image >= CONVT_PACK_MIN_REUSE || small_filters) &&
                                           scratch_bytes > 0 && scratch_bytes <= CONVT_MAX_SCRATCH_BYTES;
  static constexpr bool broadcast = channels_fit_vectors && (filter_block > 0 || pack_raw_filters);
  static constexpr bool reads_filters = reads_filter_layout(g.out_c, filter_block, L);

  // Whether the broadcast tile's tap loops may be unrolled: only when the whole body (the most
  // taps a phase has, times in_c steps) stays short (broadcast_tile.hpp). The dot tile's bodies
  // are left to the compiler: kept as loops they were slower.
  static constexpr int taps_per_phase =
      axis_plan<g.in_h, g.out_h, g.k_h, g.stride_h, g.dilation_h, g.pad_top, g.forward>::max_tap_count *
      axis_plan<g.in_w, g.out_w, g.k_w, g.stride_w, g.dilation_w, g.pad_left, g.forward>::max_tap_count;
  static constexpr bool unroll_taps = taps_per_phase * g.in_c <= CONVT_UNROLL_TAP_STEPS;

  // dot_tile
#if defined(CONVT_TILE_CHANNELS)
  static constexpr int dot_channels = g.out_c < CONVT_TILE_CHANNELS ? std::max(g.out_c, 1) : CONVT_TILE_CHANNELS;
#elif defined(CONVT_OPTIMIZE_SIZE)
  static constexpr int dot_channels = largest_divisor_up_to(g.out_c, 4);
#else
  // A phase's filter taps for one block of 4 channels, which every tile of the phase reads again.
  // Beyond half of L1 they come from L2 (dcgan_l2: 4 taps x 4 channels x 512 in_c, 32 KiB), and
  // the load port limits the tile: 3 channels x 4 pixels (7 loads per 12 FMAs, against 6 per 8)
  // is then the faster tile, while with filters in L1 (mnist_ae: 4 KiB) 4 x 2 is. Only from 8
  // channels on: with fewer, 3-channel blocks cost whole extra passes over the phase's pixels (4
  // channels: two passes instead of one); with many, the extra blocks (dcgan_l2: 86 of 3 against
  // 64 of 4) cost less than the fewer loads per FMA gain. With 32 registers the tiles have twice
  // the pixels, 3 x 8 (11 loads per 24 FMAs) against 4 x 4 (8 per 16), but a phase row shorter
  // than 8 pixels (dcgan_l2: 4) cuts 3 x 8 to 3 x 4, and 4 x 4 is then the better tile.
  static constexpr std::size_t dot_block_filter_bytes = std::size_t(taps_per_phase) * 4 * g.in_c * sizeof(T);
  static constexpr bool dot_filters_from_l2 = g.out_c >= 8 && dot_block_filter_bytes > CONVT_L1_DATA_BYTES / 2;
  static constexpr bool dot_rows_fit_wide_tiles = registers == 16 || phase_row >= 8;
  static constexpr int dot_channels =
      g.out_c <= 3 ? std::max(g.out_c, 1) : dot_filters_from_l2 && dot_rows_fit_wide_tiles ? 3 : 4;
#endif
#if defined(CONVT_TILE_PIXELS)
  static constexpr int dot_pixels = CONVT_TILE_PIXELS;
#elif defined(CONVT_OPTIMIZE_SIZE)
  static constexpr int dot_pixels = 1;
#else
  // With 16 registers (AVX2): 1 channel x 8 pixels (load-limited beyond), 2 x 3, 3 x 4, 4 x 2
  // (channels x pixels; see dot_channels for 4 x 2 against 3 x 4). Twice the pixels with 32
  // registers.
  static constexpr int dot_pixels = (dot_channels == 1 ? 8 : dot_channels == 2 ? 3 : dot_channels == 3 ? 4 : 2) *
                                    (registers == 32 ? 2 : 1);
#endif
  static_assert(dot_pixels >= 1 && dot_channels >= 1 && broadcast_pixels >= 1 && vectors >= 1,
                "convt: every register tile needs at least one pixel and one channel");
};

/// Whether a layer whose tiles would be Wide (tile_choice) takes the Narrow vectors instead: where
/// the wide vectors do not divide what the tile vectorises and the narrow ones do. That is the
/// broadcast tile's out_c (tiny: 8 channels), or the dot tile's in_c (fsrcnn_x3: 56, seven 8-float
/// steps instead of three 16-float ones and a scalar tail of 8).
template <class Wide, class Narrow, int in_c>
inline constexpr bool takes_narrow_vectors =
    !Wide::broadcast && (Narrow::broadcast || (Narrow::reads_filters && in_c % Wide::L != 0 &&
                                               (in_c % Narrow::L == 0 || in_c < Wide::L)));

/// Which vector width evaluates a layer, and then which tile (tile_choice): under AVX-512, 16-float
/// vectors or 8-float ones (takes_narrow_vectors); elsewhere there is one width.
template <detail::conv_geometry g, class T, int filter_block>
struct vector_width_choice {
  using wide = tile_choice<g, T, filter_block, arch>;
  using narrow = tile_choice<g, T, filter_block, narrow_arch>;
  using type = std::conditional_t<has_narrow_arch && takes_narrow_vectors<wide, narrow, g.in_c>, narrow, wide>;
};

template <detail::conv_geometry g, class T, int filter_block>
using kernel_choice = typename vector_width_choice<g, T, filter_block>::type;

}  // namespace convt::kernels::simd
