// convt/expr/evaluate.hpp (expression evaluation): evaluation of an element-wise expression, in one
// pass.
//
//   * No convolution in it: one loop over the result, SIMD vectors of L elements and then the
//     compile-time-known tail (size mod L) one element at a time.
//   * Convolutions in it: the first (left to right) is fused: the rest of the expression becomes
//     that convolution's epilogue and runs in its micro-kernel's store (kernels/epilogue.hpp).
//     Any further convolution of the same expression (as in conv_a + conv_b) is evaluated first
//     into a temporary convt::tensor of its shape on the stack, then read like a tensor.
#pragma once

#include "../config.hpp"

#include <cstddef>
#include <type_traits>

#include "../kernels/simd/arch.hpp"
#include "expression.hpp"

namespace convt::inline CONVT_ABI::detail {

template <class Node, class T>
constexpr void evaluate_elementwise(const Node& node, T* out) noexcept {
  node.template bind<true>([&](const auto& bound) {
    using Bound = std::remove_cvref_t<decltype(bound)>;
    if constexpr (Bound::convolutions == 0) {
      constexpr std::ptrdiff_t n = shape_elements<Bound::shape>;
      std::ptrdiff_t tail_begin = 0;
#if !defined(CONVT_SCALAR_ONLY)
      if (!std::is_constant_evaluated()) {
        using V = kernels::simd::vector<T>;
        constexpr std::ptrdiff_t L = V::size;
        constexpr std::ptrdiff_t vector_end = n - n % L;
        for (std::ptrdiff_t i = 0; i < vector_end; i += L) bound.at(position<>{i}, V(T(0))).store_unaligned(out + i);
        tail_begin = vector_end;
      }
#endif
      for (std::ptrdiff_t i = tail_begin; i < n; ++i) out[i] = bound.at(position<>{i}, T(0));
    } else {
      const auto& convolution = bound.fused_convolution();
      constexpr int channel_axis = std::remove_cvref_t<decltype(convolution)>::channel_axis;
      // The epilogue holds a copy of the bound expression (pointers and scalars; kernels/epilogue.hpp).
      convolution.evaluate_into(out, [bound](auto value, std::ptrdiff_t offset, std::ptrdiff_t channel, auto... lanes) {
        return bound.at(position<channel_axis, decltype(lanes)...>{offset, channel}, value);
      });
    }
  });
}

}  // namespace convt::detail
