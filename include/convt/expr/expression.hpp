// convt/expr/expression.hpp: what every expression node provides, and the inert node returned
// by a call that failed its checks.
//
// An expression node is a small object with
//   using is_convt_expression = void;        // the marker the containers and eval look for
//   using value_type = T;                    // element type of the result
//   static constexpr bool valid;             // false only for invalid_expression
//   static constexpr std::array<int, R> shape;
//   using result_type = convt::tensor<T, shape...>;
//   constexpr void evaluate_into(T* out) const noexcept;   // writes every element of the result,
//                                                          // contiguous row-major in `shape`
// Nothing is computed before evaluate_into is called (by eval, assign or tensor's constructor).
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../tensor.hpp"

namespace convt {

template <class X>
inline constexpr bool is_expression_v =
    requires { typename std::remove_cvref_t<X>::is_convt_expression; };

/// What an op returns when one of its static_asserts failed: an expression that evaluates to
/// nothing, so that the failed check is the only error the user reads (no cascade through eval,
/// assign or a tensor initialisation).
struct invalid_expression {
  using is_convt_expression = void;
  using value_type = float;
  static constexpr bool valid = false;
  static constexpr std::array<int, 0> shape{};
};

namespace detail {

/// convt::tensor<T, shape[0], shape[1], ...> for a shape held in a std::array.
template <class T, auto shape, class Indices = std::make_index_sequence<shape.size()>>
struct tensor_of_shape;
template <class T, auto shape, std::size_t... I>
struct tensor_of_shape<T, shape, std::index_sequence<I...>> {
  using type = tensor<T, shape[I]...>;
};

}  // namespace detail
}  // namespace convt
