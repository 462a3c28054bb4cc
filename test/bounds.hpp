// test/bounds.hpp: the error bounds that the value tests apply to a result against the reference
// (reference.hpp), with neither convt nor a test framework (test/tools/catch_rates.cpp uses them
// too). For an element of n terms (its own count, result::terms) of magnitude S = sum|terms|:
//
// Rigorous, every element: |got - want| <= n * eps * S. Any summation order of n products in
// precision u = eps/2 is within n * u * S of the exact sum (Jeannerod and Rump, SIAM J. Matrix
// Anal. Appl. 34(2), 2013), and so is the reference's double sum: n * eps covers both. An element
// that no term reaches (n = 0) must be exactly 0. A bias folded into the sum is one more term.
//
// Statistical, over a tensor: at most 1% of its elements (none below 100) above
// c * sqrt(n) * eps * S, c = 4. Each rounding is an error of at most u times a partial sum, and
// |partial sum| <= S; modelling the roundings as independent and uniform, the error of one sum has
// a standard deviation of at most sqrt(n/3) * u * S, and that of got - want (two sums, for double)
// at most sqrt(2n/3) * u * S = 0.41 * sqrt(n) * eps * S. c = 4 is 10 of those, a tail a
// near-normal sum of many roundings never reaches, and 1% leaves room for where the model is
// weakest (few terms, structured data); where n <= 16 the rigorous bound is already below it.
// Both numbers were fixed before any catch rate was measured.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "reference.hpp"

namespace cases {

inline constexpr double statistical_c = 4;
/// At most count / statistical_divisor elements of a tensor may exceed the statistical bound.
inline constexpr std::size_t statistical_divisor = 100;

template <class T>
double rigorous_bound(int terms, double magnitude) {
  return double(terms) * double(std::numeric_limits<T>::epsilon()) * magnitude;
}

template <class T>
double statistical_bound(int terms, double magnitude) {
  return statistical_c * std::sqrt(double(terms)) * double(std::numeric_limits<T>::epsilon()) * magnitude;
}

inline std::size_t statistical_allowance(std::size_t count) { return count / statistical_divisor; }

/// Counts the first `count` elements of `got` outside the rigorous bound of `want` (a NaN reference
/// needs a NaN, an infinite one the same infinity); report(element, got, want, bound) is called
/// for the first 5 violations.
template <class T, class Report>
int count_out_of_bound(std::size_t count, const T* got, const reference::result& want, Report&& report) {
  int bad = 0;
  for (std::size_t e = 0; e < count; ++e) {
    const double error = double(got[e]) - want.value[e];
    const double bound = rigorous_bound<T>(want.terms[e], want.magnitude[e]);  // 0 where no term reaches
    const bool ok = want.value[e] != want.value[e]                 ? got[e] != got[e]  // NaN: NaN
                    : want.value[e] - want.value[e] != 0           ? double(got[e]) == want.value[e]  // the same infinity
                                                                   : error <= bound && -error <= bound;
    if (!ok) {
      if (bad < 5) report(e, double(got[e]), want.value[e], bound);
      ++bad;
    }
  }
  return bad;
}

/// The number of the first `count` elements of `got` above the statistical bound of `want`
/// (elements with a NaN or infinite reference left to count_out_of_bound); the tensor passes when
/// it is at most statistical_allowance(count).
template <class T>
std::size_t count_above_statistical(std::size_t count, const T* got, const reference::result& want) {
  std::size_t above = 0;
  for (std::size_t e = 0; e < count; ++e) {
    if (!std::isfinite(want.value[e])) continue;
    const double error = std::fabs(double(got[e]) - want.value[e]);
    above += !(error <= statistical_bound<T>(want.terms[e], want.magnitude[e]));
  }
  return above;
}

/// Adds a bias folded into element e's sum to `want`: one more term, of magnitude |bias|.
inline void fold_bias(reference::result& want, std::size_t e, double bias) {
  want.value[e] += bias;
  want.magnitude[e] += std::fabs(bias);
  want.terms[e] += 1;
}

}  // namespace cases
