// convt/checks/conv2d_call.hpp (checks): the order in which the rules of the forward ops (conv2d
// and atrous_conv2d) are checked, and the conv_geometry (forward) built from a call that passed
// them.
//
// The same pattern as checks/conv2d_transpose_call.hpp, whose named checks (argument_kinds.hpp,
// argument_values.hpp, shape_relations.hpp) these reuse with Op = conv2d_op or atrous_conv2d_op:
// a run of `if constexpr (!check<...>()) return false;`, so a failing check raises its
// static_assert, stops the chain, and is the only error.
// The output shape is derived (TensorFlow's GetWindowedOutputSize, shape_rules.hpp), so where the
// transpose checks an output_shape argument, these check that the derived size is not negative.
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "../data_format.hpp"
#include "../padding.hpp"
#include "../shape_rules.hpp"
#include "../tensor.hpp"
#include "../window.hpp"
#include "../expr/expression.hpp"
#include "argument_kinds.hpp"
#include "argument_values.hpp"
#include "conv2d_transpose_call.hpp"
#include "ops.hpp"
#include "shape_relations.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

/// The derived output size of the forward op, per spatial axis, in long long (checked >= 0
/// before it is used as a dimension), and the geometry built from it.
template <class Input, class Filters, class Strides, class Padding, class Format, class Dilations>
struct forward_sizes {
  using In = std::remove_cvref_t<Input>;
  using Fi = std::remove_cvref_t<Filters>;
  using ax = format_axes<Format>;
  using pad = padding_numbers<Format, Padding>;
  using st = window_hw<Format, Strides>;
  using di = window_hw<Format, Dilations>;
  static constexpr long long h =
      detail::forward_output_size(pad::kind, In::shape[ax::h], Fi::shape[0], st::h, di::h, pad::top, pad::bottom);
  static constexpr long long w =
      detail::forward_output_size(pad::kind, In::shape[ax::w], Fi::shape[1], st::w, di::w, pad::left, pad::right);

  /// The geometry (forward) of a call that passed conv2d_call(): in_* are the op's input, out_*
  /// its derived output, pad_top/pad_left the padding before the input.
  static constexpr detail::conv_geometry geometry() {
    constexpr int out_h = int(h), out_w = int(w);
    return detail::conv_geometry{
        .batch = In::shape[ax::n],
        .in_h = In::shape[ax::h],
        .in_w = In::shape[ax::w],
        .in_c = In::shape[ax::c],
        .out_h = out_h,
        .out_w = out_w,
        .out_c = Fi::shape[3],
        .k_h = Fi::shape[0],
        .k_w = Fi::shape[1],
        .stride_h = st::h,
        .stride_w = st::w,
        .dilation_h = di::h,
        .dilation_w = di::w,
        .pad_top = detail::forward_padding_before(pad::kind, In::shape[ax::h], out_h, Fi::shape[0], st::h, di::h,
                                                  pad::top),
        .pad_left = detail::forward_padding_before(pad::kind, In::shape[ax::w], out_w, Fi::shape[1], st::w, di::w,
                                                   pad::left),
        .format = Format::kind,
        .forward = true,
    };
  }
};

