// convt/checks/conv2d_transpose_call.hpp (checks): the order in which a call's rules are checked,
// and the conv_geometry built from a call that passed them.
//
// The chain is a run of `if constexpr (!check<...>()) return false;`: a failing check raises its
// static_assert and stops the chain, so later checks (which may rely on the earlier ones, e.g. on
// the rank being 4) are never instantiated and the user reads exactly one error.
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "../data_format.hpp"
#include "../expr/expression.hpp"
#include "../output_shape.hpp"
#include "../padding.hpp"
#include "../prepacked.hpp"
#include "../shape_rules.hpp"
#include "../tensor.hpp"
#include "../window.hpp"
#include "argument_kinds.hpp"
#include "argument_values.hpp"
#include "ops.hpp"
#include "shape_relations.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

/// Positions of N, H, W, C in a 4-value list written in the data format's order.
template <class Format>
struct format_axes {
  static constexpr bool nchw = std::is_same_v<Format, nchw_t>;
  static constexpr int n = 0, c = nchw ? 1 : 3, h = nchw ? 2 : 1, w = nchw ? 3 : 2;
};

/// (H, W) of a strides/dilations list of 1, 2 or 4 values, as TensorFlow reads it.
template <class Format, class Window>
struct window_hw {
  static constexpr auto& v = Window::values;
  static constexpr int h = Window::count == 1 ? v[0] : Window::count == 2 ? v[0] : v[format_axes<Format>::h];
  static constexpr int w = Window::count == 1 ? v[0] : Window::count == 2 ? v[1] : v[format_axes<Format>::w];
};

/// The padding kind and the explicit [before, after] pairs (all 0 unless explicit).
template <class Format, class Padding>
struct padding_numbers {
  static constexpr detail::padding_kind kind = detail::padding_kind::same;
  static constexpr int top = 0, bottom = 0, left = 0, right = 0;
};
template <class Format>
struct padding_numbers<Format, valid_t> {
  static constexpr detail::padding_kind kind = detail::padding_kind::valid;
  static constexpr int top = 0, bottom = 0, left = 0, right = 0;
};
template <class Format, int... V>
struct padding_numbers<Format, explicit_padding_t<V...>> {
  static constexpr detail::padding_kind kind = detail::padding_kind::explicit_;
  // Pair p of TensorFlow's 4 [before, after] pairs is values[2p], values[2p + 1].
  static constexpr auto& v = explicit_padding_t<V...>::values;
  static constexpr int top = v[2 * format_axes<Format>::h], bottom = v[2 * format_axes<Format>::h + 1];
  static constexpr int left = v[2 * format_axes<Format>::w], right = v[2 * format_axes<Format>::w + 1];
};

template <class X>
using element_of = typename std::remove_cvref_t<X>::value_type;

/// The rules of a strides list: 1, 2 or 4 values, batch and channel entries 1, every stride >= 1.
/// Op names the op in the messages (conv2d_transpose or conv2d).
template <class Format, class Strides, class Op = conv2d_transpose_op>
constexpr bool strides_well_formed() {
  using ax = format_axes<Format>;
  if constexpr (!strides_have_1_2_or_4_values<Op, Strides::count>()) return false;
  else if constexpr (Strides::count == 4) {
    if constexpr (!strides_batch_and_channel_are_1<Op, Strides::values[ax::n], Strides::values[ax::c]>()) return false;
    else return strides_are_at_least_1<Op, window_hw<Format, Strides>::h, window_hw<Format, Strides>::w>();
  } else {
    return strides_are_at_least_1<Op, window_hw<Format, Strides>::h, window_hw<Format, Strides>::w>();
  }
}

