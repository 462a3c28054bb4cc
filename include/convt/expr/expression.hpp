// convt/expr/expression.hpp (expression protocol): what every expression node provides, as the
// concept detail::expression_node, and the inert node returned by a call that failed its checks.
//
// A node is a small object, held by value in its parent; nothing is computed before evaluate_into
// is called (by eval, assign or tensor's constructor). Each node's file static_asserts the concept.
#pragma once

#include "../abi.hpp"

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../position.hpp"
#include "../tensor.hpp"

namespace convt::inline CONVT_ABI {

template <class X>
inline constexpr bool is_expression_v =
    requires { typename std::remove_cvref_t<X>::is_convt_expression; };

/// What an op returns when one of its static_asserts failed: an expression that evaluates to
/// nothing, so that the failed check is the only error the user reads (no cascade through eval,
/// assign, a tensor initialisation or an enclosing expression). Not an expression_node: whatever
/// meets it stops at `valid`.
struct invalid_expression {
  using is_convt_expression = void;
  using value_type = float;
  static constexpr bool valid = false;
  static constexpr std::array<int, 0> shape{};
  static constexpr int convolutions = 0;
};

/// Whether X is the node of a call that already reported an error.
template <class X>
inline constexpr bool is_invalid_expression_v = std::is_same_v<std::remove_cvref_t<X>, invalid_expression>;

namespace detail {

/// convt::tensor<T, shape[0], shape[1], ...> for a shape held in a std::array.
template <class T, auto shape, class Indices = std::make_index_sequence<shape.size()>>
struct tensor_of_shape;
template <class T, auto shape, std::size_t... I>
struct tensor_of_shape<T, shape, std::index_sequence<I...>> {
  using type = tensor<T, shape[I]...>;
};

/// Whether the n elements at `elements` overlap the bytes [begin, end). Run time only: it
/// compares addresses of possibly unrelated objects as integers.
template <class T>
inline bool overlaps(const T* elements, std::ptrdiff_t n, const void* begin, const void* end) noexcept {
  const auto first = reinterpret_cast<std::uintptr_t>(elements);
  const auto last = reinterpret_cast<std::uintptr_t>(elements + n);
  return first < reinterpret_cast<std::uintptr_t>(end) && reinterpret_cast<std::uintptr_t>(begin) < last;
}

/// The SIMD vector S whose lane r is element_of_lane(r), for lanes that are not adjacent in memory.
template <class S, class F>
inline S vector_of_lanes(F element_of_lane) noexcept {
  using T = typename S::value_type;
  alignas(64) T lanes[S::size];
  for (int r = 0; r < int(S::size); ++r) lanes[r] = element_of_lane(r);
  return S::load_aligned(lanes);
}

/// Number of elements of a shape held in a std::array.
template <auto shape>
inline constexpr std::ptrdiff_t shape_elements = [] {
  std::ptrdiff_t n = 1;
  for (int d : shape) n *= d;
  return n;
}();

/// A function that takes any node: what expression_node hands to bind.
struct any_node {
  template <class Node>
  constexpr void operator()(const Node& /*node*/) const noexcept {}
};

/// The protocol of an expression node. eval, assign and a tensor's initialisation use value_type,
/// shape, result_type and evaluate_into; the fusion of element-wise nodes into a convolution
/// (expr/evaluate.hpp) uses convolutions, at and bind; assign's alias check uses reads. A node
/// with convolutions > 0 also has fused_convolution(): the convolution bind<true> left in it.
template <class N>
concept expression_node = requires(const N& node, typename N::value_type* out, const void* address) {
  typename N::is_convt_expression;  // the marker is_expression_v and the containers look for
  requires N::valid;                // false only for invalid_expression, which is no node
  requires std::same_as<std::remove_cv_t<decltype(N::shape)>, std::array<int, N::shape.size()>>;
  requires std::same_as<typename N::result_type, typename tensor_of_shape<typename N::value_type, N::shape>::type>;
  // How many convolutions the node reaches through element-wise nodes.
  requires std::same_as<std::remove_cv_t<decltype(N::convolutions)>, int>;
  // Writes every element of the result to out, contiguous and row-major in `shape`.
  { node.evaluate_into(out) } -> std::same_as<void>;
  // at(where, fused): the element at `where` (position.hpp) of the result, for S = value_type; for
  // S a SIMD vector of L lanes, the L elements from there on (where.offset a multiple of L whenever
  // the innermost dimension is), or with a lane map (P::lanes not void) the L elements it names,
  // which a node that reads memory by position must honour. `fused` holds the same elements of
  // the convolution the evaluation fuses; nodes without a convolution ignore it.
  { node.at(position<>{0}, typename N::value_type{}) } -> std::same_as<typename N::value_type>;
  // Whether evaluation reads memory in [begin, end) (run time only).
  { node.reads(address, address) } -> std::same_as<bool>;
  // bind<fuse>(f) calls f(node'), where node' computes the same values with at most one
  // convolution left (the first, if fuse): every other one is evaluated first into a stack
  // temporary.
  node.template bind<true>(any_node{});
  node.template bind<false>(any_node{});
};

}  // namespace detail
}  // namespace convt
