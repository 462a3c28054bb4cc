// test/emulation/avx512_on_simde.hpp: AVX-512 on a CPU without it, for the tests.
//
// Force-included ahead of everything (-include, with -mavx2 -mfma: meson's -Darch=avx512_emulated)
// so that xsimd builds its AVX-512 kernels from SIMDe's portable _mm512_* functions, which the
// compiler turns into AVX2 code. Order matters:
//   1. SIMDe with its native aliases (it includes the compiler's <immintrin.h> first, so that
//      xsimd's later include of it is a no-op and the aliases cannot clash with it);
//   2. the intrinsics SIMDe 0.7.4 lacks (avx512_shims.hpp), each name #undef'd first (clang
//      defines some intrinsics as macros, and -Werror stops on a redefinition);
//   3. only then the __AVX512*__ macros that make xsimd pick avx512bw: defined before SIMDe,
//      they would make SIMDe take its native path.
#pragma once

#define SIMDE_ENABLE_NATIVE_ALIASES
#include <simde/x86/avx512.h>

#include "avx512_shims.hpp"

#undef _mm512_shuffle_f32x4
#define _mm512_shuffle_f32x4(a, b, imm8) simde_mm512_shuffle_f32x4(a, b, imm8)
#undef _mm512_shuffle_f64x2
#define _mm512_shuffle_f64x2(a, b, imm8) simde_mm512_shuffle_f64x2(a, b, imm8)
#undef _mm512_extractf32x8_ps
#define _mm512_extractf32x8_ps(a, imm8) convt_shim::mm512_extractf32x8_ps(a, imm8)
#undef _mm512_shuffle_pd
#define _mm512_shuffle_pd(a, b, imm8) convt_shim::mm512_shuffle_pd(a, b, imm8)
#undef _mm512_cvttps_epi32
#define _mm512_cvttps_epi32(a) convt_shim::mm512_cvttps_epi32(a)

#define __AVX512F__ 1
#define __AVX512CD__ 1
#define __AVX512DQ__ 1
#define __AVX512BW__ 1
/// Tells the tests that AVX-512 is emulated here (no real instruction to compare against).
#define CONVT_EMULATED_AVX512 1
// SIMDe's 512-bit vectors are not registers of this AVX2 target: no asm may hold them in one.
#define CONVT_HOLD_IN_REGISTERS 0