/// The same rules for a dilations list.
template <class Format, class Dilations, class Op = conv2d_transpose_op>
constexpr bool dilations_well_formed() {
  using ax = format_axes<Format>;
  if constexpr (!dilations_have_1_2_or_4_values<Op, Dilations::count>()) return false;
  else if constexpr (Dilations::count == 4) {
    if constexpr (!dilations_batch_and_channel_are_1<Op, Dilations::values[ax::n], Dilations::values[ax::c]>())
      return false;
    else return dilations_are_at_least_1<Op, window_hw<Format, Dilations>::h, window_hw<Format, Dilations>::w>();
  } else {
    return dilations_are_at_least_1<Op, window_hw<Format, Dilations>::h, window_hw<Format, Dilations>::w>();
  }
}

/// Explicit padding's own rules (nothing to check for same and valid).
template <class Format, class Padding, class Op = conv2d_transpose_op>
constexpr bool explicit_padding_well_formed() {
  if constexpr (!is_explicit_padding<Padding>::value) return true;
  else if constexpr (!explicit_padding_has_8_values<Op, Padding::count>()) return false;
  else {
    using ax = format_axes<Format>;
    constexpr auto& v = Padding::values;
    if constexpr (!explicit_padding_batch_and_channel_are_0<Op, v[2 * ax::n], v[2 * ax::n + 1], v[2 * ax::c],
                                                            v[2 * ax::c + 1]>())
      return false;
    else {
      using pad = padding_numbers<Format, Padding>;
      return explicit_padding_is_non_negative<Op, pad::top, pad::bottom, pad::left, pad::right>();
    }
  }
}

/// Every rule of conv2d_transpose (and, with Op = atrous_conv2d_transpose_op, of the
/// conv2d_transpose that atrous_conv2d_transpose is), in order. True when all hold.
template <class Op, class Input, class Filters, class OutputShape, class Strides, class Padding, class Format,
          class Dilations>
constexpr bool conv2d_transpose_call() {
  using In = std::remove_cvref_t<Input>;
  using Fi = std::remove_cvref_t<Filters>;
  using ax = format_axes<Format>;
  // kinds of the arguments
  if constexpr (!required_arguments_given<Op, !std::is_same_v<OutputShape, missing_argument> &&
                                                  !std::is_same_v<Strides, missing_argument>>())
    return false;
  else if constexpr (!input_is_a_tensor<Op, is_tensor_like_v<In> || is_expression_v<In>>()) return false;
  else if constexpr (is_invalid_expression_v<In>) return false;  // the input's op already reported
  else if constexpr (!filters_is_a_tensor<Op, is_tensor_like_v<Fi> || is_prepacked_filters<Fi>::value>()) return false;
  else if constexpr (!output_shape_is_an_output_shape<Op, is_output_shape<OutputShape>::value>()) return false;
  else if constexpr (!strides_is_strides<is_strides<Strides>::value>()) return false;
  else if constexpr (!padding_is_a_padding<is_padding_v<Padding>>()) return false;
  else if constexpr (!data_format_is_a_format<is_data_format_v<Format>>()) return false;
  else if constexpr (!dilations_is_dilations<is_dilations<Dilations>::value>()) return false;
  // A negative dimension is reported by the tensor type itself, where an object of it is created
  // (tensor.hpp); the chain stops silently so that the user reads that one message only.
  else if constexpr (!detail::has_valid_dimensions<In> || !detail::has_valid_dimensions<Fi>) return false;
  // ranks and element types
  else if constexpr (!input_has_rank_4<Op, int(In::shape.size())>()) return false;
  else if constexpr (!filters_have_rank_4<Op, Fi::rank>()) return false;
  else if constexpr (!output_shape_has_4_values<Op, OutputShape::count>()) return false;
  else if constexpr (!element_type_is_float_or_double<Op, element_of<In>>()) return false;
  else if constexpr (!filters_element_type_matches_input<Op, element_of<In>, element_of<Fi>>()) return false;
  // counts and values of strides, dilations, padding and output_shape
  else if constexpr (!strides_well_formed<Format, Strides>()) return false;
  else if constexpr (!dilations_well_formed<Format, Dilations>()) return false;
  else if constexpr (!explicit_padding_well_formed<Format, Padding>()) return false;
  else if constexpr (!output_shape_is_non_negative<Op, OutputShape::values[ax::n], OutputShape::values[ax::h],
                                                   OutputShape::values[ax::w], OutputShape::values[ax::c]>())
    return false;
  // relations between the shapes
  else if constexpr (!filters_out_channels_at_least_1<Op, Fi::shape[2]>()) return false;
  else if constexpr (!filters_in_channels_match_input_depth<Op, Fi::shape[3], In::shape[ax::c]>()) return false;
  else if constexpr (!output_depth_matches_filters_out_channels<Op, OutputShape::values[ax::c], Fi::shape[2]>())
    return false;
  else if constexpr (!output_batch_matches_input_batch<Op, OutputShape::values[ax::n], In::shape[ax::n]>())
    return false;
  else {
    using pad = padding_numbers<Format, Padding>;
    using st = window_hw<Format, Strides>;
    using di = window_hw<Format, Dilations>;
    constexpr auto rows =
        detail::accepted_output_sizes(pad::kind, In::shape[ax::h], Fi::shape[0], st::h, di::h, pad::top, pad::bottom);
    constexpr auto cols =
        detail::accepted_output_sizes(pad::kind, In::shape[ax::w], Fi::shape[1], st::w, di::w, pad::left, pad::right);
    if constexpr (!output_size_is_accepted<Op, spatial_dim::height, pad::kind, rows.first, rows.last,
                                           OutputShape::values[ax::h]>())
      return false;
    else
      return output_size_is_accepted<Op, spatial_dim::width, pad::kind, cols.first, cols.last,
                                     OutputShape::values[ax::w]>();
  }
}

