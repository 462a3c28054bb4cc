// convt/expr/binary_expr.hpp (expression node): an element-wise function of two expressions of the
// same shape and element type (+, -, *, min, max); a scalar operand is a constant_expr of that
// shape.
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "evaluate.hpp"
#include "expression.hpp"
#include "functions.hpp"
#include "tensor_leaf.hpp"

namespace convt::inline CONVT_ABI {

/// One value repeated over a shape: the scalar side of `0.5f * e` or `e - 1.0f`.
template <class T, auto constant_shape>
struct constant_expr {
  using is_convt_expression = void;
  using value_type = T;
  static constexpr bool valid = true;
  static constexpr auto shape = constant_shape;
  using result_type = typename detail::tensor_of_shape<T, shape>::type;
  static constexpr int convolutions = 0;

  T value;

  template <class S, class P>
  constexpr S at(P /*where*/, S /*fused*/) const noexcept {
    return S(value);
  }
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    f(*this);
  }
  bool reads(const void* /*begin*/, const void* /*end*/) const noexcept { return false; }
  constexpr void evaluate_into(T* out) const noexcept { detail::evaluate_elementwise(*this, out); }
};
static_assert(detail::expression_node<constant_expr<float, std::array<int, 2>{2, 3}>>);

/// function(left, right), element by element.
template <class Function, class Left, class Right>
struct binary_expr {
  using is_convt_expression = void;
  using value_type = typename Left::value_type;
  static constexpr bool valid = true;
  static constexpr auto shape = Left::shape;
  using result_type = typename detail::tensor_of_shape<value_type, shape>::type;
  static constexpr int convolutions = Left::convolutions + Right::convolutions;

  Function function;
  Left left;
  Right right;

  template <class S, class P>
  constexpr S at(P where, S fused) const noexcept {
    return function(left.at(where, fused), right.at(where, fused));
  }
  /// The left operand's first convolution keeps the fused place; the right one's only when the
  /// left has none.
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    left.template bind<fuse>([&](const auto& left_bound) {
      using L = std::remove_cvref_t<decltype(left_bound)>;
      right.template bind<fuse && L::convolutions == 0>([&](const auto& right_bound) {
        f(binary_expr<Function, L, std::remove_cvref_t<decltype(right_bound)>>{function, left_bound, right_bound});
      });
    });
  }
  bool reads(const void* begin, const void* end) const noexcept {
    return left.reads(begin, end) || right.reads(begin, end);
  }
  constexpr const auto& fused_convolution() const noexcept {
    if constexpr (Left::convolutions > 0) return left.fused_convolution();
    else return right.fused_convolution();
  }
  constexpr void evaluate_into(value_type* out) const noexcept { detail::evaluate_elementwise(*this, out); }
};
static_assert(detail::expression_node<binary_expr<detail::fn::plus, tensor_leaf<float, std::array<int, 2>{2, 3}>,
                                                  constant_expr<float, std::array<int, 2>{2, 3}>>>);

}  // namespace convt
