// convt/checks/arguments.hpp: every rule a call of conv2d_transpose, atrous_conv2d_transpose, conv2d
// or atrous_conv2d must satisfy, each a named check with its own static_assert message.
//
// How the checks are used (checks/conv2d_transpose_call.hpp): they run in a fixed order (kinds of
// the arguments, ranks, element types, counts, values, then the relations between shapes), and the
// first failing one stops the chain, so a misuse produces one error: the message of that check.
// Each check returns whether it held. Checks about sizes take the numbers as template arguments,
// so the compiler prints the offending and the accepted values next to the message.
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "../shape_rules.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

/// Which op a check reports for: the message names the op and its argument spellings.
struct conv2d_transpose_op {};
struct atrous_conv2d_transpose_op {};
struct conv2d_op {};
struct atrous_conv2d_op {};

template <class Op>
inline constexpr bool is_forward_op = std::is_same_v<Op, conv2d_op> || std::is_same_v<Op, atrous_conv2d_op>;

// One rule, one message per op, each a string literal (static_assert takes nothing else).
#define CONVT_REQUIRE_EACH(Op, condition, transpose_message, atrous_transpose_message, conv2d_message,      \
                           atrous_message)                                                                  \
  if constexpr (std::is_same_v<Op, ::convt::checks::conv2d_transpose_op>) {                                 \
    static_assert(condition, transpose_message);                                                            \
  } else if constexpr (std::is_same_v<Op, ::convt::checks::atrous_conv2d_transpose_op>) {                   \
    static_assert(condition, atrous_transpose_message);                                                     \
  } else if constexpr (std::is_same_v<Op, ::convt::checks::conv2d_op>) {                                    \
    static_assert(condition, conv2d_message);                                                               \
  } else {                                                                                                  \
    static_assert(condition, atrous_message);                                                               \
  }

// One rule, two spellings: TensorFlow calls the first argument 'input' in conv2d_transpose and
// conv2d, and 'value' in atrous_conv2d_transpose and atrous_conv2d.
#define CONVT_REQUIRE(Op, condition, conv_text, atrous_text)                                                 \
  CONVT_REQUIRE_EACH(Op, condition, "conv2d_transpose(input, filters, ...) requires " conv_text,             \
                     "atrous_conv2d_transpose(value, filters, ...) requires " atrous_text,                   \
                     "conv2d(input, filters, ...) requires " conv_text,                                      \
                     "atrous_conv2d(value, filters, ...) requires " atrous_text)

// ---- kinds of the arguments ----------------------------------------------------------------------

/// The default of an argument TensorFlow requires (output_shape, strides, rate), so that leaving
/// it out reaches a message of ours rather than "no matching function".
struct missing_argument {};

template <class Op, bool given>
constexpr bool required_arguments_given() {
  CONVT_REQUIRE_EACH(
      Op, given,
      "conv2d_transpose(input, filters, ...) requires its 'output_shape' and 'strides' arguments, which TensorFlow "
      "gives no default",
      "atrous_conv2d_transpose(value, filters, ...) requires its 'output_shape' and 'rate' arguments, which "
      "TensorFlow gives no default",
      "conv2d(input, filters, ...) requires its 'strides' and 'padding' arguments, which TensorFlow gives no default",
      "atrous_conv2d(value, filters, ...) requires its 'rate' and 'padding' arguments, which TensorFlow gives no "
      "default")
  return given;
}

template <bool at_most_six>
constexpr bool conv2d_takes_at_most_six_arguments() {
  static_assert(at_most_six, "conv2d(input, filters, ...) requires at most 6 arguments: "
                             "(input, filters, strides, padding, data_format, dilations)");
  return at_most_six;
}

template <bool at_most_seven>
constexpr bool takes_at_most_seven_arguments() {
  static_assert(at_most_seven, "conv2d_transpose(input, filters, ...) requires at most 7 arguments: "
                               "(input, filters, output_shape, strides, padding, data_format, dilations)");
  return at_most_seven;
}

template <class Op, bool input_is_tensor>
constexpr bool input_is_a_tensor() {
  CONVT_REQUIRE(Op, input_is_tensor, "'input' to be a convt::tensor, convt::tensor_view or convt expression",
                "'value' to be a convt::tensor, convt::tensor_view or convt expression")
  return input_is_tensor;
}

