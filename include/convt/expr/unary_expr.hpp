// convt/expr/unary_expr.hpp (expression node): an element-wise function of one expression (relu,
// -e, sigmoid, ...).
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "evaluate.hpp"
#include "expression.hpp"
#include "functions.hpp"
#include "tensor_leaf.hpp"

namespace convt::inline CONVT_ABI {

/// function(operand), element by element; shape and element type are the operand's.
template <class Function, class Operand>
struct unary_expr {
  using is_convt_expression = void;
  using value_type = typename Operand::value_type;
  static constexpr bool valid = true;
  static constexpr auto shape = Operand::shape;
  using result_type = typename detail::tensor_of_shape<value_type, shape>::type;
  static constexpr int convolutions = Operand::convolutions;

  Function function;
  Operand operand;

  template <class S, class P>
  constexpr S at(P where, S fused) const noexcept {
    return function(operand.at(where, fused));
  }
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    operand.template bind<fuse>([&](const auto& bound) {
      f(unary_expr<Function, std::remove_cvref_t<decltype(bound)>>{function, bound});
    });
  }
  bool reads(const void* begin, const void* end) const noexcept { return operand.reads(begin, end); }
  constexpr const auto& fused_convolution() const noexcept { return operand.fused_convolution(); }
  constexpr void evaluate_into(value_type* out) const noexcept { detail::evaluate_elementwise(*this, out); }
};
static_assert(detail::expression_node<unary_expr<detail::fn::negate, tensor_leaf<float, std::array<int, 2>{2, 3}>>>);

}  // namespace convt
