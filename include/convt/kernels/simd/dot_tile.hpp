// convt/kernels/simd/dot_tile.hpp: the register-tile micro-kernel of the raw-filter path.
//
// It computes a tile of P output pixels x O output channels of one phase (phase_plan.hpp):
//     out[y, x_p, oc0 + o] = sum over the phase's valid taps (th, tw) and ic of
//                            in[i, j_p, ic] * filters[kh, kw, oc0 + o, ic]
// with i = m_y - q_h[th], j_p = m_x + p - q_w[tw], x_p = (m_x + p) * s_w + r_w - pad_left.
// in_channels is contiguous both in an NHWC input pixel and in a TensorFlow filter row
// [kh, kw, oc, :], so the tile vectorises along in_channels: each of its P * O accumulators is a
// vector of partial dot products, one FMA per (pixel, channel) and vector step, with the P input
// vectors and O filter vectors loaded once per step. The accumulators are reduced across lanes
// once per tile (sum_rows, reduce.hpp: L accumulators at a time), and the in_channels remainder
// (in_c mod L, a compile-time count) is a scalar tail. No filter repacking is needed. A fused
// epilogue runs on SIMD vectors: a pixel's O channels when the target has a vector of O lanes,
// else the reduced vectors themselves, L results of several pixels at a time; per element when
// at most a quarter of a vector's lanes are results (small remainder tiles), and always with
// CONVT_OPTIMIZE_SIZE (less code).
#pragma once

#include "../../config.hpp"

#include <cstddef>
#include <type_traits>

