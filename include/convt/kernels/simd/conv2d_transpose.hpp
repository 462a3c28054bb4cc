// convt/kernels/simd/conv2d_transpose.hpp: the SIMD evaluation of conv2d_transpose.
//
// For each image and each of the s_h * s_w phases (phase_plan.hpp), for each block of O output
// channels, every output row of the phase is computed tile by tile (dot_tile.hpp): the row's
// segments are visited in a compile-time unrolled loop, each segment with its own constant tap
// ranges, full tiles of P pixels in a loop and the remainder (segment length mod P, a constant)
// as one smaller tile. Every output element belongs to exactly one (phase, row, segment, tile), so
// every element is written once, zeros included, and nothing reads the output.
//
// The same machinery evaluates the forward conv2d (a geometry with g.forward, simd/conv2d.hpp):
// one phase, whose tiles step the input by the stride and the output by one pixel.
//
// NCHW is evaluated by transposing the input to NHWC and the result back, through scratch arrays
// of compile-time size on the stack (in_h * in_w * in_c + out_h * out_w * out_c elements of T for
// one image at a time), up to CONVT_MAX_NCHW_SCRATCH_BYTES; larger NCHW layers take the scalar
// kernel (kernels/conv2d_transpose.hpp).
#pragma once

#include "../../abi.hpp"

#include <cstddef>
#include <utility>

#include "../../shape_rules.hpp"
#include "../../tensor.hpp"
#include "../phase_plan.hpp"
#include "arch.hpp"
#include "broadcast_tile.hpp"
#include "dot_tile.hpp"
#include "transpose.hpp"
#include "unroll.hpp"
#include "../epilogue.hpp"
#include "../filter_layout.hpp"
#include "../input.hpp"

/// Pack raw filters for the broadcast tile only when every filter element meets at least this
/// many input pixels of an image (in_h * in_w).
#ifndef CONVT_PACK_MIN_REUSE
#define CONVT_PACK_MIN_REUSE 64
#endif
/// Raw filters of at most this many bytes are packed for the broadcast tile whatever their reuse,
/// where the packing copy moves 8 x 8 blocks through registers (transpose.hpp: AVX, f32). It then
/// costs a few dozen nanoseconds, less than the dot tile loses on a small layer (tiny, 3x3x8x8
/// filters: 0.38 us with the dot tile, 0.29 us packed).
#ifndef CONVT_PACK_SMALL_FILTER_BYTES
#define CONVT_PACK_SMALL_FILTER_BYTES (16 * 1024)
#endif
/// Size of the L1 data cache the dot tile's choice assumes (kernel_choice::dot_channels).
#ifndef CONVT_L1_DATA_BYTES
#define CONVT_L1_DATA_BYTES (32 * 1024)
#endif
/// The broadcast tile's loops over taps are unrolled only when the most taps any phase of the
/// layer has, times in_c (a tile's FMA steps), are at most this many: one decision per layer
/// (kernel_choice::unroll_taps).
#ifndef CONVT_UNROLL_TAP_STEPS
#define CONVT_UNROLL_TAP_STEPS 64
#endif
/// Largest scratch buffer (bytes, on the stack) the raw-filter path may use to pack a block of
/// filters for the broadcast tile; 0 disables packing on the fly.
#ifndef CONVT_MAX_SCRATCH_BYTES
#define CONVT_MAX_SCRATCH_BYTES (256 * 1024)
#endif
/// Largest stack scratch (bytes) for evaluating NCHW through NHWC (one input and one output
/// image); larger NCHW layers use the scalar kernel, which reads NCHW directly.
#ifndef CONVT_MAX_NCHW_SCRATCH_BYTES
#define CONVT_MAX_NCHW_SCRATCH_BYTES (2 * 1024 * 1024)
#endif

