// convt/checks/argument_values.hpp (checks): the counts and values of a convolution's compile-time
// arguments: strides, dilations, rate, explicit padding and output_shape (ops.hpp).
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "ops.hpp"
#include "require.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

template <class Op, int count>
constexpr bool strides_have_1_2_or_4_values() {
  constexpr bool ok = count == 1 || count == 2 || count == 4;
  CONVT_REQUIRE(Op, ok, "'strides' to have 1, 2 or 4 values", "'strides' to have 1, 2 or 4 values")
  return ok;
}

template <class Op, int batch_entry, int channel_entry>
constexpr bool strides_batch_and_channel_are_1() {
  constexpr bool ok = batch_entry == 1 && channel_entry == 1;
#define CONVT_TEXT \
  "a 4-value 'strides' to have 1 in its batch and channel entries: <1, s_h, s_w, 1> for NHWC, <1, 1, s_h, s_w> for NCHW"
  CONVT_REQUIRE(Op, ok, CONVT_TEXT, CONVT_TEXT)
#undef CONVT_TEXT
  return ok;
}

template <class Op, int stride_h, int stride_w>
constexpr bool strides_are_at_least_1() {
  constexpr bool ok = stride_h >= 1 && stride_w >= 1;
  CONVT_REQUIRE(Op, ok, "every stride to be at least 1", "every stride to be at least 1")
  return ok;
}

template <class Op, int count>
constexpr bool dilations_have_1_2_or_4_values() {
  constexpr bool ok = count == 1 || count == 2 || count == 4;
  CONVT_REQUIRE(Op, ok, "'dilations' to have 1, 2 or 4 values", "'dilations' to have 1, 2 or 4 values")
  return ok;
}

template <class Op, int batch_entry, int channel_entry>
constexpr bool dilations_batch_and_channel_are_1() {
  constexpr bool ok = batch_entry == 1 && channel_entry == 1;
#define CONVT_TEXT \
  "a 4-value 'dilations' to have 1 in its batch and channel entries: <1, d_h, d_w, 1> for NHWC, <1, 1, d_h, d_w> for NCHW"
  CONVT_REQUIRE(Op, ok, CONVT_TEXT, CONVT_TEXT)
#undef CONVT_TEXT
  return ok;
}

template <class Op, int dilation_h, int dilation_w>
constexpr bool dilations_are_at_least_1() {
  constexpr bool ok = dilation_h >= 1 && dilation_w >= 1;
  CONVT_REQUIRE(Op, ok, "every dilation to be at least 1", "every dilation to be at least 1")
  return ok;
}

template <class Op, int count>
constexpr bool rate_is_one_value() {
  CONVT_REQUIRE(Op, count == 1, "'rate' to be one value: convt::rate<r>", "'rate' to be one value: convt::rate<r>")
  return count == 1;
}

template <class Op, int rate>
constexpr bool rate_is_at_least_1() {
  CONVT_REQUIRE(Op, rate >= 1, "'rate' to be at least 1", "'rate' to be at least 1")
  return rate >= 1;
}

template <class Op, int count>
constexpr bool explicit_padding_has_8_values() {
#define CONVT_TEXT "'explicit_padding' to have 8 values: TensorFlow's 4 [before, after] pairs in data-format order"
  CONVT_REQUIRE(Op, count == 8, CONVT_TEXT, CONVT_TEXT)
#undef CONVT_TEXT
  return count == 8;
}

template <class Op, int batch_before, int batch_after, int channel_before, int channel_after>
constexpr bool explicit_padding_batch_and_channel_are_0() {
  constexpr bool ok = batch_before == 0 && batch_after == 0 && channel_before == 0 && channel_after == 0;
#define CONVT_TEXT                                                                                              \
  "the batch and channel pairs of 'explicit_padding' to be 0: <0,0, t,b, l,r, 0,0> for NHWC, <0,0, 0,0, t,b, l,r> " \
  "for NCHW"
  CONVT_REQUIRE(Op, ok, CONVT_TEXT, CONVT_TEXT)
#undef CONVT_TEXT
  return ok;
}

template <class Op, int top, int bottom, int left, int right>
constexpr bool explicit_padding_is_non_negative() {
  constexpr bool ok = top >= 0 && bottom >= 0 && left >= 0 && right >= 0;
  CONVT_REQUIRE(Op, ok, "every 'explicit_padding' value to be >= 0", "every 'explicit_padding' value to be >= 0")
  return ok;
}

template <class Op, int batch, int height, int width, int depth>
constexpr bool output_shape_is_non_negative() {
  constexpr bool ok = batch >= 0 && height >= 0 && width >= 0 && depth >= 0;
  CONVT_REQUIRE(Op, ok, "every 'output_shape' value to be >= 0", "every 'output_shape' value to be >= 0")
  return ok;
}

#undef CONVT_REQUIRE
#undef CONVT_REQUIRE_EACH

}  // namespace convt::checks
