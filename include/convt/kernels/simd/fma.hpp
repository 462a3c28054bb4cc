// convt/kernels/simd/fma.hpp (SIMD primitive): a * b + c rounded once, the register tiles' one
// arithmetic step.
//
// xsimd 8.1 has no fused multiply-add for AVX-512: its avx512f batches take the generic
// a * b + c, which the compilers emit as a multiply and an add (g++ contracts it only from -O2,
// clang++ 14 never), rounded twice and half the speed. There convt calls the instruction itself;
// elsewhere xsimd::fma, which is fused where the target has FMA (fma3, fma4, NEON64).
// test_simd_primitives checks it against std::fma lane by lane on every instruction set.
#pragma once

#include <type_traits>

#include "arch.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// a * b + c per lane, rounded once where the target has fused multiply-add.
template <class T, class A>
inline vector<T, A> fma(vector<T, A> a, vector<T, A> b, vector<T, A> c) noexcept {
#if XSIMD_WITH_AVX512F
  if constexpr (std::is_base_of_v<xsimd::avx512f, A> && std::is_same_v<T, float>) return _mm512_fmadd_ps(a, b, c);
  else if constexpr (std::is_base_of_v<xsimd::avx512f, A> && std::is_same_v<T, double>)
    return _mm512_fmadd_pd(a, b, c);
  else
#endif
    return xsimd::fma(a, b, c);
}

}  // namespace convt::kernels::simd
