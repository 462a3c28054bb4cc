// convt/config.hpp (configuration): every macro a consumer may define to configure convt, with its
// meaning, default and range. Every header that reads one of them includes this file.
//
// Define them before including convt, and the same way in every translation unit that shares convt
// instantiations, as with any header-only library: they are not part of the inline namespace's
// name (abi.hpp). docs/build-options.md lists them with the meson options.
#pragma once

#include "abi.hpp"

// ---- which kernels run --------------------------------------------------------------------------

// CONVT_SCALAR_ONLY: defined or not (default: not defined).
//   Only the scalar kernels (kernels/scalar/), and xsimd is not even included. abi.hpp defines it
//   when xsimd supports no instruction set of the target (Cortex-M).

// CONVT_OPTIMIZE_SIZE: defined or not (default: not defined).
//   Favour code size over speed in the SIMD kernels, for flash-constrained targets: tiles of one
//   pixel (or a whole phase row), channel blocks that divide out_c, one set of accumulators per
//   broadcast tile, epilogues per element (kernels/simd/kernel_choice.hpp, the tiles).

// ---- stack budgets ------------------------------------------------------------------------------

/// CONVT_MAX_SCRATCH_BYTES: bytes, 0 or more (default 256 KiB).
///   The largest stack buffer the raw-filter path may use to pack one block of output channels for
///   the broadcast tile; 0 disables packing on the fly. For conv2d whose out_c is not a multiple of
///   the SIMD width: the largest filter tensor repacked for the dot tile; larger ones take the
///   scalar kernel.
#ifndef CONVT_MAX_SCRATCH_BYTES
#define CONVT_MAX_SCRATCH_BYTES (256 * 1024)
#endif

/// CONVT_MAX_NCHW_SCRATCH_BYTES: bytes, 0 or more (default 2 MiB).
///   The largest stack scratch for evaluating NCHW through NHWC (one input and one output image);
///   larger NCHW layers take the scalar kernel, which reads NCHW directly.
#ifndef CONVT_MAX_NCHW_SCRATCH_BYTES
#define CONVT_MAX_NCHW_SCRATCH_BYTES (2 * 1024 * 1024)
#endif

// CONVT_ASSUME_NO_ALIASING: defined or not (default: not defined).
//   assign skips its alias check and the stack temporary of the result's shape that an overlap
//   needs (eval.hpp); the destination must then not overlap what the expression reads.

// ---- which tile, and its shape ------------------------------------------------------------------

/// CONVT_PACK_MIN_REUSE: input pixels, 0 or more (default 64).
///   Raw filters are packed for the broadcast tile when every filter element meets at least this
///   many input pixels of an image (in_h * in_w; the output's for conv2d), or when they are small
///   (next).
#ifndef CONVT_PACK_MIN_REUSE
#define CONVT_PACK_MIN_REUSE 64
#endif

/// CONVT_PACK_SMALL_FILTER_BYTES: bytes, 0 or more (default 16 KiB).
///   With AVX and f32, raw filters of at most this many bytes are packed whatever their reuse: the
///   copy moves 8 x 8 blocks through registers (kernels/simd/transpose.hpp) and costs less than the
///   dot tile loses on a small layer.
#ifndef CONVT_PACK_SMALL_FILTER_BYTES
#define CONVT_PACK_SMALL_FILTER_BYTES (16 * 1024)
#endif

/// CONVT_L1_DATA_BYTES: bytes, 0 or more (default 32 KiB).
///   The L1 data cache the dot tile's shape assumes: from 8 output channels on, 3 channels x 4
///   pixels instead of 4 x 2 when a phase's filter taps for 4 channels exceed half of it.
#ifndef CONVT_L1_DATA_BYTES
#define CONVT_L1_DATA_BYTES (32 * 1024)
#endif

