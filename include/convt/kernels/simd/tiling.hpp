// convt/kernels/simd/tiling.hpp (SIMD driver): the loops that cut a phase into register tiles,
// shared by the transpose and the forward op (conv2d_transpose.hpp drives both).
//
// A phase's rows and columns are cut into segments with a constant tap range (phase_plan.hpp).
// The segments are visited in compile-time unrolled loops, each with its own constant tap ranges;
// full tiles of P pixels run in a loop and the remainder (segment length mod P, a constant) is one
// smaller tile. Every output element belongs to exactly one (phase, row, segment, tile).
#pragma once

#include "../../config.hpp"

#include <cstddef>
#include <type_traits>

#include "../../shape_rules.hpp"
#include "../phase_plan.hpp"
#include "arch.hpp"
#include "tap_range.hpp"
#include "unroll.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// Visits every tile of phase (rh, rw) of one image: each row segment (unrolled) and row, each
/// column segment (unrolled), full tiles of P pixels and then the segment's remainder, calling
///   tile(std::integral_constant<int, pixels>{}, m_y, rows, m_x, cols, out_offset)
/// where out_offset is the NHWC element offset of the tile's first output pixel (channel 0).
/// CONVT_TILE_BOUNDARY() (config.hpp) stands between two tiles.
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

}  // namespace convt::kernels::simd
