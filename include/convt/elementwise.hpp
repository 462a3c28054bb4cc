// convt/elementwise.hpp (API): element-wise operations on expressions and tensors.
//
//   a + b, a - b, a * b        same shape and element type; either side may be a number
//   -a
//   convt::min(a, b), convt::max(a, b)          (NaN if either is NaN)
//   convt::relu(x), convt::relu6(x), convt::leaky_relu(x, alpha = 0.2), convt::clamp(x, lo, hi),
//   convt::sigmoid(x), convt::tanh(x)
//
// Operands are convt expressions, convt::tensor or convt::tensor_view; numbers are converted to
// the element type (as TensorFlow converts Python numbers). Each returns a lazy expression
// (expr/unary_expr.hpp, expr/binary_expr.hpp) evaluated in one pass by eval/assign; around a
// convolution it runs in the convolution's store (expr/evaluate.hpp). Tensors are read where they
// are: they must outlive the evaluation.
#pragma once

#include "abi.hpp"

#include <type_traits>

#include "checks/elementwise.hpp"
#include "expr/binary_expr.hpp"
#include "expr/expression.hpp"
#include "expr/functions.hpp"
#include "expr/tensor_leaf.hpp"
#include "expr/unary_expr.hpp"

namespace convt::inline CONVT_ABI {

namespace detail {

template <class Op, class X, class Function>
constexpr auto make_unary(const X& x, Function function) noexcept {
  if constexpr (checks::elementwise_operand<Op, X>()) return unary_expr<Function, node_of<X>>{function, as_node(x)};
  else return invalid_expression{};
}

/// Element type of an operand that passed checks::elementwise_operand.
template <class X>
using operand_element = typename std::remove_cvref_t<X>::value_type;

template <class Op, class Function, class A, class B>
constexpr auto make_binary(const A& a, const B& b) noexcept {
  if constexpr (!checks::binary_call<Op, A, B>()) {
    return invalid_expression{};
  } else if constexpr (checks::is_operand_v<A> && checks::is_operand_v<B>) {
    return binary_expr<Function, node_of<A>, node_of<B>>{{}, as_node(a), as_node(b)};
  } else if constexpr (checks::is_operand_v<A>) {
    using N = node_of<A>;
    using T = typename N::value_type;
    return binary_expr<Function, N, constant_expr<T, N::shape>>{{}, as_node(a), {T(b)}};
  } else {
    using N = node_of<B>;
    using T = typename N::value_type;
    return binary_expr<Function, constant_expr<T, N::shape>, N>{{}, {T(a)}, as_node(b)};
  }
}

/// The operators apply when one side is a convt operand (so they never capture other types).
template <class A, class B>
concept elementwise_operands = checks::is_operand_v<A> || checks::is_operand_v<B>;

template <class Op, class X, class... Numbers>
constexpr bool unary_with_numbers() {
  if constexpr (!checks::elementwise_operand<Op, X>()) return false;
  else return checks::scalar_is_a_number<Op, (std::is_arithmetic_v<Numbers> && ...)>();
}

}  // namespace detail

template <class A, class B>
  requires detail::elementwise_operands<A, B>
constexpr auto operator+(const A& a, const B& b) noexcept {
  return detail::make_binary<checks::plus_op, detail::fn::plus>(a, b);
}
template <class A, class B>
  requires detail::elementwise_operands<A, B>
constexpr auto operator-(const A& a, const B& b) noexcept {
  return detail::make_binary<checks::minus_op, detail::fn::minus>(a, b);
}
template <class A, class B>
  requires detail::elementwise_operands<A, B>
constexpr auto operator*(const A& a, const B& b) noexcept {
  return detail::make_binary<checks::multiplies_op, detail::fn::multiplies>(a, b);
}
template <class X>
  requires checks::is_operand_v<X>
constexpr auto operator-(const X& x) noexcept {
  return detail::make_unary<checks::negate_op>(x, detail::fn::negate{});
}

/// tf.math.minimum / tf.math.maximum, element by element (NaN if either operand is NaN).
template <class A, class B>
  requires detail::elementwise_operands<A, B>
constexpr auto min(const A& a, const B& b) noexcept {
  return detail::make_binary<checks::min_op, detail::fn::min>(a, b);
}
template <class A, class B>
  requires detail::elementwise_operands<A, B>
constexpr auto max(const A& a, const B& b) noexcept {
  return detail::make_binary<checks::max_op, detail::fn::max>(a, b);
}

/// tf.nn.relu: max(x, 0).
template <class X>
constexpr auto relu(const X& x) noexcept {
  return detail::make_unary<checks::relu_op>(x, detail::fn::relu{});
}
/// tf.nn.relu6: min(max(x, 0), 6).
template <class X>
constexpr auto relu6(const X& x) noexcept {
  return detail::make_unary<checks::relu6_op>(x, detail::fn::relu6{});
}
/// tf.nn.leaky_relu: x where x > 0, alpha * x elsewhere (TensorFlow's default alpha, 0.2).
template <class X, class Alpha = double>
constexpr auto leaky_relu(const X& x, Alpha alpha = 0.2) noexcept {
  if constexpr (detail::unary_with_numbers<checks::leaky_relu_op, X, Alpha>()) {
    using T = detail::operand_element<X>;
    return unary_expr<detail::fn::leaky_relu<T>, detail::node_of<X>>{{T(alpha)}, detail::as_node(x)};
  } else {
    return invalid_expression{};
  }
}
/// tf.clip_by_value: max(min(x, hi), lo).
template <class X, class Low, class High>
constexpr auto clamp(const X& x, Low lo, High hi) noexcept {
  if constexpr (detail::unary_with_numbers<checks::clamp_op, X, Low, High>()) {
    using T = detail::operand_element<X>;
    return unary_expr<detail::fn::clamp<T>, detail::node_of<X>>{{T(lo), T(hi)}, detail::as_node(x)};
  } else {
    return invalid_expression{};
  }
}
/// tf.math.sigmoid: 1 / (1 + exp(-x)). Run time only (std::exp is not constexpr).
template <class X>
constexpr auto sigmoid(const X& x) noexcept {
  return detail::make_unary<checks::sigmoid_op>(x, detail::fn::sigmoid{});
}
/// tf.math.tanh. Run time only (std::tanh is not constexpr).
template <class X>
constexpr auto tanh(const X& x) noexcept {
  return detail::make_unary<checks::tanh_op>(x, detail::fn::tanh{});
}

}  // namespace convt