/// CONVT_UNROLL_TAP_STEPS: FMA steps, 0 or more (default 64).
///   The broadcast tile's loops over taps are unrolled only when the most taps any phase of the
///   layer has, times in_c (a tile's FMA steps), are at most this many: one decision per layer.
#ifndef CONVT_UNROLL_TAP_STEPS
#define CONVT_UNROLL_TAP_STEPS 64
#endif

/// CONVT_MIN_FMA_CHAINS: FMA chains, 0 to 1024 (default 8).
///   Independent FMA chains a broadcast tile keeps in flight: FMA latency times FMA units (4 cycles
///   x 2 units on Zen 3, Skylake and Neoverse N1). Tiles with fewer accumulators keep several sets
///   of them (accumulator_sets, kernels/simd/broadcast_tile.hpp); 0 or 1 keeps one set.
#ifndef CONVT_MIN_FMA_CHAINS
#define CONVT_MIN_FMA_CHAINS 8
#endif

// CONVT_TILE_PIXELS, CONVT_TILE_CHANNELS: 1 or more (default: not defined).
//   Knobs for experiments: they override the dot tile's pixels and channels, which
//   kernels/simd/kernel_choice.hpp otherwise derives from the registers and the layer.

// ---- how the tiles are compiled -----------------------------------------------------------------

// CONVT_NO_FORCE_INLINE: defined or not (default: not defined).
//   Leave inlining to the compiler. Otherwise, in optimised builds with g++ and clang++, each
//   layer's tile loops are forced inline into one function (CONVT_FORCE_INLINE,
//   kernels/simd/arch.hpp).

/// CONVT_HOLD_IN_REGISTERS: 0 or 1 (default 1).
///   1: the tiles pass the vectors several FMAs read through an empty asm, so that g++ keeps
///   them in registers (kernels/simd/held_in_register.hpp). 0 passes them through as they are:
///   needed where xsimd's vectors are not the target's registers (SIMDe's emulated AVX-512,
///   test/emulation/avx512_on_simde.hpp, sets it).
#ifndef CONVT_HOLD_IN_REGISTERS
#define CONVT_HOLD_IN_REGISTERS 1
#endif

/// CONVT_UNROLL_FULLY: put before each loop over a register tile's accumulators, filter vectors
///   or pixels (trip counts are template constants). g++ keeps an array of vectors in registers
///   only when every loop that indexes it is unrolled, and on its own unrolls at most 16
///   iterations (a tile of 12 pixels x 2 vectors has 24 accumulators). clang++ reads the same
///   pragma.
#if defined(__GNUC__) || defined(__clang__)
#define CONVT_UNROLL_FULLY _Pragma("GCC unroll 64")
#else
#define CONVT_UNROLL_FULLY
#endif

/// CONVT_TILE_BOUNDARY(): what runs between two register tiles (default: with g++ and clang++, an
///   empty asm statement that clobbers memory; nothing otherwise).
///   The barrier keeps each tile's loads within the tile. In a layer whose tiles all inline into
///   one straight run of code, the compiler would otherwise hoist later tiles' input and filter
///   loads into earlier tiles and spill them, by an amount that changes with the epilogue and with
///   what else the executable holds. Define it empty to let the compiler move loads across tiles.
#ifndef CONVT_TILE_BOUNDARY
#if defined(__GNUC__) || defined(__clang__)
#define CONVT_TILE_BOUNDARY() asm volatile("" ::: "memory")
#else
#define CONVT_TILE_BOUNDARY()
#endif
#endif

namespace convt::inline CONVT_ABI {

// Checked where the SIMD kernels are built: they alone read it.
#if !defined(CONVT_SCALAR_ONLY)
static_assert(CONVT_MIN_FMA_CHAINS >= 0 && CONVT_MIN_FMA_CHAINS <= 1024,
              "convt: CONVT_MIN_FMA_CHAINS is a count of FMA chains, 0 to 1024 (0 or 1: one set of accumulators)");
#endif

}  // namespace convt
