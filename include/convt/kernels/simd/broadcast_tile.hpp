// convt/kernels/simd/broadcast_tile.hpp: the register-tile micro-kernel for filters whose output
// channels are contiguous (blocks [k_h, k_w, in_c, width]: prepacked filters,
// kernels/filter_layout.hpp, or one channel block of raw filters packed on the fly).
//
// It computes a tile of P output pixels x V vectors of output channels of one phase:
//     out[y, x_p, oc0 + v*L + lane] = sum over valid taps (th, tw) and ic of
//                                     in[i, j_p, ic] * packed[kh, kw, ic, oc0 + v*L + lane]
// (indices as in dot_tile.hpp). Per (tap, ic) step it loads V filter vectors and broadcasts one
// input element per pixel: P * V FMAs for P + V loads, accumulators acc[p][v] in registers, and
// the result is stored as whole vectors (out_channels is contiguous in an NHWC pixel). No lane
// reduction is needed, unlike the dot-product tile.
//
// A tile with fewer accumulators than the FMA units can keep busy (P * V < CONVT_MIN_FMA_CHAINS:
// a segment's remainder, a one-pixel border, every tile of a layer with few output channels)
// over many input channels would wait on each FMA's latency. It keeps S sets of accumulators
// instead: set s sums the input channels ic with ic mod S = s, the last in_c mod S channels go to
// set 0, and the sets are added once at the end (accumulator_sets).
#pragma once

#include "../../config.hpp"

#include <cstddef>

#include "../../shape_rules.hpp"
#include "../input.hpp"
#include "arch.hpp"
#include "fma.hpp"
#include "held_in_register.hpp"
#include "tap_range.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// Sets of P x V accumulators a broadcast tile keeps: enough for CONVT_MIN_FMA_CHAINS chains, as
/// many as fit the registers next to V filter vectors and one broadcast (the budget kernel_choice
/// sizes the tiles by: P * V + V + 1 registers), and at least 8 input channels per set. A tile
/// over fewer channels is short enough for the CPU to run it alongside the next one, and its
/// extra sets only cost their initialisation and sums (tiny, in_c = 8: 1.04-1.07 of the time
/// with one set per channel). One set with CONVT_OPTIMIZE_SIZE, whose tiles favour code size.
/// (Speed-ups measured: README, "How the kernels work".)
constexpr int accumulator_sets(int P, int V, int in_c) noexcept {
#if defined(CONVT_OPTIMIZE_SIZE)
  (void)P, (void)V, (void)in_c;
  return 1;
#else
  const int wanted = (CONVT_MIN_FMA_CHAINS + P * V - 1) / (P * V);
  const int fitting = (vector_registers - 1 - V) / (P * V);
  int sets = wanted < fitting ? wanted : fitting;
  if (sets > in_c / 8) sets = in_c / 8;  // see above
  return sets < 1 ? 1 : sets;          // in_c < 16 (and an empty layer) keep one set
#endif
}

/// Tile of P pixels x V vectors (of architecture A) of output channels.
///   image:  one NHWC input image [in_h, in_w, in_c] (a pointer or an expression_input, input.hpp)
///   packed: filter element (kh, kw, ic, oc0) is at packed + (kh * k_w + kw) * tap_step + ic * ic_step
///   out:    the output element (y, x_0, oc0) of an NHWC image; pixel p is at out + p * s_w * out_c
///           (forward: out + p * out_c; input addressing as in dot_tile.hpp)
///   store:  store(T* dst, vector value, channel) writes L results (kernels/epilogue.hpp);
///           oc0 is the tile's first output channel; the sums start from store.start (a folded
///           bias, or zero)
///   unroll_taps: whether the loops over the tile's taps may be unrolled (kernel_choice)
template <detail::conv_geometry g, class T, class A, int P, int V, std::ptrdiff_t tap_step, std::ptrdiff_t ic_step,
          bool unroll_taps, class Image, class Store>
