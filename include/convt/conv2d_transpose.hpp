// convt/conv2d_transpose.hpp (API): the two ops, with TensorFlow's argument order and defaults.
//
//   convt::conv2d_transpose(input, filters, output_shape, strides,
//                           padding = convt::same, data_format = convt::nhwc, dilations = convt::dilations<1>)
//   convt::atrous_conv2d_transpose(value, filters, output_shape, rate, padding = convt::same)
//
// Both check every rule at compile time (checks/) and return a lazy expression
// (expr/convolution_expr.hpp); a call that breaks a rule fails with that rule's message and
// returns an inert invalid_expression so that nothing else fails after it.
#pragma once

#include "abi.hpp"
#include "checks/conv2d_transpose_call.hpp"
#include "data_format.hpp"
#include "expr/convolution_expr.hpp"
#include "expr/expression.hpp"
#include "expr/tensor_leaf.hpp"
#include "output_shape.hpp"
#include "padding.hpp"
#include "prepacked.hpp"
#include "tensor.hpp"
#include "window.hpp"

namespace convt::inline CONVT_ABI {

namespace detail {

template <class Op, class Input, class Filters, class OutputShape, class Strides, class Padding, class Format,
          class Dilations>
constexpr auto make_conv2d_transpose(const Input& input, const Filters& filters) noexcept {
  if constexpr (checks::conv2d_transpose_call<Op, Input, Filters, OutputShape, Strides, Padding, Format,
                                              Dilations>()) {
    constexpr conv_geometry g =
        checks::make_geometry<Input, Filters, OutputShape, Strides, Padding, Format, Dilations>();
    using T = typename Input::value_type;
    constexpr int filter_block = [] {
      if constexpr (is_prepacked_filters<Filters>::value) return Filters::block_channels;
      else return 0;
    }();
    return conv2d_transpose_expr<g, T, filter_block, detail::node_of<Input>>{detail::as_node(input), filters.data()};
  } else {
    return invalid_expression{};
  }
}

}  // namespace detail

/// TensorFlow's tf.nn.conv2d_transpose: the adjoint of conv2d with the same filters, strides,
/// dilations and padding.
///   input:        tensor, tensor_view or expression (see expr/convolution_expr.hpp),
///                 [N, H, W, C_in] (NHWC) or [N, C_in, H, W] (NCHW), float or double
///   filters:      tensor, tensor_view or prepacked_filters (convt::prepack), [k_h, k_w, C_out, C_in],
///                 same element type
///   output_shape: convt::output_shape<...>, 4 values in the data format's order
///   strides:      convt::strides<...>, 1, 2 or 4 values
///   padding:      convt::same (default), convt::valid or convt::explicit_padding<...> (8 values)
///   data_format:  convt::nhwc (default) or convt::nchw
///   dilations:    convt::dilations<...> (default 1), 1, 2 or 4 values
/// Returns a lazy expression of shape output_shape; evaluate it with convt::eval, convt::assign
/// or by initialising a convt::tensor from it.
template <class Input, class Filters, class OutputShape = checks::missing_argument,
          class Strides = checks::missing_argument, class Padding = same_t, class DataFormat = nhwc_t,
          class Dilations = dilations_t<1>, class... Extra>
constexpr auto conv2d_transpose(const Input& input, const Filters& filters, OutputShape /*output_shape*/ = {},
                                Strides /*strides*/ = {}, Padding /*padding*/ = {}, DataFormat /*data_format*/ = {},
                                Dilations /*dilations*/ = {}, Extra... /*nothing more*/) noexcept {
  if constexpr (checks::takes_at_most_seven_arguments<sizeof...(Extra) == 0>()) {
    return detail::make_conv2d_transpose<checks::conv2d_transpose_op, Input, Filters, OutputShape, Strides, Padding,
                                         DataFormat, Dilations>(input, filters);
  } else {
    return invalid_expression{};
  }
}

/// TensorFlow's tf.nn.atrous_conv2d_transpose: conv2d_transpose with strides 1 and dilations
/// `rate`, NHWC only, SAME or VALID only.
///   value:        tensor, tensor_view or expression [N, H, W, C_in], float or double
///   filters:      tensor or tensor_view [k_h, k_w, C_out, C_in], same element type
///   output_shape: convt::output_shape<N, O_h, O_w, C_out>; SAME needs O = H, VALID O = H + (k - 1) * rate
///   rate:         convt::rate<r>, r >= 1
///   padding:      convt::same (default) or convt::valid
template <class Value, class Filters, class OutputShape = checks::missing_argument,
          class Rate = checks::missing_argument, class Padding = same_t, class... Extra>
constexpr auto atrous_conv2d_transpose(const Value& value, const Filters& filters, OutputShape /*output_shape*/ = {},
                                       Rate /*rate*/ = {}, Padding /*padding*/ = {}, Extra... /*nothing more*/) noexcept {
  if constexpr (!checks::required_arguments_given<checks::atrous_conv2d_transpose_op,
                                                  !std::is_same_v<OutputShape, checks::missing_argument> &&
                                                      !std::is_same_v<Rate, checks::missing_argument>>()) {
    return invalid_expression{};
  } else if constexpr (checks::atrous_conv2d_transpose_arguments<Rate, Padding, Extra...>()) {
    return detail::make_conv2d_transpose<checks::atrous_conv2d_transpose_op, Value, Filters, OutputShape,
                                         strides_t<1>, Padding, nhwc_t, dilations_t<Rate::values[0]>>(value,
                                                                                                      filters);
  } else {
    return invalid_expression{};
  }
}

}  // namespace convt
