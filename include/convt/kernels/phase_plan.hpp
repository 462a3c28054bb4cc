// convt/kernels/phase_plan.hpp (kernel support): the stride-phase decomposition of one spatial
// axis, computed at compile time.
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
//
// The forward conv2d (forward = true) is the same structure with one phase: output position m
// reads input position m * s + t * d - p, that is
//     i = m * s - q_t,   q_t = p - t * d,
// and the valid taps at m (0 <= i < I) again form a contiguous range, now because the q_t fall
// as t grows. The kernels read input m * input_step - q_t and write output m * output_step +
// residue - pad, with (input_step, output_step, pad) = (1, s, p) for the transpose and (s, 1, 0)
// for the forward op.
#pragma once

#include "../abi.hpp"

#include <array>

namespace convt::inline CONVT_ABI::kernels {

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

/// The plan of one axis: s phases (conv2d_transpose), or one phase (forward: conv2d, where I is
/// the op's input size and O its output size, and pad the padding before the input).
template <int I, int O, int k, int s, int d, int pad, bool forward = false>
struct axis_plan {
  static constexpr int max_taps = k > 0 ? k : 1;
  static constexpr int max_segments = 2 * max_taps + 1;  // breakpoints at q_t and q_t + I
  using phase = axis_phase<max_taps, max_segments>;
  static constexpr int phase_count = forward ? 1 : s;
  /// Input and output positions per phase-local position, and the output's offset (see above).
  static constexpr int input_step = forward ? s : 1;
  static constexpr int output_step = forward ? 1 : s;
  static constexpr int output_pad = forward ? 0 : pad;

  static constexpr std::array<phase, phase_count> phases = [] {
    std::array<phase, phase_count> result{};
    for (int r = 0; r < phase_count; ++r) {
      phase& ph = result[r];
      ph.residue = r;
      for (int t = 0; t < k; ++t)
        if (forward || (t * d) % s == r) {
          ph.tap[ph.tap_count] = t;
          ph.q[ph.tap_count] = forward ? pad - t * d : (t * d - r) / s;
          ++ph.tap_count;
        }
      // m-range of the phase: 0 <= m * s + r - pad < O (forward: 0 <= m < O)
      const int m_begin = forward ? 0 : ceil_div(pad - r, s);
      const int m_end = forward ? O : ceil_div(O + pad - r, s);
      // The valid taps change only where some tap starts or stops being valid: its breakpoints.
      // Evaluating the range once per run between breakpoints keeps the plan's cost at O(k^2)
      // per phase, whatever the axis's length (a 2^20-sample audio layer compiles like a short one).
      std::array<int, 2 * max_taps + 1> breaks{};
      int break_count = 0;
      breaks[break_count++] = m_begin;
      for (int t = 0; t < ph.tap_count; ++t) {
        // transpose: tap t valid for q[t] <= m < q[t] + I; forward: for q[t] <= m * s < q[t] + I.
        const int from = forward ? ceil_div(ph.q[t], s) : ph.q[t];
        const int to = forward ? ceil_div(ph.q[t] + I, s) : ph.q[t] + I;
        for (const int b : {from, to})
          if (m_begin < b && b < m_end) breaks[break_count++] = b;
      }
      for (int a = 1; a < break_count; ++a)  // insertion sort: at most 2k + 1 breakpoints
        for (int b = a; b > 0 && breaks[b - 1] > breaks[b]; --b) {
          const int larger = breaks[b - 1];
          breaks[b - 1] = breaks[b];
          breaks[b] = larger;
        }
      for (int j = 0; j < break_count; ++j) {
        const int m = breaks[j];
        const int run_end = j + 1 < break_count ? breaks[j + 1] : m_end;
        if (m >= run_end) continue;  // a repeated breakpoint, or an empty phase
        int lo = 0, hi = 0;  // valid taps: q[t] <= m and q[t] > m - I
        if (forward) {
          // valid taps: 0 <= m * s - q[t] < I, with q falling in t: [first valid, last valid + 1)
          lo = ph.tap_count;
          for (int t = ph.tap_count - 1; t >= 0; --t)
            if (0 <= m * s - ph.q[t] && m * s - ph.q[t] < I) lo = t;
          for (int t = 0; t < ph.tap_count; ++t)
            if (0 <= m * s - ph.q[t] && m * s - ph.q[t] < I) hi = t + 1;
          if (hi <= lo) lo = hi = 0;  // no tap: an output of 0
        } else {
          for (int t = 0; t < ph.tap_count; ++t) {
            if (ph.q[t] <= m) hi = t + 1;
            if (ph.q[t] <= m - I) lo = t + 1;
          }
        }
        if (hi < lo) hi = lo;
        segment* last = ph.segment_count > 0 ? &ph.segments[ph.segment_count - 1] : nullptr;
        if (last && last->tap_begin == lo && last->tap_end == hi) {
          last->m_end = run_end;
        } else {
          ph.segments[ph.segment_count++] = segment{m, run_end, lo, hi};
        }
      }
    }
    return result;
  }();

  /// The most taps any phase has (the longest sum a tile of this axis computes).
  static constexpr int max_tap_count = [] {
    int most = 0;
    for (const phase& ph : phases) most = ph.tap_count > most ? ph.tap_count : most;
    return most;
  }();
};

}  // namespace convt::kernels