#include "../../shape_rules.hpp"
#include "../input.hpp"
#include "../epilogue.hpp"
#include "arch.hpp"
#include "fma.hpp"
#include "held_in_register.hpp"
#include "reduce.hpp"
#include "tap_range.hpp"
#include "unroll.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// Tile of P pixels x O channels, summed in vectors of architecture A along in_c.
///   image:   one NHWC input image [in_h, in_w, in_c] (a pointer or an expression_input, input.hpp)
///   filters: [k_h, k_w, out_c, in_c] (TensorFlow's layout)
///   out:     the output element (y, x_0, oc0) of an NHWC image; pixel p is at out + p * s_w * out_c
///            (forward: out + p * out_c)
///   store:   store(T* dst, value, channel[, lanes]) writes results (kernels/epilogue.hpp); a copy
///            per tile, so that what the epilogue reads stays in registers; the sums start from
///            store.start (a folded bias, or zero)
template <detail::conv_geometry g, class T, class A, int P, int O, class Image, class Store>
CONVT_FORCE_INLINE inline void dot_tile(Image image, const T* filters, T* out, Store store, int oc0, int m_y, tap_range rows,
                     int m_x, tap_range cols) noexcept {
  using V = vector<T, A>;
  constexpr int L = int(V::size);
  constexpr int in_c = g.in_c;
  constexpr int vector_steps = in_c / L;
  constexpr int tail = in_c % L;
  constexpr std::ptrdiff_t pixel_step = in_c;                    // next input pixel (NHWC)
  constexpr std::ptrdiff_t tile_pixel_step = g.input_step_w() * pixel_step;  // input of the tile's next pixel
  constexpr std::ptrdiff_t row_step = std::ptrdiff_t{g.in_w} * in_c;  // next input row
  constexpr std::ptrdiff_t channel_step = in_c;                  // next filter output channel
  constexpr std::ptrdiff_t tap_step = std::ptrdiff_t{g.out_c} * in_c;  // next filter tap (kw)

  // acc[p * O + o]: vector of partial sums for pixel p, output channel oc0 + o.
  V acc[P * O];
  CONVT_UNROLL_FULLY
  for (int a = 0; a < P * O; ++a) acc[a] = V(T(0));
  // The in_c tail's sums, padded to whole vectors for the lane reduction below. A folded bias is
  // added to the lane-reduced sums: one broadcast for one channel, else through tail_acc, which
  // then starts from each element's bias.
  constexpr int groups = (P * O + L - 1) / L;
  alignas(64) T tail_acc[groups * L] = {};
  constexpr bool bias_in_tail = Store::starts_from_bias && O > 1;
  if constexpr (bias_in_tail)
    for (int p = 0; p < P; ++p)
      for (int o = 0; o < O; ++o) tail_acc[p * O + o] = store.template start<T>(oc0 + o);

  for (int th = rows.begin; th < rows.end; ++th) {
    const Image input_row = image + (m_y * g.input_step_h() - rows.q[th]) * row_step;
    const T* filter_row = filters + std::ptrdiff_t(rows.tap[th]) * g.k_w * tap_step + oc0 * channel_step;
    for (int tw = cols.begin; tw < cols.end; ++tw) {
      const Image x = input_row + (m_x * g.input_step_w() - cols.q[tw]) * pixel_step;  // pixel p at x + p * tile_pixel_step
      const T* w = filter_row + cols.tap[tw] * tap_step;          // channel o at w + o * channel_step
      for (int step = 0; step < vector_steps; ++step) {
        const int c = step * L;
        V w_vec[O];
        CONVT_UNROLL_FULLY
        for (int o = 0; o < O; ++o) {
          const V loaded = V::load_unaligned(w + o * channel_step + c);
          w_vec[o] = P > 1 ? held_in_register(loaded) : loaded;  // read by P FMAs
        }
        CONVT_UNROLL_FULLY
        for (int p = 0; p < P; ++p) {
          const V read = read_vector<V>(x + (p * tile_pixel_step + c));
          const V x_vec = O > 1 ? held_in_register(read) : read;  // read by O FMAs
          CONVT_UNROLL_FULLY
          for (int o = 0; o < O; ++o) acc[p * O + o] = simd::fma<T>(x_vec, w_vec[o], acc[p * O + o]);
        }
      }
      if constexpr (tail > 0) {
        for (int c = vector_steps * L; c < in_c; ++c)
          for (int p = 0; p < P; ++p)
            for (int o = 0; o < O; ++o) tail_acc[p * O + o] += read(x + (p * tile_pixel_step + c)) * w[o * channel_step + c];
      }
    }
  }

  // Lane reduction, L accumulators at a time (the last group padded with zeros): lane r of
  // reduced[group] is tile element a = group * L + r, channel a % O of pixel a / O.
  V reduced[groups];
  CONVT_UNROLL_FULLY
  for (int group = 0; group < groups; ++group) {
    V rows_of_group[L];
    CONVT_UNROLL_FULLY
    for (int r = 0; r < L; ++r) {
      const int a = group * L + r;
      rows_of_group[r] = a < P * O ? acc[a] : V(T(0));
    }
    reduced[group] = sum_rows<T>(rows_of_group);
    // Without an in_c tail or a bias in it, tail_acc is all zeros and is not added.
    if constexpr (tail > 0 || bias_in_tail) reduced[group] += V::load_aligned(tail_acc + group * L);
    if constexpr (Store::starts_from_bias && O == 1) reduced[group] += V(store.template start<T>(oc0));
  }
  constexpr std::ptrdiff_t out_pixel_step = std::ptrdiff_t{g.output_step_w()} * g.out_c;
#if defined(CONVT_OPTIMIZE_SIZE)
  constexpr bool scalar_store = true;
#else
  constexpr bool scalar_store = 4 * P * O <= L;  // at most a quarter of the lanes hold a result
#endif
  using pixel_vector = xsimd::make_sized_batch_t<T, O>;
  constexpr bool pixel_vectors = O > 1 && !std::is_void_v<pixel_vector>;
  if constexpr (pixel_vectors || scalar_store) {
    // A pixel's O channels are contiguous in the output: when the target has a SIMD vector of
    // exactly O lanes (4 floats in SSE next to AVX2, 2 or 4 doubles), each pixel is stored as one.
    // Else, with few valid lanes (a remainder tile of one or two elements) or code size first,
    // the epilogue runs per element: a lane map would cost a gather through the stack.
    alignas(64) T sums[groups * L];
    for (int group = 0; group < groups; ++group) reduced[group].store_aligned(sums + group * L);
    for (int p = 0; p < P; ++p) {
      if constexpr (pixel_vectors) {
        store(out + p * out_pixel_step, pixel_vector::load_unaligned(sums + p * O), oc0);
      } else {
        for (int o = 0; o < O; ++o) store(out + p * out_pixel_step + o, sums[p * O + o], oc0 + o);
      }
    }
  } else {
    // Otherwise (1 or 3 channels per pixel, say) the epilogue runs on the reduced vectors, whose
    // lane map says which output element each lane is (kernels/epilogue.hpp), and the store
    // writes their lanes, a pixel's channels at a time.
    static_for<groups>([&](auto group) CONVT_FORCE_INLINE {
      store(out, reduced[group], oc0, tile_lanes<P, O, out_pixel_step, group * L>{});
    });
  }
}

}  // namespace convt::kernels::simd
