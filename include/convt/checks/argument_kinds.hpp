// convt/checks/argument_kinds.hpp (checks): what each argument of a convolution call must be (a
// tensor, an output_shape, strides, ...), how many arguments it takes, and the arguments' ranks
// and element types. The first checks of a call (ops.hpp).
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "ops.hpp"
#include "require.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

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

#undef CONVT_REQUIRE
#undef CONVT_REQUIRE_EACH

}  // namespace convt::checks
