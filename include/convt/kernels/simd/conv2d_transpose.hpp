// convt/kernels/simd/conv2d_transpose.hpp (SIMD driver): the SIMD evaluation of a convolution,
// the transpose's and, with a forward geometry, conv2d's (simd/conv2d.hpp calls it).
//
// For each image and each of the s_h * s_w phases (phase_plan.hpp), for each block of output
// channels, every output row of the phase is computed tile by tile (tiling.hpp) by the tile that
// kernel_choice.hpp picks (broadcast_tile.hpp or dot_tile.hpp). Every output element belongs to
// exactly one (phase, row, segment, tile), so every element is written once, zeros included, and
// nothing reads the output. A forward geometry (g.forward) has one phase, whose tiles step the
// input by the stride and the output by one pixel.
//
// NCHW is evaluated by transposing the input to NHWC and the result back, through scratch arrays
// of compile-time size on the stack (in_h * in_w * in_c + out_h * out_w * out_c elements of T for
// one image at a time), up to CONVT_MAX_NCHW_SCRATCH_BYTES (config.hpp); larger NCHW layers take
// the scalar kernel (kernels/conv2d_transpose.hpp).
#pragma once

#include "../../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "../../shape_rules.hpp"
#include "../epilogue.hpp"
#include "../filter_layout.hpp"
#include "../input.hpp"
#include "arch.hpp"
#include "broadcast_tile.hpp"
#include "dot_tile.hpp"
#include "kernel_choice.hpp"
#include "tap_range.hpp"
#include "tiling.hpp"
#include "transpose.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

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
              broadcast_tile<g, T, typename choice::vector_arch, pixels, V, std::ptrdiff_t{g.in_c} * width, width, choice::unroll_taps>(
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
              dot_tile<g, T, typename choice::vector_arch, pixels, channels>(image, filters, out + at + oc0, store, oc0, m_y, rows, m_x, cols);
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
