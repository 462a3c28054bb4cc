// convt/abi.hpp (configuration): the instruction set the kernels are built for, and the inline
// namespace that carries it into every symbol. The macros a consumer may define are in config.hpp.
//
// xsimd picks the best instruction set the compiler flags allow (-march=...): sse2 ... avx512 on
// x86-64, neon64 on aarch64. Targets without one (Cortex-M), and builds that define
// CONVT_SCALAR_ONLY, use the scalar kernels only; xsimd is then not even included.
//
// Everything convt declares lives in the inline namespace convt::CONVT_ABI, named after that
// kernel set (abi_avx512bw, abi_fma3_avx2, abi_sse2, abi_neon64, abi_scalar, ...). Code still
// writes convt::tensor; the linker sees convt::abi_avx512bw::tensor. Without it, two files built
// with different -march flags would instantiate, say, convt::assign<...> under one mangled name,
// and the linker would keep one copy for both: one file would run the other's kernels (wrong
// tiles, or an illegal instruction on a CPU without them). The price: a convt type in a function
// signature shared by files built for different instruction sets does not link; pass plain
// pointers there and view them with convt::tensor_view on each side.
#pragma once

#if !defined(CONVT_SCALAR_ONLY)
#include <xsimd/config/xsimd_config.hpp>
#if defined(XSIMD_NO_SUPPORTED_ARCHITECTURE)
#define CONVT_SCALAR_ONLY 1
#endif
#endif

// The same order as xsimd's choice of its default_arch (xsimd/config/xsimd_arch.hpp);
// kernels/simd/arch.hpp checks that the name agrees with the architecture xsimd picked.
#if !defined(CONVT_ABI)
#if defined(CONVT_SCALAR_ONLY)
#define CONVT_ABI abi_scalar
#elif XSIMD_WITH_AVX512BW
#define CONVT_ABI abi_avx512bw
#elif XSIMD_WITH_AVX512DQ
#define CONVT_ABI abi_avx512dq
#elif XSIMD_WITH_AVX512CD
#define CONVT_ABI abi_avx512cd
#elif XSIMD_WITH_AVX512F
#define CONVT_ABI abi_avx512f
#elif XSIMD_WITH_FMA3_AVX2
#define CONVT_ABI abi_fma3_avx2
#elif XSIMD_WITH_AVX2
#define CONVT_ABI abi_avx2
#elif XSIMD_WITH_FMA3_AVX
#define CONVT_ABI abi_fma3_avx
#elif XSIMD_WITH_AVX
#define CONVT_ABI abi_avx
#elif XSIMD_WITH_FMA4
#define CONVT_ABI abi_fma4
#elif XSIMD_WITH_FMA3_SSE
#define CONVT_ABI abi_fma3_sse4_2
#elif XSIMD_WITH_SSE4_2
#define CONVT_ABI abi_sse4_2
#elif XSIMD_WITH_SSE4_1
#define CONVT_ABI abi_sse4_1
#elif XSIMD_WITH_SSSE3
#define CONVT_ABI abi_ssse3
#elif XSIMD_WITH_SSE3
#define CONVT_ABI abi_sse3
#elif XSIMD_WITH_SSE2
#define CONVT_ABI abi_sse2
#elif XSIMD_WITH_NEON64
#define CONVT_ABI abi_arm64_neon
#elif XSIMD_WITH_NEON
#define CONVT_ABI abi_arm32_neon
#else
#define CONVT_ABI abi_unknown
#endif
#endif

#define CONVT_ABI_STRINGIFY_(name) #name
#define CONVT_ABI_STRINGIFY(name) CONVT_ABI_STRINGIFY_(name)
/// The inline namespace's name as a string ("abi_avx512bw"), for tests and reports.
#define CONVT_ABI_NAME CONVT_ABI_STRINGIFY(CONVT_ABI)
