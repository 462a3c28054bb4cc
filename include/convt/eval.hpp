// convt/eval.hpp (API): the three ways to evaluate an expression.
//
//   auto y = convt::eval(expr);               // a new convt::tensor of the expression's shape
//   convt::assign(dst, expr);                 // into a tensor or a non-const view of that shape
//   convt::tensor<T, dims...> y = expr;       // converting construction (and y = expr;)
#pragma once

#include "config.hpp"

#include <type_traits>

#include "checks/assign.hpp"
#include "expr/expression.hpp"
#include "tensor.hpp"

namespace convt::inline CONVT_ABI {

namespace detail {

template <class Dst>
constexpr bool writable_elements() {
  using D = std::remove_cvref_t<Dst>;
  if constexpr (is_tensor_view<D>::value) return !std::is_const_v<std::remove_pointer_t<decltype(D{nullptr}.data())>>;
  else return !std::is_const_v<std::remove_reference_t<Dst>>;
}

/// The rules of assign(dst, expr), in order; true when all hold.
template <class Dst, class Expression>
constexpr bool assign_call() {
  using D = std::remove_cvref_t<Dst>;
  using E = std::remove_cvref_t<Expression>;
  if constexpr (!checks::assigned_value_is_an_expression<is_expression_v<E>>()) return false;
  else if constexpr (!E::valid) return false;  // the op already reported its error
  else if constexpr (!checks::destination_is_a_tensor<is_tensor_like_v<D>>()) return false;
  else if constexpr (!checks::destination_is_writable<writable_elements<Dst>()>()) return false;
  else if constexpr (!checks::destination_shape_matches<D::shape, E::shape>()) return false;
  else return checks::destination_element_type_matches<std::is_same_v<typename D::value_type, typename E::value_type>>();
}

}  // namespace detail

/// Evaluates `expression` into a new convt::tensor of its shape and element type.
template <class Expression>
constexpr auto eval(const Expression& expression) noexcept {
  using E = std::remove_cvref_t<Expression>;
  static_assert(is_expression_v<E>, "convt::eval(expr) requires 'expr' to be a convt expression, such as the result "
                                    "of convt::conv2d_transpose");
  if constexpr (!is_expression_v<E>) {
    return invalid_expression{};
  } else if constexpr (!E::valid) {
    return invalid_expression{};
  } else {
    typename E::result_type result;
    expression.evaluate_into(result.data());
    return result;
  }
}

/// Evaluates `expression` into `destination`: a convt::tensor or a tensor_view of non-const
/// elements, of exactly the expression's shape and element type.
///
/// Aliasing: when the destination overlaps memory the expression reads (an input, filters, a bias:
/// `convt::assign(x, convt::relu(x))`, or a view into an input), the result is computed into a
/// temporary convt::tensor of the expression's shape on the stack and then copied, so the result is
/// always that of the expression's inputs as they were before the call. The check compares
/// addresses; in a constant expression (where it cannot) the temporary is always used. Defining
/// CONVT_ASSUME_NO_ALIASING (config.hpp) removes the check and the temporary (a stack budget for
/// small targets): the destination must then not overlap what the expression reads.
template <class Destination, class Expression>
constexpr void assign(Destination&& destination, const Expression& expression) noexcept {
  if constexpr (detail::assign_call<Destination, Expression>()) {
    using E = std::remove_cvref_t<Expression>;
    auto* out = destination.data();
    constexpr auto n = std::remove_cvref_t<Destination>::size();
#if defined(CONVT_ASSUME_NO_ALIASING)
    constexpr bool check_aliasing = false;
#else
    constexpr bool check_aliasing = true;
#endif
    if (std::is_constant_evaluated() || (check_aliasing && expression.reads(out, out + n))) {
      const typename E::result_type result(expression);
      for (std::size_t i = 0; i < n; ++i) out[i] = result.data()[i];
    } else {
      expression.evaluate_into(out);
    }
  }
}

template <class T, int... D>
template <class Expression>
  requires requires { typename std::remove_cvref_t<Expression>::is_convt_expression; }
constexpr tensor<T, D...>::tensor(const Expression& expression) noexcept {
  using E = std::remove_cvref_t<Expression>;
  if constexpr (E::valid) {
    if constexpr (checks::initialised_tensor_shape_matches<shape, E::shape>()) {
      if constexpr (checks::initialised_tensor_element_type_matches<std::is_same_v<T, typename E::value_type>>())
        expression.evaluate_into(storage);
    }
  }
}

template <class T, int... D>
template <class Expression>
  requires requires { typename std::remove_cvref_t<Expression>::is_convt_expression; }
constexpr tensor<T, D...>& tensor<T, D...>::operator=(const Expression& expression) noexcept {
  assign(*this, expression);
  return *this;
}

}  // namespace convt
