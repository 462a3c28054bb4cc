// convt/expr/tensor_leaf.hpp (expression node): a tensor or tensor_view used as an operand of an
// expression. It holds the caller's pointer: the tensor must outlive the evaluation, as with any
// expression template.
#pragma once

#include "../abi.hpp"

#include <array>
#include <cstddef>
#include <type_traits>

#include "expression.hpp"

namespace convt::inline CONVT_ABI {

/// The elements of a contiguous row-major tensor of `shape`, read where they are.
template <class T, auto leaf_shape>
struct tensor_leaf {
  using is_convt_expression = void;
  using value_type = T;
  static constexpr bool valid = true;
  static constexpr auto shape = leaf_shape;
  using result_type = typename detail::tensor_of_shape<T, shape>::type;
  static constexpr int convolutions = 0;

  const T* elements;

  template <class S, class P>
  constexpr S at(P where, S /*fused*/) const noexcept {
    using lanes = typename P::lanes;
    if constexpr (std::is_same_v<S, T>) return elements[where.offset];
    else if constexpr (std::is_void_v<lanes>) return S::load_unaligned(elements + where.offset);
    else return detail::vector_of_lanes<S>([&](int r) { return elements[where.offset + lanes::offset_of(r)]; });
  }
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    f(*this);
  }
  bool reads(const void* begin, const void* end) const noexcept {
    return detail::overlaps(elements, detail::shape_elements<shape>, begin, end);
  }
  constexpr void evaluate_into(T* out) const noexcept {
    for (std::ptrdiff_t i = 0; i < detail::shape_elements<shape>; ++i) out[i] = elements[i];
  }
};
static_assert(detail::expression_node<tensor_leaf<float, std::array<int, 2>{2, 3}>>);

namespace detail {

/// The node an operand becomes: an expression stays itself, a tensor or view becomes a leaf.
template <class X>
constexpr auto as_node(const X& operand) noexcept {
  if constexpr (is_expression_v<X>) return operand;
  else return tensor_leaf<typename X::value_type, X::shape>{operand.data()};
}

template <class X>
using node_of = decltype(as_node(std::declval<const X&>()));

}  // namespace detail
}  // namespace convt