template <class Op, bool filters_is_tensor>
constexpr bool filters_is_a_tensor() {
  CONVT_REQUIRE_EACH(
      Op, filters_is_tensor,
      "conv2d_transpose(input, filters, ...) requires 'filters' to be a convt::tensor, convt::tensor_view or "
      "convt::prepacked_filters",
      "atrous_conv2d_transpose(value, filters, ...) requires 'filters' to be a convt::tensor, convt::tensor_view or "
      "convt::prepacked_filters",
      "conv2d(input, filters, ...) requires 'filters' to be a convt::tensor or convt::tensor_view",
      "atrous_conv2d(value, filters, ...) requires 'filters' to be a convt::tensor or convt::tensor_view")
  return filters_is_tensor;
}

template <class Op, bool is_output_shape>
constexpr bool output_shape_is_an_output_shape() {
  CONVT_REQUIRE(Op, is_output_shape,
                "'output_shape' to be convt::output_shape<N, H, W, C> (or <N, C, H, W> with convt::nchw)",
                "'output_shape' to be convt::output_shape<N, H, W, C>")
  return is_output_shape;
}

// The forward ops take no output_shape: their arguments come one position earlier.
#define CONVT_REQUIRE_POSITIONAL(Op, condition, transpose_text, forward_text)                     \
  if constexpr (is_forward_op<Op>) {                                                             \
    static_assert(condition, "conv2d(input, filters, ...) requires " forward_text);              \
  } else {                                                                                       \
    static_assert(condition, "conv2d_transpose(input, filters, ...) requires " transpose_text);  \
  }

template <bool is_strides, class Op = conv2d_transpose_op>
constexpr bool strides_is_strides() {
  CONVT_REQUIRE_POSITIONAL(Op, is_strides, "'strides' (4th argument) to be convt::strides<...>",
                           "'strides' (3rd argument) to be convt::strides<...>")
  return is_strides;
}

template <bool is_padding, class Op = conv2d_transpose_op>
constexpr bool padding_is_a_padding() {
  CONVT_REQUIRE_POSITIONAL(Op, is_padding,
                           "'padding' (5th argument) to be convt::same, convt::valid or convt::explicit_padding<...>",
                           "'padding' (4th argument) to be convt::same, convt::valid or convt::explicit_padding<...>")
  return is_padding;
}

template <bool is_format, class Op = conv2d_transpose_op>
constexpr bool data_format_is_a_format() {
  CONVT_REQUIRE_POSITIONAL(Op, is_format, "'data_format' (6th argument) to be convt::nhwc or convt::nchw",
                           "'data_format' (5th argument) to be convt::nhwc or convt::nchw")
  return is_format;
}

template <bool is_dilations, class Op = conv2d_transpose_op>
constexpr bool dilations_is_dilations() {
  CONVT_REQUIRE_POSITIONAL(Op, is_dilations, "'dilations' (7th argument) to be convt::dilations<...>",
                           "'dilations' (6th argument) to be convt::dilations<...>")
  return is_dilations;
}

#undef CONVT_REQUIRE_POSITIONAL

template <bool is_rate, class Op = atrous_conv2d_transpose_op>
constexpr bool rate_is_a_rate() {
  if constexpr (is_forward_op<Op>) {
    static_assert(is_rate, "atrous_conv2d(value, filters, ...) requires 'rate' (3rd argument) to be convt::rate<r>");
  } else {
    static_assert(is_rate,
                  "atrous_conv2d_transpose(value, filters, ...) requires 'rate' (4th argument) to be convt::rate<r>");
  }
  return is_rate;
}

template <bool is_same_or_valid, class Op = atrous_conv2d_transpose_op>
constexpr bool atrous_padding_is_same_or_valid() {
  if constexpr (is_forward_op<Op>) {
    static_assert(is_same_or_valid,
                  "atrous_conv2d(value, filters, ...) requires 'padding' to be convt::same or convt::valid, as in "
                  "TensorFlow; for explicit padding use conv2d with convt::strides<1> and convt::dilations<rate>");
  } else {
    static_assert(is_same_or_valid,
                  "atrous_conv2d_transpose(value, filters, ...) requires 'padding' to be convt::same or convt::valid, "
                  "as in TensorFlow; for explicit padding use conv2d_transpose with convt::strides<1> and "
                  "convt::dilations<rate>");
  }
  return is_same_or_valid;
}

