// convt/checks/elementwise.hpp (checks): the rules of the element-wise ops and bias_add, each a
// named check with its own message, and the order they are checked in.
//
// As for the convolutions (checks/ops.hpp), the first failing check stops the chain and
// the op returns an invalid_expression, so a misuse reads as one error. An operand that is an
// invalid_expression (an inner op already failed) stops the chain silently.
#pragma once

#include "../abi.hpp"

#include <type_traits>

#include "../data_format.hpp"
#include "../expr/expression.hpp"
#include "../tensor.hpp"
#include "ops.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

// Which op a check reports for. The message starts with the op as the user wrote it.
struct relu_op {};
struct relu6_op {};
struct leaky_relu_op {};
struct clamp_op {};
struct sigmoid_op {};
struct tanh_op {};
struct negate_op {};
struct plus_op {};
struct minus_op {};
struct multiplies_op {};
struct min_op {};
struct max_op {};
struct bias_add_op {};

#define CONVT_ELEMENTWISE_REQUIRE(Op, condition, unary_text, binary_text)                                   \
  if constexpr (std::is_same_v<Op, relu_op>) static_assert(condition, "convt::relu(x) requires " unary_text); \
  else if constexpr (std::is_same_v<Op, relu6_op>) static_assert(condition, "convt::relu6(x) requires " unary_text); \
  else if constexpr (std::is_same_v<Op, leaky_relu_op>)                                                      \
    static_assert(condition, "convt::leaky_relu(x, alpha) requires " unary_text);                            \
  else if constexpr (std::is_same_v<Op, clamp_op>) static_assert(condition, "convt::clamp(x, lo, hi) requires " unary_text); \
  else if constexpr (std::is_same_v<Op, sigmoid_op>) static_assert(condition, "convt::sigmoid(x) requires " unary_text); \
  else if constexpr (std::is_same_v<Op, tanh_op>) static_assert(condition, "convt::tanh(x) requires " unary_text); \
  else if constexpr (std::is_same_v<Op, negate_op>) static_assert(condition, "convt: '-x' requires " unary_text); \
  else if constexpr (std::is_same_v<Op, plus_op>) static_assert(condition, "convt: 'a + b' requires " binary_text); \
  else if constexpr (std::is_same_v<Op, minus_op>) static_assert(condition, "convt: 'a - b' requires " binary_text); \
  else if constexpr (std::is_same_v<Op, multiplies_op>) static_assert(condition, "convt: 'a * b' requires " binary_text); \
  else if constexpr (std::is_same_v<Op, min_op>) static_assert(condition, "convt::min(a, b) requires " binary_text); \
  else if constexpr (std::is_same_v<Op, max_op>) static_assert(condition, "convt::max(a, b) requires " binary_text); \
  else static_assert(condition, "convt::bias_add(value, bias) requires " unary_text);

/// What an operand may be: an expression, a tensor or a tensor_view.
template <class X>
inline constexpr bool is_operand_v = is_expression_v<X> || is_tensor_like_v<X>;

template <class Op, bool is_operand>
constexpr bool operand_is_a_tensor_or_expression() {
  CONVT_ELEMENTWISE_REQUIRE(Op, is_operand, "'x' to be a convt expression, convt::tensor or convt::tensor_view",
                            "each operand to be a convt expression, convt::tensor, convt::tensor_view or a number")
  return is_operand;
}

template <class Op, class Element>
constexpr bool operand_elements_are_floating() {
  constexpr bool ok = std::is_same_v<Element, float> || std::is_same_v<Element, double>;
  CONVT_ELEMENTWISE_REQUIRE(Op, ok, "'x' elements to be float or double", "the operands' elements to be float or double")
  return ok;
}

template <class Op, bool is_number>
constexpr bool scalar_is_a_number() {
  CONVT_ELEMENTWISE_REQUIRE(Op, is_number, "its scalar parameters to be numbers (converted to the element type)",
                            "a scalar operand to be a number (it is converted to the other operand's element type)")
  return is_number;
}

// The shapes are template arguments so that the compiler prints both next to the message.
template <class Op, auto left_shape, auto right_shape>
constexpr bool operand_shapes_match() {
  constexpr bool same = shapes_equal(left_shape, right_shape);
  CONVT_ELEMENTWISE_REQUIRE(Op, same, "", "both operands to have the same shape (no broadcasting; use convt::bias_add "
                                          "to add a [C] vector)")
  return same;
}

template <class Op, bool same_element_type>
constexpr bool operand_element_types_match() {
  CONVT_ELEMENTWISE_REQUIRE(Op, same_element_type, "", "both operands to have the same element type")
  return same_element_type;
}

