// convt/expr/bias_add_expr.hpp (expression node): tf.nn.bias_add, a [C] vector added along the
// channel axis.
//
// Channel of the element at row-major offset i of a tensor of shape [N, d1, ..., C] (channels
// last: NHWC) or [N, C, d2, ...] (channels first: NCHW), with `inner` the product of the
// dimensions after the channel axis (1 for channels last):
//     channel = (i / inner) mod C,
// unless the caller passes it: a kernel storing a convolution's result knows its output channel
// (position<axis>, expr/expression.hpp), which saves a division per element.
//
// Directly around a convolution, on that convolution's channel axis, the node folds itself into it
// when bound for evaluation (bind): the convolution's kernels then start each element's sum from
// its channel's bias (kernels/epilogue.hpp; the broadcast tile: one load per tile instead of a
// load and an add per stored vector). The bias is then one more term of the sum (docs/testing.md,
// "Error bounds").
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "../kernels/simd/arch.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "tensor_leaf.hpp"

namespace convt::inline CONVT_ABI {

/// operand + bias[channel]; channel_axis is 1 (NCHW) or the last axis (NHWC).
template <class Operand, int channel_axis>
struct bias_add_expr {
  using is_convt_expression = void;
  using value_type = typename Operand::value_type;
  using T = value_type;
  static constexpr bool valid = true;
  static constexpr auto shape = Operand::shape;
  using result_type = typename detail::tensor_of_shape<value_type, shape>::type;
  static constexpr int convolutions = Operand::convolutions;
  static constexpr std::ptrdiff_t channels = shape[channel_axis];
  static constexpr std::ptrdiff_t inner = [] {
    std::ptrdiff_t n = 1;
    for (std::size_t a = channel_axis + 1; a < shape.size(); ++a) n *= shape[a];
    return n;
  }();

  Operand operand;
  const T* bias;  // [C], the caller's, alive until evaluation

  template <class S, class P>
  constexpr S at(P where, S fused) const noexcept {
    return operand.at(where, fused) + bias_at(where, S(T(0)));
  }
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    operand.template bind<fuse>([&](const auto& bound) {
      using Bound = std::remove_cvref_t<decltype(bound)>;
      if constexpr (folds_into<Bound>) f(bound.with_bias(bias));
      else f(bias_add_expr<Bound, channel_axis>{bound, bias});
    });
  }
  bool reads(const void* begin, const void* end) const noexcept {
    return operand.reads(begin, end) || detail::overlaps(bias, channels, begin, end);
  }
  constexpr const auto& fused_convolution() const noexcept { return operand.fused_convolution(); }
  constexpr void evaluate_into(T* out) const noexcept { detail::evaluate_elementwise(*this, out); }

 private:
  /// Whether a bound operand is a convolution on this channel axis without a folded bias yet
  /// (convolution_expr::with_bias).
  template <class Bound>
  static constexpr bool folds_into = requires(const Bound& b, const T* p) {
    b.with_bias(p);
    requires Bound::channel_axis == channel_axis;
  };

  // Offsets are never negative: unsigned division by constants is a multiply and a shift.
  static constexpr std::ptrdiff_t channel_of(std::ptrdiff_t i) noexcept {
    return std::ptrdiff_t((std::size_t(i) / std::size_t(inner)) % std::size_t(channels));
  }

  /// The bias of the elements at `where` (one, or L for a vector S).
  template <class S, class P>
  constexpr S bias_at(P where, S /*kind*/) const noexcept {
    const std::ptrdiff_t i = where.offset;
    using lanes = typename P::lanes;
    if constexpr (!std::is_void_v<lanes> && !std::is_same_v<S, T>) {
      // Lanes mapped to elements (a kernel's lane map, expr/expression.hpp).
      if constexpr (P::axis == channel_axis) {
        // The kernel knows each lane's channel: one channel for every lane (one-channel tiles) is
        // a broadcast, else the bias of each lane's channel.
        constexpr bool one_channel = [] {
          for (int r = 0; r < int(S::size); ++r)
            if (lanes::channel_of(r) != lanes::channel_of(0)) return false;
          return true;
        }();
        if constexpr (one_channel) return S(bias[where.index_on_axis + lanes::channel_of(0)]);
        else return detail::vector_of_lanes<S>([&](int r) { return bias[where.index_on_axis + lanes::channel_of(r)]; });
      } else {
        // A bias_add whose data format is not the convolution's: each lane's channel from its offset.
        return detail::vector_of_lanes<S>([&](int r) { return bias[channel_of(i + lanes::offset_of(r))]; });
      }
    } else if constexpr (P::axis == channel_axis) {
      // The caller knows the channel: lanes are consecutive channels (channels last) or one.
      if constexpr (std::is_same_v<S, T>) return bias[where.index_on_axis];
      else if constexpr (inner == 1) return S::load_unaligned(bias + where.index_on_axis);
      else return S(bias[where.index_on_axis]);
    } else if constexpr (std::is_same_v<S, T>) {
      return bias[channel_of(i)];
    } else {
      // L consecutive offsets: one channel plane (inner > 1) or consecutive channels of one
      // pixel (inner == 1) unless they cross a boundary; then lane by lane.
      constexpr std::ptrdiff_t L = S::size;
      if constexpr (inner > 1) {
        if (std::size_t(i) % std::size_t(inner) + L <= std::size_t(inner)) return S(bias[channel_of(i)]);
      } else {
        const std::ptrdiff_t first = channel_of(i);
        if (first + L <= channels) return S::load_unaligned(bias + first);
      }
      return detail::vector_of_lanes<S>([&](int r) { return bias[channel_of(i + r)]; });
    }
  }
};
static_assert(detail::expression_node<bias_add_expr<tensor_leaf<float, std::array<int, 2>{2, 3}>, 1>>);

}  // namespace convt
