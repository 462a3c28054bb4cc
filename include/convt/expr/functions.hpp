// convt/expr/functions.hpp (expression functions): the element-wise functions of the expression
// nodes, each written once for one element (S = T) and for a SIMD vector of elements (S = a vector
// of T).
//
// NaN propagates through every function, as in TensorFlow: relu(NaN), min(NaN, x), max(x, NaN)
// and clamp(NaN, lo, hi) are NaN. The comparisons are therefore written so that a NaN operand
// falls through to the branch that returns it (a comparison with NaN is false), never the other.
#pragma once

#include "../config.hpp"

#include <cmath>
#include <type_traits>

#include "../kernels/simd/arch.hpp"

namespace convt::inline CONVT_ABI::detail::fn {

/// cond ? a : b, lane by lane for vectors.
template <class Condition, class S>
constexpr S pick(Condition cond, S a, S b) noexcept {
  if constexpr (std::is_same_v<Condition, bool>) return cond ? a : b;
#if !defined(CONVT_SCALAR_ONLY)
  else return xsimd::select(cond, a, b);
#endif
}

/// Whether x is NaN, lane by lane for vectors (xsimd's != is an ordered comparison: false for NaN).
template <class S>
constexpr auto is_nan(S x) noexcept {
  if constexpr (std::is_floating_point_v<S>) return x != x;
#if !defined(CONVT_SCALAR_ONLY)
  else return xsimd::isnan(x);
#endif
}

// xsimd 8.1's exp and tanh turn a vector of double into 64-bit integers one element at a time in
// C++, which is undefined behaviour for NaN and for values beyond the integer range (exp(1e300)).
// They therefore see only inputs in [lo, hi], chosen where the result has already saturated, and
// NaN lanes are put back afterwards; no result changes: exp is +inf from 710 on and 0 below -746
// (float and double), tanh is exactly +-1 beyond 40.
inline constexpr double exp_saturated_above = 710, exp_zero_below = -746, tanh_saturated_beyond = 40;

template <class S, class F>
S on_defined_inputs(F f, S x, S lo, S hi) noexcept {
  const auto nan = is_nan(x);
  const S inside = pick(x > hi, hi, pick(x < lo, lo, x));
  return pick(nan, x, f(pick(nan, S(0), inside)));
}

template <class S>
S exp(S x) noexcept {
  if constexpr (std::is_floating_point_v<S>) return std::exp(x);
#if !defined(CONVT_SCALAR_ONLY)
  else return on_defined_inputs([](S v) { return xsimd::exp(v); }, x, S(exp_zero_below), S(exp_saturated_above));
#endif
}

/// max(a, b) that returns NaN when either is NaN.
template <class S>
constexpr S maximum(S a, S b) noexcept {
  return pick(a < b || is_nan(b), b, a);
}
/// min(a, b) that returns NaN when either is NaN.
template <class S>
constexpr S minimum(S a, S b) noexcept {
  return pick(b < a || is_nan(b), b, a);
}

// ---- unary --------------------------------------------------------------------------------------

struct negate {
  template <class S>
  constexpr S operator()(S x) const noexcept { return -x; }
};

/// max(0, x), NaN for NaN. For vectors xsimd::max(0, x), one instruction: x86's maxps returns its
/// second operand when either is NaN, and NEON's fmax returns NaN.
template <class S>
constexpr S max_with_zero(S x) noexcept {
  if constexpr (std::is_floating_point_v<S>) return x < S(0) ? S(0) : x;
#if !defined(CONVT_SCALAR_ONLY)
  else return xsimd::max(S(0), x);
#endif
}

/// tf.nn.relu: max(x, 0).
struct relu {
  template <class S>
  constexpr S operator()(S x) const noexcept { return max_with_zero(x); }
};

/// tf.nn.relu6: min(max(x, 0), 6).
struct relu6 {
  template <class S>
  constexpr S operator()(S x) const noexcept {
    const S r = max_with_zero(x);
    return pick(r > S(6), S(6), r);
  }
};

/// tf.nn.leaky_relu: x where x > 0, alpha * x elsewhere.
template <class T>
struct leaky_relu {
  T alpha;
  template <class S>
  constexpr S operator()(S x) const noexcept { return pick(x > S(0), x, S(alpha) * x); }
};

/// tf.clip_by_value: max(min(x, hi), lo).
template <class T>
struct clamp {
  T lo, hi;
  template <class S>
  constexpr S operator()(S x) const noexcept { return maximum(minimum(x, S(hi)), S(lo)); }
};

/// tf.math.sigmoid: 1 / (1 + exp(-x)). Not usable in constant expressions (std::exp is not constexpr).
struct sigmoid {
  template <class S>
  S operator()(S x) const noexcept { return S(1) / (S(1) + fn::exp(-x)); }
};

/// tf.math.tanh. Not usable in constant expressions (std::tanh is not constexpr).
struct tanh {
  template <class S>
  S operator()(S x) const noexcept {
    if constexpr (std::is_floating_point_v<S>) return std::tanh(x);
#if !defined(CONVT_SCALAR_ONLY)
    else return on_defined_inputs([](S v) { return xsimd::tanh(v); }, x, S(-tanh_saturated_beyond),
                                  S(tanh_saturated_beyond));
#endif
  }
};

// ---- binary -------------------------------------------------------------------------------------

struct plus {
  template <class S>
  constexpr S operator()(S a, S b) const noexcept { return a + b; }
};
struct minus {
  template <class S>
  constexpr S operator()(S a, S b) const noexcept { return a - b; }
};
struct multiplies {
  template <class S>
  constexpr S operator()(S a, S b) const noexcept { return a * b; }
};
/// tf.math.minimum / tf.math.maximum (NaN if either operand is NaN).
struct min {
  template <class S>
  constexpr S operator()(S a, S b) const noexcept { return minimum(a, b); }
};
struct max {
  template <class S>
  constexpr S operator()(S a, S b) const noexcept { return maximum(a, b); }
};

}  // namespace convt::detail::fn
