// convt/kernels/input.hpp (kernel support): how kernels read their input.
//
// The input of a convolution is either memory (a pointer into a tensor) or an element-wise
// expression of tensors, such as relu(x) or bias_add(x, b): that expression is evaluated element
// by element as the kernel loads it (no temporary), through an expression_input cursor. Kernels
// move through the input with pointer arithmetic (`image + offset`) and load with read(p) (one
// element) or read_vector<V>(p) (L contiguous elements); both forms work on either kind.
#pragma once

#include "../abi.hpp"

#include <cstddef>

#include "../position.hpp"

namespace convt::inline CONVT_ABI::kernels {

using convt::position;

/// A position in an element-wise expression (expr/), read as if it were memory: element
/// `offset` of the expression's row-major result.
template <class Node>
struct expression_input {
  const Node* node;
  std::ptrdiff_t offset = 0;

  friend constexpr expression_input operator+(expression_input at, std::ptrdiff_t step) noexcept {
    at.offset += step;
    return at;
  }
};

template <class T>
constexpr T read(const T* at) noexcept {
  return *at;
}
template <class Node>
constexpr auto read(expression_input<Node> at) noexcept {
  using T = typename Node::value_type;
  return at.node->at(position<>{at.offset}, T(0));
}

/// L contiguous elements as a SIMD vector V.
template <class V, class T>
V read_vector(const T* at) noexcept {
  return V::load_unaligned(at);
}
template <class V, class Node>
V read_vector(expression_input<Node> at) noexcept {
  using T = typename Node::value_type;
  return at.node->at(position<>{at.offset}, V(T(0)));
}

}  // namespace convt::kernels