template <bool no_data_format_given, class Op = atrous_conv2d_transpose_op>
constexpr bool atrous_takes_no_data_format() {
  if constexpr (is_forward_op<Op>) {
    static_assert(no_data_format_given,
                  "atrous_conv2d(value, filters, ...) requires NHWC data and takes no data_format, as in TensorFlow; "
                  "for NCHW use conv2d with convt::strides<1>, convt::nchw and convt::dilations<rate>");
  } else {
    static_assert(no_data_format_given,
                  "atrous_conv2d_transpose(value, filters, ...) requires NHWC data and takes no data_format, as in "
                  "TensorFlow; for NCHW use conv2d_transpose with convt::strides<1>, convt::nchw and "
                  "convt::dilations<rate>");
  }
  return no_data_format_given;
}

template <bool at_most_four>
constexpr bool atrous_conv2d_takes_at_most_four_arguments() {
  static_assert(at_most_four, "atrous_conv2d(value, filters, ...) requires at most 4 arguments: "
                              "(value, filters, rate, padding)");
  return at_most_four;
}

template <bool at_most_five>
constexpr bool atrous_takes_at_most_five_arguments() {
  static_assert(at_most_five, "atrous_conv2d_transpose(value, filters, ...) requires at most 5 arguments: "
                              "(value, filters, output_shape, rate, padding)");
  return at_most_five;
}

// ---- ranks and element types ---------------------------------------------------------------------

template <class Op, int input_rank>
constexpr bool input_has_rank_4() {
  CONVT_REQUIRE(Op, input_rank == 4, "'input' to have rank 4: [N, H, W, C] (NHWC) or [N, C, H, W] (NCHW)",
                "'value' to have rank 4: [N, H, W, C]")
  return input_rank == 4;
}

template <class Op, int filters_rank>
constexpr bool filters_have_rank_4() {
  CONVT_REQUIRE_EACH(
      Op, filters_rank == 4,
      "conv2d_transpose(input, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, out_channels, in_channels]",
      "atrous_conv2d_transpose(value, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, out_channels, "
      "in_channels]",
      "conv2d(input, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, in_channels, out_channels]",
      "atrous_conv2d(value, filters, ...) requires 'filters' to have rank 4: [k_h, k_w, in_channels, out_channels]")
  return filters_rank == 4;
}

template <class Op, int output_shape_count>
constexpr bool output_shape_has_4_values() {
  CONVT_REQUIRE(Op, output_shape_count == 4, "'output_shape' to have 4 values",
                "'output_shape' to have 4 values")
  return output_shape_count == 4;
}

template <class Op, class Element>
constexpr bool element_type_is_float_or_double() {
  constexpr bool ok = std::is_same_v<Element, float> || std::is_same_v<Element, double>;
  CONVT_REQUIRE(Op, ok, "'input' elements to be float or double", "'value' elements to be float or double")
  return ok;
}

template <class Op, class InputElement, class FiltersElement>
constexpr bool filters_element_type_matches_input() {
  constexpr bool ok = std::is_same_v<InputElement, FiltersElement>;
  CONVT_REQUIRE(Op, ok, "'filters' to have the same element type as 'input'",
                "'filters' to have the same element type as 'value'")
  return ok;
}

// ---- counts and values of the compile-time arguments ---------------------------------------------

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

// ---- relations between the shapes -----------------------------------------------------------------

/// conv2d_transpose's filters are [k_h, k_w, out_channels, in_channels], the forward ops'
/// [k_h, k_w, in_channels, out_channels]: the messages name the dimension of the op's layout.
template <class Op, int filters_out_channels>
constexpr bool filters_out_channels_at_least_1() {
  CONVT_REQUIRE_EACH(Op, filters_out_channels >= 1,
                     "conv2d_transpose(input, filters, ...) requires 'filters' out_channels (dimension 2) to be at "
                     "least 1, as TensorFlow does",
                     "atrous_conv2d_transpose(value, filters, ...) requires 'filters' out_channels (dimension 2) to "
                     "be at least 1, as TensorFlow does",
                     "conv2d(input, filters, ...) requires 'filters' out_channels (dimension 3) to be at least 1, as "
                     "TensorFlow does",
                     "atrous_conv2d(value, filters, ...) requires 'filters' out_channels (dimension 3) to be at least "
                     "1, as TensorFlow does")
  return filters_out_channels >= 1;
}