/// The rules atrous_conv2d_transpose adds before it becomes conv2d_transpose with strides 1 and
/// dilations `rate`: the kind, count and value of `rate`, SAME or VALID only, no data_format and
/// no further arguments.
template <class Rate, class Padding, class... Extra>
constexpr bool atrous_conv2d_transpose_arguments() {
  if constexpr (!rate_is_a_rate<is_rate<Rate>::value>()) return false;
  else if constexpr (!rate_is_one_value<atrous_conv2d_transpose_op, Rate::count>()) return false;
  else if constexpr (!rate_is_at_least_1<atrous_conv2d_transpose_op, Rate::values[0]>()) return false;
  else if constexpr (!atrous_padding_is_same_or_valid<std::is_same_v<Padding, same_t> ||
                                                      std::is_same_v<Padding, valid_t>>())
    return false;
  else if constexpr (!atrous_takes_no_data_format<!(is_data_format_v<Extra> || ...)>()) return false;
  else return atrous_takes_at_most_five_arguments<sizeof...(Extra) == 0>();
}

/// The geometry of a call that passed conv2d_transpose_call().
template <class Input, class Filters, class OutputShape, class Strides, class Padding, class Format, class Dilations>
constexpr detail::conv_geometry make_geometry() {
  using In = std::remove_cvref_t<Input>;
  using Fi = std::remove_cvref_t<Filters>;
  using ax = format_axes<Format>;
  using pad = padding_numbers<Format, Padding>;
  using st = window_hw<Format, Strides>;
  using di = window_hw<Format, Dilations>;
  constexpr auto& os = OutputShape::values;
  return detail::conv_geometry{
      .batch = In::shape[ax::n],
      .in_h = In::shape[ax::h],
      .in_w = In::shape[ax::w],
      .in_c = In::shape[ax::c],
      .out_h = os[ax::h],
      .out_w = os[ax::w],
      .out_c = os[ax::c],
      .k_h = Fi::shape[0],
      .k_w = Fi::shape[1],
      .stride_h = st::h,
      .stride_w = st::w,
      .dilation_h = di::h,
      .dilation_w = di::w,
      .pad_top = detail::padding_before(pad::kind, In::shape[ax::h], os[ax::h], Fi::shape[0], st::h, di::h, pad::top),
      .pad_left = detail::padding_before(pad::kind, In::shape[ax::w], os[ax::w], Fi::shape[1], st::w, di::w, pad::left),
      .format = Format::kind,
  };
}

}  // namespace convt::checks
