// convt/checks/shape_relations.hpp (checks): how the shapes of a convolution's arguments must
// relate: channels, batch, and the output size TensorFlow accepts (shape_rules.hpp; ops.hpp).
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "../shape_rules.hpp"
#include "ops.hpp"
#include "require.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

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
  using detail::padding_kind;
  constexpr bool atrous = std::is_same_v<Op, atrous_conv2d_transpose_op>;
// One message per spatial dimension. The comparison is written out in the static_assert (not a
// variable) so that clang++ prints the numbers in the failing requirement, as docs/rules.md shows.
#define CONVT_REQUIRE_SIZE(height_message, width_message)                                                 \
  if constexpr (dim == spatial_dim::height) {                                                             \
    static_assert(accepted_first <= got && got <= accepted_last, height_message);                         \
  } else {                                                                                                \
    static_assert(accepted_first <= got && got <= accepted_last, width_message);                          \
  }
  if constexpr (atrous && padding == padding_kind::same) {
    CONVT_REQUIRE_SIZE("atrous_conv2d_transpose(value, filters, ...) with padding SAME requires the "
                       "'output_shape' height to equal the height of 'value'",
                       "atrous_conv2d_transpose(value, filters, ...) with padding SAME requires the "
                       "'output_shape' width to equal the width of 'value'")
  } else if constexpr (atrous) {
    CONVT_REQUIRE_SIZE("atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the "
                       "'output_shape' height to equal value height + (filter height - 1) * rate",
                       "atrous_conv2d_transpose(value, filters, ...) with padding VALID requires the "
                       "'output_shape' width to equal value width + (filter width - 1) * rate")
  } else if constexpr (padding == padding_kind::same) {
    CONVT_REQUIRE_SIZE("conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' "
                       "height to satisfy ceil(height / stride_h) == input height",
                       "conv2d_transpose(input, filters, ...) with padding SAME requires the 'output_shape' "
                       "width to satisfy ceil(width / stride_w) == input width")
  } else if constexpr (padding == padding_kind::valid) {
    CONVT_REQUIRE_SIZE("conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' "
                       "height to satisfy (height - dilated filter height + stride_h) / stride_h == input height",
                       "conv2d_transpose(input, filters, ...) with padding VALID requires the 'output_shape' "
                       "width to satisfy (width - dilated filter width + stride_w) / stride_w == input width")
  } else {
    CONVT_REQUIRE_SIZE("conv2d_transpose(input, filters, ...) with explicit padding requires the 'output_shape' "
                       "height to satisfy (height + top + bottom - dilated filter height + stride_h) / stride_h == "
                       "input height",
                       "conv2d_transpose(input, filters, ...) with explicit padding requires the 'output_shape' "
                       "width to satisfy (width + left + right - dilated filter width + stride_w) / stride_w == "
                       "input width")
  }
#undef CONVT_REQUIRE_SIZE
  return accepted_first <= got && got <= accepted_last;
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

#undef CONVT_REQUIRE
#undef CONVT_REQUIRE_EACH

}  // namespace convt::checks