CONVT_FORCE_INLINE inline void broadcast_tile(Image image, const T* packed, T* out, Store store, int oc0, int m_y,
                           tap_range rows, int m_x, tap_range cols) noexcept {
  using vec = vector<T, A>;
  constexpr int L = int(vec::size);
  constexpr int in_c = g.in_c;
  constexpr std::ptrdiff_t pixel_step = in_c;
  constexpr std::ptrdiff_t tile_pixel_step = g.input_step_w() * pixel_step;  // input of the tile's next pixel
  constexpr std::ptrdiff_t row_step = std::ptrdiff_t{g.in_w} * in_c;

  constexpr int S = accumulator_sets(P, V, in_c);
  // acc[s][p * V + v]: pixel p, channels oc0 + v*L .. + L-1, summed over the tile's taps and the
  // input channels ic with ic mod S = s (the in_c mod S last channels go to set 0).
  vec acc[S][P * V];
  CONVT_UNROLL_FULLY
  for (int v = 0; v < V; ++v) {
    const vec start = store.template start<vec>(oc0 + v * L);  // zero, or the channels' folded bias
    CONVT_UNROLL_FULLY
    for (int p = 0; p < P; ++p) acc[0][p * V + v] = start;
  }
  CONVT_UNROLL_FULLY
  for (int s = 1; s < S; ++s)
    CONVT_UNROLL_FULLY
    for (int a = 0; a < P * V; ++a) acc[s][a] = vec(T(0));

  // One tap (th, tw): in_c steps of V filter loads, P broadcasts and P * V FMAs.
  auto tap = [&](int th, int tw) CONVT_FORCE_INLINE {
    const Image x = image + (m_y * g.input_step_h() - rows.q[th]) * row_step +
                    (m_x * g.input_step_w() - cols.q[tw]) * pixel_step;
    const T* w = packed + (std::ptrdiff_t(rows.tap[th]) * g.k_w + cols.tap[tw]) * tap_step;
    auto channel = [&](int ic, vec* sums) CONVT_FORCE_INLINE {
      vec w_vec[V];
      CONVT_UNROLL_FULLY
      for (int v = 0; v < V; ++v) {
        const vec loaded = vec::load_unaligned(w + ic * ic_step + v * L);
        w_vec[v] = P > 1 ? held_in_register(loaded) : loaded;  // read by P FMAs
      }
      CONVT_UNROLL_FULLY
      for (int p = 0; p < P; ++p) {
        const vec x_broadcast(read(x + (p * tile_pixel_step + ic)));
        CONVT_UNROLL_FULLY
        for (int v = 0; v < V; ++v) sums[p * V + v] = simd::fma<T>(x_broadcast, w_vec[v], sums[p * V + v]);
      }
    };
    int ic = 0;
    for (; ic + S <= in_c; ic += S)
      for (int s = 0; s < S; ++s) channel(ic + s, acc[s]);
    if constexpr (in_c % S != 0)
      for (; ic < in_c; ++ic) channel(ic, acc[0]);
  };
  // The tap ranges are constants once the tile is inlined into its segment (conv2d_transpose.hpp).
  // Unrolled, a long body of taps * in_c steps made clang++ 14 spill accumulators (atrous_r2: 966
  // spills, 54 us; as loops: 16 spills, 46 us), while short bodies gain from it (tiny, 4 taps of
  // 8 channels: 0.29 us unrolled, 0.33 us as loops). kernel_choice decides (unroll_taps).
  if constexpr (unroll_taps) {
    for (int th = rows.begin; th < rows.end; ++th)
      for (int tw = cols.begin; tw < cols.end; ++tw) tap(th, tw);
  } else {
#pragma GCC unroll 1
    for (int th = rows.begin; th < rows.end; ++th) {
#pragma GCC unroll 1
      for (int tw = cols.begin; tw < cols.end; ++tw) tap(th, tw);
    }
  }

  CONVT_UNROLL_FULLY
  for (int s = 1; s < S; ++s)
    CONVT_UNROLL_FULLY
    for (int a = 0; a < P * V; ++a) acc[0][a] += acc[s][a];
  constexpr std::ptrdiff_t out_pixel_step = std::ptrdiff_t{g.output_step_w()} * g.out_c;
  CONVT_UNROLL_FULLY
  for (int p = 0; p < P; ++p)
    CONVT_UNROLL_FULLY
    for (int v = 0; v < V; ++v) store(out + p * out_pixel_step + v * L, acc[0][p * V + v], oc0 + v * L);
}

}  // namespace convt::kernels::simd