/// Forward ops only: TensorFlow's Conv2D rejects a filter depth of 0 ("filter depth must be
/// strictly positive").
template <class Op, int filters_in_channels>
constexpr bool filters_in_channels_at_least_1() {
  CONVT_REQUIRE(Op, filters_in_channels >= 1,
                "'filters' in_channels (dimension 2) to be at least 1, as TensorFlow does",
                "'filters' in_channels (dimension 2) to be at least 1, as TensorFlow does")
  return filters_in_channels >= 1;
}

template <class Op, int filters_in_channels, int input_depth>
constexpr bool filters_in_channels_match_input_depth() {
  CONVT_REQUIRE_EACH(Op, filters_in_channels == input_depth,
                     "conv2d_transpose(input, filters, ...) requires 'filters' in_channels (dimension 3) to equal "
                     "the input depth (dimension 3 of an NHWC input, dimension 1 of an NCHW input)",
                     "atrous_conv2d_transpose(value, filters, ...) requires 'filters' in_channels (dimension 3) to "
                     "equal the depth of 'value'",
                     "conv2d(input, filters, ...) requires 'filters' in_channels (dimension 2) to equal the input "
                     "depth (dimension 3 of an NHWC input, dimension 1 of an NCHW input); grouped convolution is not "
                     "supported",
                     "atrous_conv2d(value, filters, ...) requires 'filters' in_channels (dimension 2) to equal the "
                     "depth of 'value'")
  return filters_in_channels == input_depth;
}

template <class Op, int output_shape_depth, int filters_out_channels>
constexpr bool output_depth_matches_filters_out_channels() {
  CONVT_REQUIRE(Op, output_shape_depth == filters_out_channels,
                "the depth of 'output_shape' (value 3 for NHWC, value 1 for NCHW) to equal 'filters' "
                "out_channels (dimension 2)",
                "the depth of 'output_shape' to equal 'filters' out_channels (dimension 2)")
  return output_shape_depth == filters_out_channels;
}

template <class Op, int output_shape_batch, int input_batch>
constexpr bool output_batch_matches_input_batch() {
  CONVT_REQUIRE(Op, output_shape_batch == input_batch,
                "the batch of 'output_shape' to equal the batch of 'input'",
                "the batch of 'output_shape' to equal the batch of 'value'")
  return output_shape_batch == input_batch;
}

enum class spatial_dim { height, width };

/// The output size must be one a forward conv2d maps back to the input size (shape_rules.hpp).
/// accepted_first..accepted_last is the accepted run (empty when first > last); got is the value
/// the call gave. The compiler prints these numbers with the message.
template <class Op, spatial_dim dim, detail::padding_kind padding, int accepted_first, int accepted_last, int got>
constexpr bool output_size_is_accepted() {
  constexpr bool ok = accepted_first <= got && got <= accepted_last;
  using detail::padding_kind;
  constexpr bool h = dim == spatial_dim::height;
  if constexpr (std::is_same_v<Op, atrous_conv2d_transpose_op>) {
    if constexpr (padding == padding_kind::same) {
      if constexpr (h) {
        static_assert(accepted_first <= got && got <= accepted_last, "atrous_conv2d_transpose(value, filters, ...) with padding SAME requires the "
                          "'output_shape' height to equal the height of 'value'");
      } else {
        static_assert(accepted_first <= got && got <= accepted_last, "atrous_conv2d_transpose(value, filters, ...) with padding SAME requires the "
                          "'output_shape' width to equal the width of 'value'");
      }
    } else if constexpr (h) {
      static_assert(accepted_first <= got && got <= accepted_last, "atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the "
                        "'output_shape' height to equal value height + (filter height - 1) * rate");
    } else {
      static_assert(accepted_first <= got && got <= accepted_last, "atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the "
                        "'output_shape' width to equal value width + (filter width - 1) * rate");
    }
  } else if constexpr (padding == padding_kind::same) {
    if constexpr (h) {
      static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' "
                        "height to satisfy ceil(height / stride_h) == input height");
    } else {
      static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' "
                        "width to satisfy ceil(width / stride_w) == input width");
    }
  } else if constexpr (padding == padding_kind::valid) {
    if constexpr (h) {
      static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' "
                        "height to satisfy (height - dilated filter height + stride_h) / stride_h == input height");
    } else {
      static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' "
                        "width to satisfy (width - dilated filter width + stride_w) / stride_w == input width");
    }
  } else if constexpr (h) {
    static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with explicit padding requires the 'output_shape' "
                      "height to satisfy (height + top + bottom - dilated filter height + stride_h) / stride_h == "
                      "input height");
  } else {
    static_assert(accepted_first <= got && got <= accepted_last, "conv2d_transpose(input, filters, ...) with explicit padding requires the 'output_shape' "
                      "width to satisfy (width + left + right - dilated filter width + stride_w) / stride_w == "
                      "input width");
  }
  return ok;
}

