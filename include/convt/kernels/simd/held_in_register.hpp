// convt/kernels/simd/held_in_register.hpp (SIMD primitive): a vector the compiler must keep in a
// register, for values that several FMAs of a tile read.
//
// g++ 12 folds such a load into each FMA as a memory operand and so loads it once per use: a
// dot tile's P x O FMAs then need one load each instead of P + O loads in all (a broadcast tile's
// P x V, P + V), and run at the load ports' pace. An empty asm that takes and returns the register
// hides where the value came from, so the FMAs read the register. Only where the vector fits one
// register of the target, the compiler has GNU asm and CONVT_HOLD_IN_REGISTERS (config.hpp) is 1;
// elsewhere the value as is.
#pragma once

#include "../../config.hpp"

#include "arch.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

#if !CONVT_HOLD_IN_REGISTERS
inline constexpr int native_register_bytes = 0;
#define CONVT_DETAIL_HOLD(r)
#elif (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
// native_register_bytes: the widest vector register the compiler targets, in bytes. The asm
// constraint "v" is any of the 32 registers AVX-512 has; "x" any of the 16 before it.
#if defined(__AVX512F__)
inline constexpr int native_register_bytes = 64;
#define CONVT_DETAIL_HOLD(r) asm("" : "+v"(r))
#elif defined(__AVX__)
inline constexpr int native_register_bytes = 32;
#define CONVT_DETAIL_HOLD(r) asm("" : "+x"(r))
#else
inline constexpr int native_register_bytes = 16;
#define CONVT_DETAIL_HOLD(r) asm("" : "+x"(r))
#endif
#elif (defined(__GNUC__) || defined(__clang__)) && defined(__aarch64__)
inline constexpr int native_register_bytes = 16;
#define CONVT_DETAIL_HOLD(r) asm("" : "+w"(r))
#else
inline constexpr int native_register_bytes = 0;
#define CONVT_DETAIL_HOLD(r)
#endif

/// v, as a value the compiler holds in a register rather than reading it again from memory.
template <class V>
CONVT_FORCE_INLINE inline V held_in_register(V v) noexcept {
  using R = typename V::register_type;
  if constexpr (sizeof(R) <= native_register_bytes) {
    R r = v;
    CONVT_DETAIL_HOLD(r);
    return V(r);
  } else {
    return v;
  }
}

#undef CONVT_DETAIL_HOLD

}  // namespace convt::kernels::simd
