// convt/kernels/simd/conv2d_transpose.hpp: the SIMD evaluation of conv2d_transpose.
//
// For each image and each of the s_h * s_w phases (phase_plan.hpp), for each block of O output
// channels, every output row of the phase is computed tile by tile (dot_tile.hpp): the row's
// segments are visited in a compile-time unrolled loop, each segment with its own constant tap
// ranges, full tiles of P pixels in a loop and the remainder (segment length mod P, a constant)
// as one smaller tile. Every output element belongs to exactly one (phase, row, segment, tile), so
// every element is written once, zeros included, and nothing reads the output.
//
// NCHW is evaluated by transposing the input to NHWC and the result back, through scratch tensors
// of compile-time size on the stack (in_h * in_w * in_c + out_h * out_w * out_c elements of T for
// one image at a time).
#pragma once

#include <cstddef>
#include <utility>

#include "../../shape_rules.hpp"
#include "../../tensor.hpp"
#include "../phase_plan.hpp"
#include "arch.hpp"
#include "dot_tile.hpp"

namespace convt::kernels::simd {

/// Calls f(std::integral_constant<int, i>{}) for i = 0 .. N-1, unrolled at compile time.
template <int N, class F>
constexpr void static_for(F&& f) {
  [&]<int... I>(std::integer_sequence<int, I...>) { (f(std::integral_constant<int, I>{}), ...); }(
      std::make_integer_sequence<int, N>{});
}

/// The register tile (P pixels x O output channels) for a geometry: P * O accumulators plus the O
/// filter vectors and one input vector must fit the register file (16 vector registers on
/// x86-64 before AVX-512, 32 with AVX-512 and on AArch64).
template <detail::conv_geometry g, class T>
struct tile_shape {
#if XSIMD_WITH_AVX512F || XSIMD_WITH_NEON64
  static constexpr int registers = 32;
#else
  static constexpr int registers = 16;
#endif
  static constexpr int channels = g.out_c <= 1 ? 1 : g.out_c == 2 ? 2 : 3;
  static constexpr int fitting_pixels = (registers - 1 - channels) / channels;
  static constexpr int pixels = fitting_pixels < 12 ? fitting_pixels : 12;
};

/// One image, NHWC: image [in_h, in_w, in_c], filters [k_h, k_w, out_c, in_c], out [out_h, out_w, out_c].
template <detail::conv_geometry g, class T>
void conv2d_transpose_image_nhwc(const T* image, const T* filters, T* out) noexcept {
  using plan_h = axis_plan<g.in_h, g.out_h, g.k_h, g.stride_h, g.dilation_h, g.pad_top>;
  using plan_w = axis_plan<g.in_w, g.out_w, g.k_w, g.stride_w, g.dilation_w, g.pad_left>;
  constexpr int P = tile_shape<g, T>::pixels;
  constexpr int O = tile_shape<g, T>::channels;
  constexpr std::ptrdiff_t out_row_step = std::ptrdiff_t{g.out_w} * g.out_c;

  static_for<g.stride_h>([&](auto rh) {
    constexpr auto& phase_h = plan_h::phases[rh];
    static_for<g.stride_w>([&](auto rw) {
      constexpr auto& phase_w = plan_w::phases[rw];

      // All rows of this phase for output channels [oc0, oc0 + channels).
      auto channel_block = [&]<int channels>(std::integral_constant<int, channels>, int oc0) {
        static_for<phase_h.segment_count>([&](auto sy) {
          constexpr segment seg_y = phase_h.segments[sy];
          const tap_range rows{phase_h.tap.data(), phase_h.q.data(), seg_y.tap_begin, seg_y.tap_end};
          for (int m_y = seg_y.m_begin; m_y < seg_y.m_end; ++m_y) {
            T* out_row = out + phase_h.output_position(m_y, g.stride_h, g.pad_top) * out_row_step + oc0;
            static_for<phase_w.segment_count>([&](auto sx) {
              constexpr segment seg_x = phase_w.segments[sx];
              constexpr int length = seg_x.m_end - seg_x.m_begin;
              const tap_range cols{phase_w.tap.data(), phase_w.q.data(), seg_x.tap_begin, seg_x.tap_end};
              auto out_at = [&](int m_x) {
                return out_row + std::ptrdiff_t(phase_w.output_position(m_x, g.stride_w, g.pad_left)) * g.out_c;
              };
              int m_x = seg_x.m_begin;
              for (; m_x + P <= seg_x.m_end; m_x += P)
                dot_tile<g, T, P, channels>(image, filters, out_at(m_x), oc0, m_y, rows, m_x, cols);
              if constexpr (length % P != 0)
                dot_tile<g, T, length % P, channels>(image, filters, out_at(m_x), oc0, m_y, rows, m_x, cols);
            });
          }
        });
      };

      int oc0 = 0;
      for (; oc0 + O <= g.out_c; oc0 += O) channel_block(std::integral_constant<int, O>{}, oc0);
      if constexpr (g.out_c % O != 0) channel_block(std::integral_constant<int, g.out_c % O>{}, oc0);
    });
  });
}

/// Layouts as in scalar::conv2d_transpose; every output element is written.
template <detail::conv_geometry g, class T>
void conv2d_transpose(const T* input, const T* filters, T* output) noexcept {
  constexpr std::ptrdiff_t in_image = std::ptrdiff_t{g.in_h} * g.in_w * g.in_c;
  constexpr std::ptrdiff_t out_image = std::ptrdiff_t{g.out_h} * g.out_w * g.out_c;
  if constexpr (g.format == data_format_kind::nhwc) {
    for (int n = 0; n < g.batch; ++n)
      conv2d_transpose_image_nhwc<g>(input + n * in_image, filters, output + n * out_image);
  } else {
    // NCHW: [C, H, W] image <-> [H, W, C] scratch, one image at a time.
    constexpr detail::conv_geometry nhwc = [] {
      detail::conv_geometry h = g;
      h.format = data_format_kind::nhwc;
      return h;
    }();
    tensor<T, g.in_h, g.in_w, g.in_c> image;
    tensor<T, g.out_h, g.out_w, g.out_c> result;
    for (int n = 0; n < g.batch; ++n) {
      const T* chw = input + n * in_image;
      for (int c = 0; c < g.in_c; ++c)
        for (int i = 0; i < g.in_h * g.in_w; ++i) image.data()[i * g.in_c + c] = chw[c * g.in_h * g.in_w + i];
      conv2d_transpose_image_nhwc<nhwc>(image.data(), filters, result.data());
      T* out_chw = output + n * out_image;
      for (int c = 0; c < g.out_c; ++c)
        for (int i = 0; i < g.out_h * g.out_w; ++i) out_chw[c * g.out_h * g.out_w + i] = result.data()[i * g.out_c + c];
    }
  }
}

}  // namespace convt::kernels::simd
