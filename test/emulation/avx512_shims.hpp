// test/emulation/avx512_shims.hpp: the AVX-512 intrinsics that xsimd 8.1 uses and SIMDe 0.7.4
// lacks, written on SIMDe's portable types from Intel's pseudo-code (Intel Intrinsics Guide).
// avx512_on_simde.hpp maps the intrinsics' names to them; test_avx512_shims checks each one
// against the pseudo-code and, on a CPU with AVX-512, against the instruction itself.
#pragma once

#include <cstdint>

#include <simde/x86/avx512.h>

namespace convt_shim {

/// _mm512_extractf32x8_ps (AVX512DQ): dst[255:0] := a[255 + 256 * imm8[0] : 256 * imm8[0]].
inline simde__m256 mm512_extractf32x8_ps(simde__m512 a, int imm8) noexcept {
  const simde__m512_private lanes = simde__m512_to_private(a);
  simde__m256_private half;
  for (int i = 0; i < 8; ++i) half.f32[i] = lanes.f32[8 * (imm8 & 1) + i];
  return simde__m256_from_private(half);
}

/// _mm512_shuffle_pd (AVX512F): for each 128-bit lane k, dst[2k] := a[2k + imm8[2k]] and
/// dst[2k + 1] := b[2k + imm8[2k + 1]].
inline simde__m512d mm512_shuffle_pd(simde__m512d a, simde__m512d b, int imm8) noexcept {
  const simde__m512d_private from_a = simde__m512d_to_private(a), from_b = simde__m512d_to_private(b);
  simde__m512d_private dst;
  for (int k = 0; k < 4; ++k) {
    dst.f64[2 * k] = from_a.f64[2 * k + ((imm8 >> (2 * k)) & 1)];
    dst.f64[2 * k + 1] = from_b.f64[2 * k + ((imm8 >> (2 * k + 1)) & 1)];
  }
  return simde__m512d_from_private(dst);
}

/// _mm512_cvttps_epi32 (AVX512F): each lane truncated toward zero; NaN and values outside
/// int32's range give the "integer indefinite" value 0x80000000.
inline simde__m512i mm512_cvttps_epi32(simde__m512 a) noexcept {
  const simde__m512_private lanes = simde__m512_to_private(a);
  simde__m512i_private dst;
  for (int i = 0; i < 16; ++i) {
    const float f = lanes.f32[i];
    const bool representable = f > -2147483904.0f && f < 2147483648.0f;  // NaN compares false
    dst.i32[i] = representable ? std::int32_t(f) : INT32_MIN;
  }
  return simde__m512i_from_private(dst);
}

}  // namespace convt_shim
