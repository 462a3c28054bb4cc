// convt/kernels/phase_plan.hpp: the stride-phase decomposition of one spatial axis, computed at
// compile time.
//
// Per axis (I input size, O output size, k filter size, s stride, d dilation, p padding before),
// the formula sends input position i and filter tap t to output position
//     y = i * s + t * d - p.
// Output positions therefore split into s phases r = (y + p) mod s. In phase r only the taps with
// (t * d) mod s == r contribute (no multiplication by the zeros a naive transposed convolution
// inserts between inputs), and writing y = m * s + r - p (m is the phase-local position),
//     i = m - q_t,   q_t = (t * d - r) / s   (exact),
// so consecutive m read consecutive inputs: each phase is a small stride-1 correlation.
// Tap t is valid at m when 0 <= m - q_t < I. The q_t grow with t, so the valid taps at m form a
// contiguous range of the phase's tap list; the plan cuts each phase's m-range into segments on
// which that range is constant. Edges (and the rows no tap reaches, which must be 0) are segments
// like any other, so the kernels need no run-time bounds checks.
#pragma once

#include <array>

namespace convt::kernels {

/// A run of phase-local positions [m_begin, m_end) whose valid taps are [tap_begin, tap_end).
struct segment {
  int m_begin, m_end;
  int tap_begin, tap_end;
};

/// One phase of one axis. `tap[t]` is the filter index of the phase's t-th tap and `q[t]` its
/// input offset (input = m - q[t]). Arrays are sized for the worst case and filled to the counts.
template <int max_taps, int max_segments>
struct axis_phase {
  int residue;  // r: output positions y with (y + pad) mod s == r
  int tap_count = 0;
  std::array<int, max_taps> tap{};
  std::array<int, max_taps> q{};
  int segment_count = 0;
  std::array<segment, max_segments> segments{};

  /// Output position of phase-local position m.
  constexpr int output_position(int m, int stride, int pad) const { return m * stride + residue - pad; }
};

constexpr int ceil_div(int a, int b) {  // b > 0, a of any sign
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

/// The plan of one axis: s phases.
template <int I, int O, int k, int s, int d, int pad>
struct axis_plan {
  static constexpr int max_taps = k > 0 ? k : 1;
  static constexpr int max_segments = 2 * max_taps + 1;  // breakpoints at q_t and q_t + I
  using phase = axis_phase<max_taps, max_segments>;

  static constexpr std::array<phase, s> phases = [] {
    std::array<phase, s> result{};
    for (int r = 0; r < s; ++r) {
      phase& ph = result[r];
      ph.residue = r;
      for (int t = 0; t < k; ++t)
        if ((t * d) % s == r) {
          ph.tap[ph.tap_count] = t;
          ph.q[ph.tap_count] = (t * d - r) / s;
          ++ph.tap_count;
        }
      // m-range of the phase: 0 <= m * s + r - pad < O
      const int m_begin = ceil_div(pad - r, s);
      const int m_end = ceil_div(O + pad - r, s);
      for (int m = m_begin; m < m_end; ++m) {
        int lo = 0, hi = 0;  // valid taps: q[t] <= m and q[t] > m - I
        for (int t = 0; t < ph.tap_count; ++t) {
          if (ph.q[t] <= m) hi = t + 1;
          if (ph.q[t] <= m - I) lo = t + 1;
        }
        if (hi < lo) hi = lo;
        segment* last = ph.segment_count > 0 ? &ph.segments[ph.segment_count - 1] : nullptr;
        if (last && last->tap_begin == lo && last->tap_end == hi) {
          last->m_end = m + 1;
        } else {
          ph.segments[ph.segment_count++] = segment{m, m + 1, lo, hi};
        }
      }
    }
    return result;
  }();
};

}  // namespace convt::kernels