// ---- bias_add --------------------------------------------------------------------------------------

template <int value_rank>
constexpr bool bias_add_value_rank_at_least_2() {
  static_assert(value_rank >= 2, "convt::bias_add(value, bias) requires 'value' to have rank 2 or more "
                                 "(a channel axis after the batch axis)");
  return value_rank >= 2;
}

template <bool is_tensor>
constexpr bool bias_is_a_tensor() {
  static_assert(is_tensor, "convt::bias_add(value, bias) requires 'bias' to be a convt::tensor or convt::tensor_view");
  return is_tensor;
}

template <int bias_rank>
constexpr bool bias_rank_is_1() {
  static_assert(bias_rank == 1, "convt::bias_add(value, bias) requires 'bias' to have rank 1: [C]");
  return bias_rank == 1;
}

template <bool same_element_type>
constexpr bool bias_element_type_matches() {
  static_assert(same_element_type, "convt::bias_add(value, bias) requires 'bias' to have the element type of 'value'");
  return same_element_type;
}

template <bool is_format>
constexpr bool bias_add_data_format_is_a_format() {
  static_assert(is_format, "convt::bias_add(value, bias, data_format) requires 'data_format' to be convt::nhwc or "
                           "convt::nchw");
  return is_format;
}

/// The compiler prints both numbers next to the message.
template <int bias_length, int value_channels>
constexpr bool bias_length_matches_channels() {
  static_assert(bias_length == value_channels, "convt::bias_add(value, bias) requires 'bias' to have as many values "
                                               "as 'value' has channels (last axis for NHWC, axis 1 for NCHW)");
  return bias_length == value_channels;
}

// ---- the chains ------------------------------------------------------------------------------------

/// The rules of one operand of an element-wise op (an expression or tensor).
template <class Op, class X>
constexpr bool elementwise_operand() {
  using D = std::remove_cvref_t<X>;
  if constexpr (!operand_is_a_tensor_or_expression<Op, is_operand_v<D>>()) return false;
  else if constexpr (is_tensor_like_v<D> && !detail::has_valid_dimensions<D>) return false;  // already reported
  else if constexpr (is_invalid_expression_v<D>) return false;  // already reported
  else return operand_elements_are_floating<Op, typename D::value_type>();
}

/// The rules of a binary op; at least one side is a tensor or an expression (the overloads'
/// constraint), the other may be a number.
template <class Op, class A, class B>
constexpr bool binary_call() {
  using DA = std::remove_cvref_t<A>;
  using DB = std::remove_cvref_t<B>;
  constexpr bool a_operand = is_operand_v<DA>, b_operand = is_operand_v<DB>;
  if constexpr (a_operand && b_operand) {
    if constexpr (!elementwise_operand<Op, DA>() || !elementwise_operand<Op, DB>()) return false;
    else if constexpr (!operand_shapes_match<Op, DA::shape, DB::shape>()) return false;
    else return operand_element_types_match<Op, std::is_same_v<typename DA::value_type, typename DB::value_type>>();
  } else if constexpr (a_operand) {
    if constexpr (!elementwise_operand<Op, DA>()) return false;
    else return scalar_is_a_number<Op, std::is_arithmetic_v<DB>>();
  } else {
    if constexpr (!elementwise_operand<Op, DB>()) return false;
    else return scalar_is_a_number<Op, std::is_arithmetic_v<DA>>();
  }
}

template <class Value, class Bias, class Format>
constexpr bool bias_add_call() {
  using V = std::remove_cvref_t<Value>;
  using B = std::remove_cvref_t<Bias>;
  if constexpr (!elementwise_operand<bias_add_op, V>()) return false;
  else if constexpr (!bias_add_value_rank_at_least_2<int(V::shape.size())>()) return false;
  else if constexpr (!bias_is_a_tensor<is_tensor_like_v<B>>()) return false;
  else if constexpr (!detail::has_valid_dimensions<B>) return false;  // already reported
  else if constexpr (!bias_rank_is_1<B::rank>()) return false;
  else if constexpr (!bias_element_type_matches<std::is_same_v<typename B::value_type, typename V::value_type>>())
    return false;
  else if constexpr (!bias_add_data_format_is_a_format<is_data_format_v<Format>>()) return false;
  else {
    constexpr int channel_axis = std::is_same_v<Format, nchw_t> ? 1 : int(V::shape.size()) - 1;
    return bias_length_matches_channels<B::shape[0], V::shape[channel_axis]>();
  }
}

#undef CONVT_ELEMENTWISE_REQUIRE

}  // namespace convt::checks
