// convt/bias_add.hpp (API): tf.nn.bias_add.
//
//   convt::bias_add(value, bias)               value [N, ..., C] (NHWC), bias [C]
//   convt::bias_add(value, bias, convt::nchw)  value [N, C, ...]
//
// value is an expression, tensor or view of rank >= 2; bias a tensor or view of rank 1 with one
// value per channel, of value's element type. Returns a lazy expression
// (expr/bias_add_expr.hpp). Directly around a convolution (on its channel axis) it is folded into
// the convolution's sums; elsewhere around a convolution it runs in the convolution's store.
#pragma once

#include "abi.hpp"

#include <type_traits>

#include "checks/elementwise.hpp"
#include "data_format.hpp"
#include "expr/bias_add_expr.hpp"
#include "expr/expression.hpp"
#include "expr/tensor_leaf.hpp"

namespace convt::inline CONVT_ABI {

template <class Value, class Bias, class DataFormat = nhwc_t>
constexpr auto bias_add(const Value& value, const Bias& bias, DataFormat /*data_format*/ = {}) noexcept {
  if constexpr (checks::bias_add_call<Value, Bias, DataFormat>()) {
    using N = detail::node_of<Value>;
    constexpr int channel_axis = std::is_same_v<DataFormat, nchw_t> ? 1 : int(N::shape.size()) - 1;
    return bias_add_expr<N, channel_axis>{detail::as_node(value), bias.data()};
  } else {
    return invalid_expression{};
  }
}

}  // namespace convt
