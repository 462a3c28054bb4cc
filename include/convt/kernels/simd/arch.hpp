// convt/kernels/simd/arch.hpp: which SIMD architecture the kernels are built for.
//
// xsimd picks the best instruction set the compiler flags allow (-march=...): sse2 ... avx512 on
// x86-64, neon64 on aarch64. Targets without one (e.g. Cortex-M), and builds that define
// CONVT_SCALAR_ONLY, use the scalar kernel only; xsimd is then not even included.
#pragma once

#if !defined(CONVT_SCALAR_ONLY)
#include <xsimd/config/xsimd_config.hpp>
#if defined(XSIMD_NO_SUPPORTED_ARCHITECTURE)
#define CONVT_SCALAR_ONLY 1
#endif
#endif

#if !defined(CONVT_SCALAR_ONLY)
#include <xsimd/xsimd.hpp>

namespace convt::kernels::simd {

/// The architecture every SIMD kernel is instantiated for.
using arch = xsimd::default_arch;

/// The vector of T on that architecture.
template <class T>
using vector = xsimd::batch<T, arch>;

}  // namespace convt::kernels::simd
#endif

namespace convt::kernels {

/// The name of the kernel set this translation unit uses, for reports and benchmarks.
constexpr const char* simd_arch_name() noexcept {
#if defined(CONVT_SCALAR_ONLY)
  return "scalar";
#else
  return simd::arch::name();
#endif
}

}  // namespace convt::kernels
