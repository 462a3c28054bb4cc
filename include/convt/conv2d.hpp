// convt/conv2d.hpp (API): the forward ops, with TensorFlow's argument order and defaults.
//
//   convt::conv2d(input, filters, strides, padding, data_format = convt::nhwc, dilations = convt::dilations<1>)
//   convt::atrous_conv2d(value, filters, rate, padding)
//
// Both check every rule at compile time (checks/conv2d_call.hpp) and return a lazy expression
// (expr/convolution_expr.hpp) whose shape is derived from the arguments, as TensorFlow derives it; a
// call that breaks a rule fails with that rule's message and returns an inert invalid_expression.
// They are the adjoints of conv2d_transpose and atrous_conv2d_transpose with the same filters
// tensor and arguments: TensorFlow's forward filters [k_h, k_w, in_c, out_c] are the transpose's
// [k_h, k_w, out_c, in_c] read the other way round.
#pragma once

#include "abi.hpp"
#include "checks/conv2d_call.hpp"
#include "data_format.hpp"
#include "expr/convolution_expr.hpp"
#include "expr/expression.hpp"
#include "expr/tensor_leaf.hpp"
#include "padding.hpp"
#include "tensor.hpp"
#include "window.hpp"

namespace convt::inline CONVT_ABI {

namespace detail {

template <class Op, class Input, class Filters, class Strides, class Padding, class Format, class Dilations>
constexpr auto make_conv2d(const Input& input, const Filters& filters) noexcept {
  if constexpr (checks::conv2d_call<Op, Input, Filters, Strides, Padding, Format, Dilations>()) {
    constexpr conv_geometry g = checks::make_forward_geometry<Input, Filters, Strides, Padding, Format, Dilations>();
    using T = typename Input::value_type;
    return conv2d_expr<g, T, node_of<Input>>{as_node(input), filters.data()};
  } else {
    return invalid_expression{};
  }
}

}  // namespace detail

/// TensorFlow's tf.nn.conv2d (no groups: the filters' in_channels equal the input depth).
///   input:       tensor or tensor_view, [N, H, W, C_in] (NHWC) or [N, C_in, H, W] (NCHW), float or double
///   filters:     tensor or tensor_view [k_h, k_w, C_in, C_out], same element type
///   strides:     convt::strides<...>, 1, 2 or 4 values (required, as in TensorFlow)
///   padding:     convt::same, convt::valid or convt::explicit_padding<...> (8 values) (required)
///   data_format: convt::nhwc (default) or convt::nchw
///   dilations:   convt::dilations<...> (default 1), 1, 2 or 4 values
/// Returns a lazy expression of shape [N, O_h, O_w, C_out] (NHWC) or [N, C_out, O_h, O_w] (NCHW),
/// O per spatial axis: SAME ceil(I / s), VALID (I - e + s) / s, EXPLICIT (I + pb + pa - e + s) / s.
template <class Input, class Filters, class Strides = checks::missing_argument,
          class Padding = checks::missing_argument, class DataFormat = nhwc_t, class Dilations = dilations_t<1>,
          class... Extra>
constexpr auto conv2d(const Input& input, const Filters& filters, Strides /*strides*/ = {}, Padding /*padding*/ = {},
                      DataFormat /*data_format*/ = {}, Dilations /*dilations*/ = {}, Extra... /*nothing more*/) noexcept {
  if constexpr (checks::conv2d_takes_at_most_six_arguments<sizeof...(Extra) == 0>()) {
    return detail::make_conv2d<checks::conv2d_op, Input, Filters, Strides, Padding, DataFormat, Dilations>(input,
                                                                                                            filters);
  } else {
    return invalid_expression{};
  }
}

/// TensorFlow's tf.nn.atrous_conv2d: conv2d with strides 1 and dilations `rate`, NHWC only, SAME
/// or VALID only.
///   value:   tensor or tensor_view [N, H, W, C_in], float or double
///   filters: tensor or tensor_view [k_h, k_w, C_in, C_out], same element type
///   rate:    convt::rate<r>, r >= 1 (required)
///   padding: convt::same or convt::valid (required)
/// Result [N, O_h, O_w, C_out]: SAME O = H, VALID O = H - (k - 1) * rate.
template <class Value, class Filters, class Rate = checks::missing_argument, class Padding = checks::missing_argument,
          class... Extra>
constexpr auto atrous_conv2d(const Value& value, const Filters& filters, Rate /*rate*/ = {}, Padding /*padding*/ = {},
                             Extra... /*nothing more*/) noexcept {
  if constexpr (!checks::required_arguments_given<checks::atrous_conv2d_op,
                                                  !std::is_same_v<Rate, checks::missing_argument> &&
                                                      !std::is_same_v<Padding, checks::missing_argument>>()) {
    return invalid_expression{};
  } else if constexpr (checks::atrous_conv2d_arguments<Rate, Padding, Extra...>()) {
    return detail::make_conv2d<checks::atrous_conv2d_op, Value, Filters, strides_t<1>, Padding, nhwc_t,
                               dilations_t<Rate::values[0]>>(value, filters);
  } else {
    return invalid_expression{};
  }
}

}  // namespace convt
