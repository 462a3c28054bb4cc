// convt/kernels/simd/arch.hpp (SIMD primitive): the architecture every SIMD kernel is built for
// (chosen in abi.hpp), its vector type and register count, and CONVT_FORCE_INLINE.
#pragma once

#include "../../config.hpp"

#if !defined(CONVT_SCALAR_ONLY)
#include <type_traits>

#include <xsimd/xsimd.hpp>

namespace convt::inline CONVT_ABI::kernels::simd {

/// The architecture every SIMD kernel is instantiated for.
using arch = xsimd::default_arch;

/// Forces the tile machinery of one layer (tiles, the loops over segments, phases and channel
/// blocks) into one function: left to itself the inliner stops part-way through the unrolled
/// bodies, and every call boundary left inside a phase costs reloads of the pointers and of what
/// a fused epilogue reads. In unoptimised builds, and with CONVT_NO_FORCE_INLINE (config.hpp), the
/// compiler decides.
/// The test suite defines CONVT_NO_FORCE_INLINE: at -O0 and -O1 forced inlining makes compiling a
/// test program several times slower and hungrier for memory. test_forced_inline (-O2) checks each
/// kernel path built the forced way, and perf/run checks its 8 layers.
#ifndef CONVT_FORCE_INLINE
#if defined(CONVT_NO_FORCE_INLINE) || !defined(__OPTIMIZE__) || !(defined(__GNUC__) || defined(__clang__))
#define CONVT_FORCE_INLINE
#else
#define CONVT_FORCE_INLINE __attribute__((always_inline))
#endif
#endif

/// The narrower architecture a layer may take where the widest vectors do not divide its channels
/// (kernels/simd/kernel_choice.hpp): under AVX-512, AVX2 with FMA, 256-bit vectors that AVX-512VL
/// gives all 32 registers. Elsewhere `arch` itself: one width per target.
#if XSIMD_WITH_AVX512F && XSIMD_WITH_FMA3_AVX2
using narrow_arch = xsimd::fma3<xsimd::avx2>;
#else
using narrow_arch = arch;
#endif

/// Whether a layer may choose between two vector widths.
inline constexpr bool has_narrow_arch = !std::is_same_v<narrow_arch, arch>;

/// The vector of T on architecture A (by default the widest).
template <class T, class A = arch>
using vector = xsimd::batch<T, A>;

/// Whether the SIMD kernels on vectors of L lanes read filters of out_c output channels in blocks
/// of filter_block (kernels/filter_layout.hpp): TensorFlow's layout (0), or blocks of whole vectors
/// when out_c is whole vectors. Any other (a prepacked layout chosen for another SIMD width) takes
/// the scalar kernel (kernels/conv2d_transpose.hpp).
constexpr bool reads_filter_layout(int out_c, int filter_block, int L) {
  return filter_block == 0 || (out_c >= L && out_c % L == 0 && filter_block % L == 0);
}

/// The lanes of the vectors that evaluate out_c output channels with the broadcast tile: the
/// widest that divide out_c (arch, then narrow_arch), else the widest's. prepack (prepacked.hpp)
/// makes its blocks for them, and kernel_choice (kernel_choice.hpp) picks the same.
template <class T>
constexpr int broadcast_lanes(int out_c) {
  constexpr int wide = int(vector<T>::size), narrow = int(vector<T, narrow_arch>::size);
  return out_c >= wide && out_c % wide == 0 ? wide : out_c >= narrow && out_c % narrow == 0 ? narrow : wide;
}

/// SIMD registers the register tiles are sized for: 16 on x86-64 before AVX-512, 32 with
/// AVX-512 (for its 256-bit vectors too) and on AArch64.
#if XSIMD_WITH_AVX512F || XSIMD_WITH_NEON64
inline constexpr int vector_registers = 32;
#else
inline constexpr int vector_registers = 16;
#endif

}  // namespace convt::kernels::simd
#endif

namespace convt::inline CONVT_ABI::kernels {

/// The name of the kernel set this translation unit uses, for reports and benchmarks.
constexpr const char* simd_arch_name() noexcept {
#if defined(CONVT_SCALAR_ONLY)
  return "scalar";
#else
  return simd::arch::name();
#endif
}

/// Whether abi_name is "abi_" followed by arch_name with '+' spelled '_'.
constexpr bool abi_name_matches(const char* abi_name, const char* arch_name) noexcept {
  for (const char c : {'a', 'b', 'i', '_'})
    if (*abi_name++ != c) return false;
  for (; *arch_name; ++abi_name, ++arch_name)
    if (*abi_name != (*arch_name == '+' ? '_' : *arch_name)) return false;
  return *abi_name == 0;
}
static_assert(abi_name_matches(CONVT_ABI_NAME, simd_arch_name()),
              "convt: the inline namespace CONVT_ABI (abi.hpp) must name the kernel set xsimd chose");

}  // namespace convt::kernels
