// convt/kernels/simd/unroll.hpp (SIMD primitive): loops unrolled at compile time, for bodies whose
// index must be a constant (a tile's size, a segment of a phase, a lane map).
#pragma once

#include "../../abi.hpp"

#include <type_traits>
#include <utility>

#include "arch.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// Calls f(std::integral_constant<int, i>{}) for i = 0 .. N-1, unrolled at compile time.
template <int N, class F>
CONVT_FORCE_INLINE constexpr void static_for(F&& f) {
  [&]<int... I>(std::integer_sequence<int, I...>) CONVT_FORCE_INLINE { (f(std::integral_constant<int, I>{}), ...); }(
      std::make_integer_sequence<int, N>{});
}

}  // namespace convt::kernels::simd
