// convt/kernels/simd/reduce.hpp (SIMD primitive): L vectors in, one vector of their lane sums out
// (the dot tile's lane reduction).
//
// xsimd 8.1's haddp is right for every instruction set but one: for 16 floats (AVX-512) it leaves
// the sums of rows 2-3 and 4-5 (and 10-11, 12-13) in each other's lanes. There convt reduces with
// its own shuffles; elsewhere it calls haddp. test_simd_primitives checks sum_rows, and haddp
// where convt relies on it, lane by lane on every instruction set the tests run.
#pragma once

#include <type_traits>

#include "arch.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

#if XSIMD_WITH_AVX512F
/// sum_rows for 16 floats. rows[r] lives in 128-bit quarters q0..q3 of 4 lanes each.
inline __m512 sum_rows_16_floats(const __m512* rows) noexcept {
  // 1. Fold each row to 8 partial sums (quarters q0 + q2, q1 + q3), two rows a and b per
  //    register: half[j] = [a's 8 partials | b's 8 partials]. The pairs are chosen as (j, j + 4)
  //    for j < 4 and (j + 4, j + 8) for j >= 4, the order steps 2 and 3 leave in place.
  __m512 half[8];
  for (int j = 0; j < 8; ++j) {
    const int a = j < 4 ? j : j + 4, b = a + 4;
    const __m512 q01 = _mm512_shuffle_f32x4(rows[a], rows[b], _MM_SHUFFLE(1, 0, 1, 0));  // a.q0 a.q1 b.q0 b.q1
    const __m512 q23 = _mm512_shuffle_f32x4(rows[a], rows[b], _MM_SHUFFLE(3, 2, 3, 2));  // a.q2 a.q3 b.q2 b.q3
    half[j] = _mm512_add_ps(q01, q23);
  }
  // 2. Horizontal adds inside each quarter, as SSE's haddps: quarter k of pair_sums(x, y) is
  //    [x0 + x1, x2 + x3, y0 + y1, y2 + y3] of x's and y's quarter k. Twice over four registers,
  //    quarter k of quad[g] holds one partial of each of half[4g .. 4g + 3]'s row in that quarter:
  //    quarters 0, 1 of quad[0] rows 0-3, quarters 2, 3 rows 4-7; of quad[1] rows 8-11, 12-15.
  const auto pair_sums = [](__m512 x, __m512 y) noexcept {
    return _mm512_add_ps(_mm512_shuffle_ps(x, y, _MM_SHUFFLE(2, 0, 2, 0)),
                         _mm512_shuffle_ps(x, y, _MM_SHUFFLE(3, 1, 3, 1)));
  };
  const __m512 quad0 = pair_sums(pair_sums(half[0], half[1]), pair_sums(half[2], half[3]));
  const __m512 quad1 = pair_sums(pair_sums(half[4], half[5]), pair_sums(half[6], half[7]));
  // 3. Add the two partials of each row: quarters (q0 + q1, q2 + q3) of quad0, then of quad1,
  //    which puts rows 0-3, 4-7, 8-11 and 12-15 in lanes 0-3, 4-7, 8-11 and 12-15.
  const __m512 even = _mm512_shuffle_f32x4(quad0, quad1, _MM_SHUFFLE(2, 0, 2, 0));
  const __m512 odd = _mm512_shuffle_f32x4(quad0, quad1, _MM_SHUFFLE(3, 1, 3, 1));
  return _mm512_add_ps(even, odd);
}
#endif

/// Lane r of the result is the sum of the lanes of rows[r], for r < L = vector<T, A>::size.
template <class T, class A>
inline vector<T, A> sum_rows(const vector<T, A>* rows) noexcept {
#if XSIMD_WITH_AVX512F
  if constexpr (std::is_base_of_v<xsimd::avx512f, A> && std::is_same_v<T, float>) {
    __m512 registers[16];
    for (int r = 0; r < 16; ++r) registers[r] = rows[r];
    return sum_rows_16_floats(registers);
  } else
#endif
  {
    return xsimd::haddp(rows);
  }
}

}  // namespace convt::kernels::simd