namespace convt::inline CONVT_ABI::kernels::simd {

/// The largest divisor of n (n >= 1) that is at most limit (limit >= 1).
constexpr int largest_divisor_up_to(int n, int limit) {
  for (int d = limit; d > 1; --d)
    if (n % d == 0) return d;
  return 1;
}

/// Whether the SIMD kernels read filters of out_c output channels in blocks of filter_block
/// (kernels/filter_layout.hpp): TensorFlow's layout (0), or blocks of whole vectors when out_c is
/// whole vectors. Any other (a prepacked layout chosen for another SIMD width) takes the scalar
/// kernel (kernels/conv2d_transpose.hpp).
template <class T, int out_c, int filter_block>
inline constexpr bool reads_filter_layout =
    filter_block == 0 || (out_c >= int(vector<T>::size) && out_c % int(vector<T>::size) == 0 &&
                          filter_block % int(vector<T>::size) == 0);

/// Which micro-kernel evaluates a geometry, and its register tile.
///
/// broadcast_tile (P pixels x V vectors of channels, no lane reduction) needs filters with
/// contiguous output channels and out_c a multiple of the vector width L. With prepacked filters
/// (filter_block > 0: blocks of filter_block channels, kernels/filter_layout.hpp) it is used
/// whenever out_c allows; blocks narrower than out_c (large filters) set the tile's channels, a
/// divisor of the block's vectors so that no tile straddles two blocks, and its pixels are what
/// the registers leave. With raw TensorFlow filters, each block of V*L output
/// channels is first packed into a scratch buffer of compile-time size (k_h * k_w * in_c * V*L
/// elements, on the stack); that pays off when every filter element is reused by enough input
/// pixels (in_h * in_w >= 64 per image) or the filters are small (CONVT_PACK_SMALL_FILTER_BYTES),
/// and the buffer stays under CONVT_MAX_SCRATCH_BYTES.
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
template <detail::conv_geometry g, class T, int filter_block>
struct kernel_choice {
  static constexpr int registers = vector_registers;
  static constexpr int L = int(vector<T>::size);

  // broadcast_tile: P pixels along a phase row (no more than the row has), then as many channel
  // vectors V as the registers allow next to P * V accumulators, P + V loads and one broadcast.
  static constexpr int phase_row = (g.out_w + g.output_step_w() - 1) / g.output_step_w();
  static constexpr int max_pixels = (registers - 1 - 2) / 2 < 12 ? (registers - 1 - 2) / 2 : 12;
  // Filter blocks narrower than out_c: the tile's vectors divide the block's (at most what one
  // pixel leaves room for), then the pixels that fit beside them.
  static constexpr bool narrow_filter_blocks = filter_block > 0 && filter_block < g.out_c;
  static constexpr int block_vectors =
      narrow_filter_blocks ? largest_divisor_up_to(filter_block / L, (registers - 1) / 2) : 0;
  static constexpr int pixel_limit =
      narrow_filter_blocks && (registers - 1) / block_vectors - 1 < max_pixels ? (registers - 1) / block_vectors - 1
                                                                               : max_pixels;
#if defined(CONVT_OPTIMIZE_SIZE)
  // A whole phase row in one tile when it fits (no loop), else one pixel (no remainder tile).
  static constexpr int broadcast_pixels = phase_row >= 1 && phase_row <= pixel_limit ? phase_row : 1;
#else
  static constexpr int broadcast_pixels = phase_row < 1 ? 1 : phase_row < pixel_limit ? phase_row : pixel_limit;
#endif
  static constexpr int fitting_vectors = (registers - 1) / (broadcast_pixels + 1);
  static constexpr int largest_vectors =
      g.out_c / L < 1 ? 1 : g.out_c / L < fitting_vectors ? g.out_c / L : (fitting_vectors < 1 ? 1 : fitting_vectors);
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
  static constexpr bool reads_filters = reads_filter_layout<T, g.out_c, filter_block>;

  // Whether the broadcast tile's tap loops may be unrolled: only when the whole body (the most
  // taps a phase has, times in_c steps) stays short (broadcast_tile.hpp). The dot tile's bodies
  // are left to the compiler: as loops they measured slower (mnist_ae 43 us against 53 us).
  static constexpr int taps_per_phase =
      axis_plan<g.in_h, g.out_h, g.k_h, g.stride_h, g.dilation_h, g.pad_top, g.forward>::max_tap_count *
      axis_plan<g.in_w, g.out_w, g.k_w, g.stride_w, g.dilation_w, g.pad_left, g.forward>::max_tap_count;
  static constexpr bool unroll_taps = taps_per_phase * g.in_c <= CONVT_UNROLL_TAP_STEPS;

