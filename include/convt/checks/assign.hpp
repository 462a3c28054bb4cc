// convt/checks/assign.hpp (checks): the destination of convt::assign and of a tensor's
// initialisation from an expression (eval.hpp), each a named check with its own message.
#pragma once

#include "../abi.hpp"

#include "ops.hpp"

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

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

}  // namespace convt::checks