/// Forward ops: the output size TensorFlow computes (shape_rules.hpp, forward_output_size) must
/// not be negative: the dilated filter may exceed the padded input by less than twice the stride
/// (truncating division). `size` is that output size, printed next to the message.
template <class Op, spatial_dim dim, int size>
constexpr bool forward_output_size_is_non_negative() {
  if constexpr (dim == spatial_dim::height) {
    CONVT_REQUIRE(Op, size >= 0,
                  "the output height (input height + padding - dilated filter height + stride_h) / stride_h to be "
                  ">= 0, as TensorFlow does",
                  "the output height (value height - dilated filter height + 1) to be >= 0, as TensorFlow does")
  } else {
    CONVT_REQUIRE(Op, size >= 0,
                  "the output width (input width + padding - dilated filter width + stride_w) / stride_w to be "
                  ">= 0, as TensorFlow does",
                  "the output width (value width - dilated filter width + 1) to be >= 0, as TensorFlow does")
  }
  return size >= 0;
}

// ---- evaluation into a destination ----------------------------------------------------------------

template <bool is_expression>
constexpr bool assigned_value_is_an_expression() {
  static_assert(is_expression, "convt::assign(dst, expr) requires 'expr' to be a convt expression, such as the "
                               "result of convt::conv2d_transpose");
  return is_expression;
}

template <bool is_tensor>
constexpr bool destination_is_a_tensor() {
  static_assert(is_tensor, "convt::assign(dst, expr) requires 'dst' to be a convt::tensor or convt::tensor_view");
  return is_tensor;
}

template <bool writable>
constexpr bool destination_is_writable() {
  static_assert(writable, "convt::assign(dst, expr) requires 'dst' to be writable: a non-const convt::tensor or a "
                          "convt::tensor_view of non-const elements");
  return writable;
}

/// Whether two shapes (std::array of possibly different ranks) are equal.
template <class A, class B>
constexpr bool shapes_equal(const A& a, const B& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// The shapes are template arguments so that the compiler prints both next to the message.
template <auto dst_shape, auto expr_shape>
constexpr bool destination_shape_matches() {
  constexpr bool same_shape = shapes_equal(dst_shape, expr_shape);
  static_assert(same_shape, "convt::assign(dst, expr) requires 'dst' to have exactly the shape of 'expr'");
  return same_shape;
}

template <bool same_element_type>
constexpr bool destination_element_type_matches() {
  static_assert(same_element_type, "convt::assign(dst, expr) requires 'dst' to have the element type of 'expr'");
  return same_element_type;
}

template <auto tensor_shape, auto expr_shape>
constexpr bool initialised_tensor_shape_matches() {
  constexpr bool same_shape = shapes_equal(tensor_shape, expr_shape);
  static_assert(same_shape, "convt::tensor<T, dims...> y = expr requires dims... to be exactly the shape of 'expr'");
  return same_shape;
}

template <bool same_element_type>
constexpr bool initialised_tensor_element_type_matches() {
  static_assert(same_element_type, "convt::tensor<T, dims...> y = expr requires T to be the element type of 'expr'");
  return same_element_type;
}

#undef CONVT_REQUIRE
#undef CONVT_REQUIRE_EACH

}  // namespace convt::checks