  // dot_tile
#if defined(CONVT_TILE_CHANNELS)
  static constexpr int dot_channels = g.out_c < CONVT_TILE_CHANNELS ? (g.out_c < 1 ? 1 : g.out_c) : CONVT_TILE_CHANNELS;
#elif defined(CONVT_OPTIMIZE_SIZE)
  static constexpr int dot_channels = largest_divisor_up_to(g.out_c, 4);
#else
  // A phase's filter taps for one block of 4 channels, which every tile of the phase reads again.
  // Beyond half of L1 they come from L2 (dcgan_l2: 4 taps x 4 channels x 512 in_c, 32 KiB), and
  // the load port limits the tile: 3 channels x 4 pixels (7 loads per 12 FMAs, against 6 per 8)
  // measured 792 us against 965 us there, while on mnist_ae (4 KiB) 4 x 2 stays faster (42 us
  // against 47 us). Only from 8 channels on: with fewer, 3-channel blocks cost whole extra passes
  // over the phase's pixels (4 channels: two passes instead of one); with many (dcgan_l2: 86
  // blocks of 3 against 64 of 4) the fewer loads per FMA measured as the gain above.
  static constexpr std::size_t dot_block_filter_bytes = std::size_t(taps_per_phase) * 4 * g.in_c * sizeof(T);
  static constexpr bool dot_filters_from_l2 = g.out_c >= 8 && dot_block_filter_bytes > CONVT_L1_DATA_BYTES / 2;
  static constexpr int dot_channels =
      g.out_c <= 1 ? 1 : g.out_c == 2 ? 2 : g.out_c == 3 ? 3 : dot_filters_from_l2 ? 3 : 4;
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

/// Visits every tile of phase (rh, rw) of one image: each row segment (unrolled) and row, each
/// column segment (unrolled), full tiles of P pixels and then the segment's remainder, calling
///   tile(std::integral_constant<int, pixels>{}, m_y, rows, m_x, cols, out_offset)
/// where out_offset is the NHWC element offset of the tile's first output pixel (channel 0).
template <detail::conv_geometry g, int P, int rh, int rw, class Tile>
CONVT_FORCE_INLINE inline void for_each_tile_of_phase(Tile&& tile) noexcept {
  using plan_h = axis_plan<g.in_h, g.out_h, g.k_h, g.stride_h, g.dilation_h, g.pad_top, g.forward>;
  using plan_w = axis_plan<g.in_w, g.out_w, g.k_w, g.stride_w, g.dilation_w, g.pad_left, g.forward>;
  constexpr auto& phase_h = plan_h::phases[rh];
  constexpr auto& phase_w = plan_w::phases[rw];
  constexpr std::ptrdiff_t out_row_step = std::ptrdiff_t{g.out_w} * g.out_c;
  static_for<phase_h.segment_count>([&](auto sy) CONVT_FORCE_INLINE {
    constexpr segment seg_y = phase_h.segments[sy];
    const tap_range rows{phase_h.tap.data(), phase_h.q.data(), seg_y.tap_begin, seg_y.tap_end};
    for (int m_y = seg_y.m_begin; m_y < seg_y.m_end; ++m_y) {
      const std::ptrdiff_t row_offset =
          phase_h.output_position(m_y, plan_h::output_step, plan_h::output_pad) * out_row_step;
      static_for<phase_w.segment_count>([&](auto sx) CONVT_FORCE_INLINE {
        constexpr segment seg_x = phase_w.segments[sx];
        constexpr int length = seg_x.m_end - seg_x.m_begin;
        const tap_range cols{phase_w.tap.data(), phase_w.q.data(), seg_x.tap_begin, seg_x.tap_end};
        auto offset = [&](int m_x) CONVT_FORCE_INLINE {
          return row_offset +
                 std::ptrdiff_t(phase_w.output_position(m_x, plan_w::output_step, plan_w::output_pad)) * g.out_c;
        };
        int m_x = seg_x.m_begin;
        for (; m_x + P <= seg_x.m_end; m_x += P) {
          tile(std::integral_constant<int, P>{}, m_y, rows, m_x, cols, offset(m_x));
          CONVT_TILE_BOUNDARY();
        }
        if constexpr (length % P != 0) {
          tile(std::integral_constant<int, length % P>{}, m_y, rows, m_x, cols, offset(m_x));
          CONVT_TILE_BOUNDARY();
        }
      });
    }
  });
}

/// Calls f(rh, rw) (integral constants) for every phase of the geometry (one for conv2d).
template <detail::conv_geometry g, class F>
CONVT_FORCE_INLINE inline void for_each_phase(F&& f) noexcept {
  static_for<g.output_step_h()>([&](auto rh) CONVT_FORCE_INLINE {
    static_for<g.output_step_w()>([&](auto rw) CONVT_FORCE_INLINE { f(rh, rw); });
  });
}

/// One image, NHWC: image [in_h, in_w, in_c], out [out_h, out_w, out_c]; filters
/// [k_h, k_w, out_c, in_c] (TensorFlow's layout, filter_block = 0), or in blocks of filter_block
/// output channels (kernels/filter_layout.hpp: prepacked). Every result goes through store
/// (kernels/epilogue.hpp).
template <detail::conv_geometry g, class T, int filter_block, class Image, class Store>
void conv2d_transpose_image_nhwc(Image image, const T* filters, T* out, const Store& store) noexcept {
  using choice = kernel_choice<g, T, filter_block>;
  static_assert(choice::reads_filters, "convt: this filter layout takes the scalar kernel");
  if constexpr (choice::broadcast) {
    constexpr int P = choice::broadcast_pixels;
    constexpr int L = choice::L;
    // Every tile of V vectors from channel oc0, its filter element (kh, kw, ic, oc0) at
    // tile_filters + (kh * k_w + kw) * in_c * width + ic * width (a block `width` channels wide).
    auto tiles = [&]<int V, int width>(std::integral_constant<int, V>, std::integral_constant<int, width>,
                                        const T* tile_filters, int oc0) CONVT_FORCE_INLINE {
      for_each_phase<g>([&](auto rh, auto rw) CONVT_FORCE_INLINE {
        for_each_tile_of_phase<g, P, rh, rw>(
            [&](auto pixels, int m_y, tap_range rows, int m_x, tap_range cols, std::ptrdiff_t at) CONVT_FORCE_INLINE {
              broadcast_tile<g, T, pixels, V, std::ptrdiff_t{g.in_c} * width, width, choice::unroll_taps>(
                  image, tile_filters, out + at + oc0, store, oc0, m_y, rows, m_x, cols);
            });
      });
    };
    // The tiles of V vectors from channel oc0: prepacked filters read in place (their block is
    // `width` channels wide), or raw filters packed first, V*L channels wide.
    auto channel_block = [&]<int V, int width>(std::integral_constant<int, V> vectors_of_tile,
                                                std::integral_constant<int, width> block_width, int oc0)
                             CONVT_FORCE_INLINE {
      if constexpr (filter_block > 0) {
        // The tile's first filter element, (kh, kw, ic) = (0, 0, 0) of channel oc0.
        using layout = filter_layout<g.k_h, g.k_w, g.out_c, g.in_c, filter_block>;
        tiles(vectors_of_tile, block_width, filters + layout::offset(0, 0, oc0, 0), oc0);
      } else {
        // Pack channels [oc0, oc0 + V*L) of the raw filters as [k_h, k_w, in_c, V*L].
        constexpr int tile_width = V * L;
        alignas(64) T packed[std::size_t(g.k_h) * g.k_w * g.in_c * tile_width];
        for (int tap = 0; tap < g.k_h * g.k_w; ++tap)
          transpose<T, tile_width, g.in_c, g.in_c, tile_width>(filters + (std::ptrdiff_t(tap) * g.out_c + oc0) * g.in_c,
                                                               packed + std::ptrdiff_t(tap) * g.in_c * tile_width);
        tiles(vectors_of_tile, std::integral_constant<int, tile_width>{}, packed, oc0);
      }
    };
    constexpr int vectors = choice::vectors;
    if constexpr (choice::narrow_filter_blocks) {
      // Whole blocks, then the narrower last block (out_c mod filter_block channels), each in
      // tiles of a divisor of its vectors.
      constexpr int whole_blocks_end = g.out_c - g.out_c % filter_block;
      constexpr int last_width = g.out_c % filter_block;
      for (int oc0 = 0; oc0 < whole_blocks_end; oc0 += vectors * L)
        channel_block(std::integral_constant<int, vectors>{}, std::integral_constant<int, filter_block>{}, oc0);
      if constexpr (last_width > 0) {
        constexpr int last_vectors = largest_divisor_up_to(last_width / L, vectors);
        for (int oc0 = whole_blocks_end; oc0 < g.out_c; oc0 += last_vectors * L)
          channel_block(std::integral_constant<int, last_vectors>{}, std::integral_constant<int, last_width>{}, oc0);
      }
    } else {
      // One block of all out_c channels (or raw filters): tiles of `vectors` vectors, then the
      // remaining vectors (out_c / L mod vectors).
      constexpr std::integral_constant<int, g.out_c> all_channels{};
      int oc0 = 0;
      for (; oc0 + vectors * L <= g.out_c; oc0 += vectors * L)
        channel_block(std::integral_constant<int, vectors>{}, all_channels, oc0);
      if constexpr ((g.out_c / L) % vectors != 0)
        channel_block(std::integral_constant<int, (g.out_c / L) % vectors>{}, all_channels, oc0);
    }
  } else {
    static_assert(filter_block == 0, "convt: prepacked filters keep TensorFlow's layout when the dot tile is used");
    constexpr int P = choice::dot_pixels;
    constexpr int O = choice::dot_channels;
    // Phases outside, channel blocks inside: a block's filter taps of one phase stay in L1 while
    // the phase's pixels stream past them.
    for_each_phase<g>([&](auto rh, auto rw) CONVT_FORCE_INLINE {
      auto channel_block = [&]<int channels>(std::integral_constant<int, channels>, int oc0) CONVT_FORCE_INLINE {
        for_each_tile_of_phase<g, P, rh, rw>(
            [&](auto pixels, int m_y, tap_range rows, int m_x, tap_range cols, std::ptrdiff_t at) CONVT_FORCE_INLINE {
              dot_tile<g, T, pixels, channels>(image, filters, out + at + oc0, store, oc0, m_y, rows, m_x, cols);
            });
      };
      int oc0 = 0;
      for (; oc0 + O <= g.out_c; oc0 += O) channel_block(std::integral_constant<int, O>{}, oc0);
      if constexpr (g.out_c % O != 0) channel_block(std::integral_constant<int, g.out_c % O>{}, oc0);
    });
  }
}

/// Layouts as in scalar::conv2d_transpose; every output element is written, as
/// epilogue(value, offset, channel) (kernels/epilogue.hpp), its sum started from bias[channel]
/// when a bias is given (Bias: no_bias or const T*). Filters are [k_h, k_w, out_c, in_c], or
/// in blocks of filter_block output channels (kernels/filter_layout.hpp) when filter_block > 0.
template <detail::conv_geometry g, class T, int filter_block = 0, class Input,
          class Epilogue = identity_epilogue, class Bias = no_bias>
void conv2d_transpose(Input input, const T* filters, T* output, const Epilogue& epilogue = {},
                      Bias bias = {}) noexcept {
  constexpr std::ptrdiff_t in_image = std::ptrdiff_t{g.in_h} * g.in_w * g.in_c;
  constexpr std::ptrdiff_t out_image = std::ptrdiff_t{g.out_h} * g.out_w * g.out_c;
  if constexpr (g.format == data_format_kind::nhwc) {
    // The epilogue's offsets count from element 0 of the whole output.
    const epilogue_store<T, Epilogue, Bias> store{output, epilogue, bias};
    for (int n = 0; n < g.batch; ++n)
      conv2d_transpose_image_nhwc<g, T, filter_block>(input + n * in_image, filters, output + n * out_image,
                                                               store);
  } else {
    // NCHW: [C, H, W] image <-> [H, W, C] scratch, one image at a time.
    constexpr detail::conv_geometry nhwc = [] {
      detail::conv_geometry h = g;
      h.format = data_format_kind::nhwc;
      return h;
    }();
    // Uninitialised on purpose: both are fully written before they are read.
    alignas(64) T image[in_image > 0 ? in_image : 1];
    alignas(64) T result[out_image > 0 ? out_image : 1];
    // The scratch result is stored as computed (from the bias, if any); the epilogue runs on the
    // way back to NCHW.
    const identity_epilogue identity;
    const epilogue_store<T, identity_epilogue, Bias> scratch_store{result, identity, bias};
    for (int n = 0; n < g.batch; ++n) {
      const Input chw = input + n * in_image;
      for (int c = 0; c < g.in_c; ++c)
        for (int i = 0; i < g.in_h * g.in_w; ++i) image[i * g.in_c + c] = read(chw + (c * g.in_h * g.in_w + i));
      conv2d_transpose_image_nhwc<nhwc, T, filter_block>(image, filters, result, scratch_store);
      const std::ptrdiff_t out_chw = n * out_image;
      for (int c = 0; c < g.out_c; ++c)
        for (int i = 0; i < g.out_h * g.out_w; ++i) {
          const std::ptrdiff_t at = out_chw + std::ptrdiff_t(c) * g.out_h * g.out_w + i;
          output[at] = epilogue(result[i * g.out_c + c], at, c);
        }
    }
  }
}

}  // namespace convt::kernels::simd