/// Every rule of conv2d (and, with Op = atrous_conv2d_op, of the conv2d that atrous_conv2d is), in
/// order. True when all hold.
template <class Op, class Input, class Filters, class Strides, class Padding, class Format, class Dilations>
constexpr bool conv2d_call() {
  using In = std::remove_cvref_t<Input>;
  using Fi = std::remove_cvref_t<Filters>;
  using ax = format_axes<Format>;
  // kinds of the arguments
  if constexpr (!required_arguments_given<Op, !std::is_same_v<Strides, missing_argument> &&
                                                  !std::is_same_v<Padding, missing_argument>>())
    return false;
  else if constexpr (!input_is_a_tensor<Op, is_tensor_like_v<In> || is_expression_v<In>>()) return false;
  else if constexpr (is_invalid_expression_v<In>) return false;  // the input's op already reported
  else if constexpr (!filters_is_a_tensor<Op, is_tensor_like_v<Fi>>()) return false;
  else if constexpr (!strides_is_strides<is_strides<Strides>::value, Op>()) return false;
  else if constexpr (!padding_is_a_padding<is_padding_v<Padding>, Op>()) return false;
  else if constexpr (!data_format_is_a_format<is_data_format_v<Format>, Op>()) return false;
  else if constexpr (!dilations_is_dilations<is_dilations<Dilations>::value, Op>()) return false;
  // A negative dimension is reported by the tensor type itself (tensor.hpp); stop silently.
  else if constexpr (!detail::has_valid_dimensions<In> || !detail::has_valid_dimensions<Fi>) return false;
  // ranks and element types
  else if constexpr (!input_has_rank_4<Op, int(In::shape.size())>()) return false;
  else if constexpr (!filters_have_rank_4<Op, Fi::rank>()) return false;
  else if constexpr (!element_type_is_float_or_double<Op, element_of<In>>()) return false;
  else if constexpr (!filters_element_type_matches_input<Op, element_of<In>, element_of<Fi>>()) return false;
  // counts and values of strides, dilations and padding
  else if constexpr (!strides_well_formed<Format, Strides, Op>()) return false;
  else if constexpr (!dilations_well_formed<Format, Dilations, Op>()) return false;
  else if constexpr (!explicit_padding_well_formed<Format, Padding, Op>()) return false;
  // relations between the shapes: filters [k_h, k_w, in_channels, out_channels]
  else if constexpr (!filters_in_channels_at_least_1<Op, Fi::shape[2]>()) return false;
  else if constexpr (!filters_out_channels_at_least_1<Op, Fi::shape[3]>()) return false;
  else if constexpr (!filters_in_channels_match_input_depth<Op, Fi::shape[2], In::shape[ax::c]>()) return false;
  else {
    using sizes = forward_sizes<Input, Filters, Strides, Padding, Format, Dilations>;
    // The sizes are printed as int (clamped to int's range; the sign is what the check tests).
    constexpr auto as_int = [](long long v) { return v < -2147483647LL ? -2147483647 : v > 2147483647LL ? 2147483647 : int(v); };
    if constexpr (!forward_output_size_is_non_negative<Op, spatial_dim::height, as_int(sizes::h)>()) return false;
    else return forward_output_size_is_non_negative<Op, spatial_dim::width, as_int(sizes::w)>();
  }
}

/// The rules atrous_conv2d adds before it becomes conv2d with strides 1 and dilations `rate`:
/// the kind, count and value of `rate`, SAME or VALID only, no data_format, no further arguments.
template <class Rate, class Padding, class... Extra>
constexpr bool atrous_conv2d_arguments() {
  using Op = atrous_conv2d_op;
  if constexpr (!rate_is_a_rate<is_rate<Rate>::value, Op>()) return false;
  else if constexpr (!rate_is_one_value<Op, Rate::count>()) return false;
  else if constexpr (!rate_is_at_least_1<Op, Rate::values[0]>()) return false;
  else if constexpr (!atrous_padding_is_same_or_valid<std::is_same_v<Padding, same_t> ||
                                                          std::is_same_v<Padding, valid_t>,
                                                      Op>())
    return false;
  else if constexpr (!atrous_takes_no_data_format<!(is_data_format_v<Extra> || ...), Op>()) return false;
  else return atrous_conv2d_takes_at_most_four_arguments<sizeof...(Extra) == 0>();
}

/// The geometry (forward) of a call that passed conv2d_call() (forward_sizes::geometry).
template <class Input, class Filters, class Strides, class Padding, class Format, class Dilations>
constexpr detail::conv_geometry make_forward_geometry() {
  return forward_sizes<Input, Filters, Strides, Padding, Format, Dilations>::geometry();
}

}  // namespace convt::checks
