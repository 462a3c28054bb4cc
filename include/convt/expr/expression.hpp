// convt/expr/expression.hpp: what every expression node provides, and the inert node returned
// by a call that failed its checks.
//
// An expression node is a small object, held by value in its parent, with
//   using is_convt_expression = void;        // the marker the containers and eval look for
//   using value_type = T;                    // element type of the result
//   static constexpr bool valid;             // false only for invalid_expression
//   static constexpr std::array<int, R> shape;
//   using result_type = convt::tensor<T, shape...>;
//   static constexpr int convolutions;       // convolutions reached through element-wise nodes
//   constexpr void evaluate_into(T* out) const noexcept;   // writes every element of the result,
//                                                          // contiguous row-major in `shape`
//   template <class S, class P> S at(P where, S fused) const noexcept;
//       // the element at position `where` (a position<axis, Lanes>, below) of the result (S = T),
//       // or, for S a SIMD vector of L lanes, the L elements from there on (where.offset a
//       // multiple of L whenever the innermost dimension is a multiple of L) or, with a lane map
//       // (P::lanes not void), the L elements it names: a node that reads memory by position
//       // must honour P::lanes (tensor_leaf.hpp, bias_add_expr.hpp); `fused` holds the same
//       // elements of the one convolution the evaluation fuses (expr/evaluate.hpp); nodes
//       // without a convolution ignore it
//   bool reads(const void* begin, const void* end) const noexcept;
//       // whether evaluation reads memory in [begin, end) (run time only; assign's alias check)
//   template <bool fuse, class F> constexpr void bind(F&& f) const noexcept;
//       // calls f(node') where node' computes the same values with at most one convolution
//       // left (the first, if `fuse`): every other one is evaluated first into a stack temporary
// Nothing is computed before evaluate_into is called (by eval, assign or tensor's constructor).
#pragma once

#include "../abi.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../tensor.hpp"

namespace convt::inline CONVT_ABI {

template <class X>
inline constexpr bool is_expression_v =
    requires { typename std::remove_cvref_t<X>::is_convt_expression; };

/// What an op returns when one of its static_asserts failed: an expression that evaluates to
/// nothing, so that the failed check is the only error the user reads (no cascade through eval,
/// assign, a tensor initialisation or an enclosing expression).
struct invalid_expression {
  using is_convt_expression = void;
  using value_type = float;
  static constexpr bool valid = false;
  static constexpr std::array<int, 0> shape{};
  static constexpr int convolutions = 0;
};

/// Where the element(s) an `at` call asks for are: the row-major offset of the first one and, when
/// the caller knows it without arithmetic (a kernel storing a convolution's output channel), its
/// index along axis `known_axis` (-1: none known; a node that needs an index derives it from the
/// offset). With a lane map Lanes (kernels/epilogue.hpp; only kernels pass one, with the channel
/// axis known), the lanes of a SIMD vector are not consecutive elements: lane r is the element at
/// offset + Lanes::offset_of(r), index_on_axis + Lanes::channel_of(r) along the channel axis.
template <int known_axis = -1, class Lanes = void>
struct position {
  static constexpr int axis = known_axis;
  using lanes = Lanes;
  std::ptrdiff_t offset;
  std::ptrdiff_t index_on_axis = 0;
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

}  // namespace detail
}  // namespace convt
