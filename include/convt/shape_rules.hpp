// convt/shape_rules.hpp (geometry): TensorFlow's shape algebra for conv2d_transpose, in one place.
//
// Per spatial dimension (H and W separately), with
//   I  the op's input size (the forward conv2d's *output* size),
//   O  the op's output size (output_shape[H or W]),
//   k  filter size, s stride, d dilation, e = (k - 1) * d + 1 the dilated filter size,
// TensorFlow accepts O exactly when a forward conv2d of an O-sized tensor gives I
// (GetWindowedOutputSize, with truncating integer division):
//   VALID:    (O - e + s) / s            == I
//   SAME:     (O + s - 1) / s            == I      (ceil(O / s); independent of k and d)
//   EXPLICIT: (O + pb + pa - e + s) / s  == I
// and the result is cropped at the start by
//   VALID: 0,  EXPLICIT: pb,  SAME: P / 2 with P = max(0, (I - 1) * s + e - O)
// (an odd P puts the extra row at the end; a negative raw P is clamped, so nothing is cropped at
// the start and the surplus rows at the end stay 0).
//
// The conv_geometry built from these numbers is what the kernels see: every value is a
// compile-time constant of the instantiation.
#pragma once

#include "abi.hpp"
#include "data_format.hpp"

namespace convt::inline CONVT_ABI::detail {

enum class padding_kind { same, valid, explicit_ };

constexpr int dilated_filter_size(int k, int d) noexcept { return (k - 1) * d + 1; }

/// The accepted output sizes form one run [first, last]; first > last when none is accepted.
/// Used by the checks, which print the run next to the message.
struct size_range {
  int first, last;
};

/// Closed form of the run. Each of the header comment's formulas is trunc((O + c) / s) with
///   c = s - 1 (SAME),  c = s - e (VALID),  c = pb + pa - e + s (EXPLICIT),
/// and trunc((O + c) / s) == I holds exactly when
///   I >= 1:  I * s <= O + c <= I * s + s - 1
///   I == 0:  -s < O + c < s   (truncation towards zero)
/// intersected with O >= 0.
constexpr size_range accepted_output_sizes(padding_kind padding, int I, int k, int s, int d, int pad_before,
                                           int pad_after) noexcept {
  using wide = long long;  // I * s and the paddings may exceed int for absurd but valid inputs
  const wide e = dilated_filter_size(k, d);
  const wide c = padding == padding_kind::same    ? wide{s} - 1
                 : padding == padding_kind::valid ? wide{s} - e
                                                  : wide{pad_before} + pad_after - e + s;
  wide first = I >= 1 ? wide{I} * s - c : -wide{s} - c + 1;
  const wide last = I >= 1 ? wide{I} * s + s - 1 - c : wide{s} - 1 - c;
  if (first < 0) first = 0;
  return {int(first), int(last < first ? first - 1 : last)};
}

/// Rows (or columns) cropped at the start of the full transposed-convolution result.
constexpr int padding_before(padding_kind padding, int I, int O, int k, int s, int d,
                             int explicit_before) noexcept {
  switch (padding) {
    case padding_kind::valid: return 0;
    case padding_kind::explicit_: return explicit_before;
    case padding_kind::same: {
      const int raw = (I - 1) * s + dilated_filter_size(k, d) - O;
      return (raw > 0 ? raw : 0) / 2;
    }
  }
  return 0;
}

/// The output size of the forward conv2d (TensorFlow's GetWindowedOutputSize), per spatial axis,
/// for input size I:
///   VALID:    (I - e + s) / s,   SAME: (I + s - 1) / s,   EXPLICIT: (I + pb + pa - e + s) / s
/// with truncating division. TensorFlow rejects a negative result ("Computed output size would be
/// negative"); truncation towards zero makes -s < numerator < 0 give 0, which it accepts.
/// Computed in long long: the caller checks the result is >= 0 (and fits an int) before using it.
constexpr long long forward_output_size(padding_kind padding, int I, int k, int s, int d, int pad_before,
                                        int pad_after) noexcept {
  using wide = long long;
  const wide e = dilated_filter_size(k, d);
  const wide numerator = padding == padding_kind::same    ? wide{I} + s - 1
                         : padding == padding_kind::valid ? wide{I} - e + s
                                                          : wide{I} + pad_before + pad_after - e + s;
  return numerator / s;
}

/// Rows (or columns) of zero padding before the input of the forward conv2d, whose input size is
/// I and output size O: the same numbers as padding_before(padding, O, I, ...) of the transpose
/// (SAME: P / 2 with P = max(0, (O - 1) * s + e - I), the extra row at the end).
constexpr int forward_padding_before(padding_kind padding, int I, int O, int k, int s, int d,
                                     int explicit_before) noexcept {
  return padding_before(padding, O, I, k, s, d, explicit_before);
}

/// Everything the kernels need to know about one conv2d_transpose (or, with forward, conv2d)
/// call, all compile-time values.
/// Layouts: input [batch, in_h, in_w, in_c] (NHWC) or [batch, in_c, in_h, in_w] (NCHW);
/// filters [k_h, k_w, out_c, in_c] (conv2d: [k_h, k_w, in_c, out_c], TensorFlow's forward layout);
/// output [batch, out_h, out_w, out_c] or [batch, out_c, out_h, out_w].
///
/// forward selects conv2d: out[y, x] reads in[y * s_h + kh * d_h - pad_top, x * s_w + kw * d_w - pad_left],
/// pad_top/pad_left being the forward op's padding before its input. The kernels see both ops as
/// phase-local positions m (kernels/phase_plan.hpp): one step of m moves the input by
/// input_step_*() and the output by output_step_*() positions.
struct conv_geometry {
  int batch;
  int in_h, in_w, in_c;
  int out_h, out_w, out_c;
  int k_h, k_w;
  int stride_h, stride_w;
  int dilation_h, dilation_w;
  int pad_top, pad_left;
  data_format_kind format;
  bool forward = false;

  /// Input and output positions per phase-local position: conv2d_transpose 1 and s, conv2d s and 1.
  constexpr int input_step_h() const noexcept { return forward ? stride_h : 1; }
  constexpr int input_step_w() const noexcept { return forward ? stride_w : 1; }
  constexpr int output_step_h() const noexcept { return forward ? 1 : stride_h; }
  constexpr int output_step_w() const noexcept { return forward ? 1 : stride_w; }

  /// FLOPs of the op as counted by the benchmarks: 2 * N * I_h * I_w * C_in * C_out * k_h * k_w
  /// (conv2d: the output pixels O_h * O_w instead of the input pixels).
  constexpr long long useful_flops() const noexcept {
    return forward ? 2LL * batch * out_h * out_w * in_c * out_c * k_h * k_w
                   : 2LL * batch * in_h * in_w * in_c * out_c * k_h * k_w;
  }
};

}  // namespace convt::detail
