// Single-core f32 peak probe: how many GFLOP/s this core sustains on a
// dependency-free stream of multiply-adds at a given vector width. Used as the
// roofline ceiling the deconvolution kernels are compared against, so the
// caller asks for the kernels' width (convt::kernels::simd::vector<float>::size):
// a narrower probe would put the kernels above 100% of "peak".
//
//   16 lanes: _mm512_fmadd_ps, 16 chains (AVX-512F)
//    8 lanes: _mm256_fmadd_ps, 12 chains (AVX2+FMA)
//    4 lanes: SSE mul+add on x86-64 (the baseline), vfmaq_f32 on AArch64
//    1 lane:  scalar multiply-add
// Each x86 kernel is compiled with a target attribute, so no -m flags are
// required; the CPU is checked before running it. The chain counts cover
// FMA latency x FMA pipes (4 x 2 on Zen and Skylake) with margin, and fit the
// register file alongside the two constants (16 ymm, 32 zmm).
// Flops counted: 2 per lane per FMA (or per mul+add pair).
#pragma once

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CONVT_PERF_X86 1
#elif defined(__aarch64__)
#include <arm_neon.h>
#define CONVT_PERF_NEON 1
#endif

namespace convt_perf {

/// A probe result: the rate and the instruction set it was measured with.
struct fma_peak {
  double gflops = 0;
  const char* instruction_set = "";  // e.g. "avx512 fma"
  int lanes = 1;

  /// E.g. "avx512 fma, 16 lanes".
  std::string label() const {
    return std::string(instruction_set) + ", " + std::to_string(lanes) + (lanes == 1 ? " lane" : " lanes");
  }
};

namespace detail {

// Each kernel runs `iters` iterations over `chains` accumulators and returns
// a value depending on all of them, so nothing can be discarded. acc = acc*m
// + c with m just below 1 converges to c/(1-m): no overflow, no denormals.
inline constexpr int kFmaChains = 12;
// 32 zmm registers leave room for more chains than the 16 ymm of AVX2.
inline constexpr int kFmaChains512 = 16;

#if defined(CONVT_PERF_X86)
__attribute__((target("avx512f"), noinline)) inline float fma_kernel_avx512(std::int64_t iters) {
  const __m512 m = _mm512_set1_ps(0.9999999f);
  const __m512 c = _mm512_set1_ps(1e-7f);
  __m512 a[kFmaChains512];
  for (int k = 0; k < kFmaChains512; ++k) a[k] = _mm512_set1_ps(float(k));
  for (std::int64_t i = 0; i < iters; ++i) {
#pragma GCC unroll 16
    for (int k = 0; k < kFmaChains512; ++k) a[k] = _mm512_fmadd_ps(a[k], m, c);
  }
  __m512 s = a[0];
  for (int k = 1; k < kFmaChains512; ++k) s = _mm512_add_ps(s, a[k]);
  // Stored, not _mm512_reduce_add_ps: g++ 12 warns inside that one (-Wuninitialized).
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, s);
  float r = 0.f;
  for (float v : lanes) r += v;
  return r;
}

__attribute__((target("avx2,fma"), noinline)) inline float fma_kernel_avx2(std::int64_t iters) {
  const __m256 m = _mm256_set1_ps(0.9999999f);
  const __m256 c = _mm256_set1_ps(1e-7f);
  __m256 a[kFmaChains];
  for (int k = 0; k < kFmaChains; ++k) a[k] = _mm256_set1_ps(float(k));
  for (std::int64_t i = 0; i < iters; ++i) {
#pragma GCC unroll 12
    for (int k = 0; k < kFmaChains; ++k) a[k] = _mm256_fmadd_ps(a[k], m, c);
  }
  __m256 s = a[0];
  for (int k = 1; k < kFmaChains; ++k) s = _mm256_add_ps(s, a[k]);
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, s);
  float r = 0.f;
  for (float v : lanes) r += v;
  return r;
}

__attribute__((noinline)) inline float fma_kernel_sse(std::int64_t iters) {
  const __m128 m = _mm_set1_ps(0.9999999f);
  const __m128 c = _mm_set1_ps(1e-7f);
  __m128 a[kFmaChains];
  for (int k = 0; k < kFmaChains; ++k) a[k] = _mm_set1_ps(float(k));
  for (std::int64_t i = 0; i < iters; ++i) {
#pragma GCC unroll 12
    for (int k = 0; k < kFmaChains; ++k) a[k] = _mm_add_ps(_mm_mul_ps(a[k], m), c);
  }
  __m128 s = a[0];
  for (int k = 1; k < kFmaChains; ++k) s = _mm_add_ps(s, a[k]);
  alignas(16) float lanes[4];
  _mm_store_ps(lanes, s);
  return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}
#endif

#if defined(CONVT_PERF_NEON)
__attribute__((noinline)) inline float fma_kernel_neon(std::int64_t iters) {
  const float32x4_t m = vdupq_n_f32(0.9999999f);
  const float32x4_t c = vdupq_n_f32(1e-7f);
  float32x4_t a[kFmaChains];
  for (int k = 0; k < kFmaChains; ++k) a[k] = vdupq_n_f32(float(k));
  for (std::int64_t i = 0; i < iters; ++i) {
#pragma GCC unroll 12
    for (int k = 0; k < kFmaChains; ++k) a[k] = vfmaq_f32(c, a[k], m);
  }
  float32x4_t s = a[0];
  for (int k = 1; k < kFmaChains; ++k) s = vaddq_f32(s, a[k]);
  return vaddvq_f32(s);
}
#endif

__attribute__((noinline)) inline float fma_kernel_scalar(std::int64_t iters) {
  float a[kFmaChains];
  for (int k = 0; k < kFmaChains; ++k) a[k] = float(k);
  for (std::int64_t i = 0; i < iters; ++i) {
#pragma GCC unroll 12
    for (int k = 0; k < kFmaChains; ++k) a[k] = a[k] * 0.9999999f + 1e-7f;
  }
  float r = 0.f;
  for (float v : a) r += v;
  return r;
}

// Keeps the kernel results observable.
inline volatile float fma_peak_sink = 0.f;

struct fma_kernel {
  float (*run)(std::int64_t) = nullptr;
  const char* instruction_set = "";
  int chains = 0;
};

// The kernel of exactly `lanes` lanes, or run == nullptr if this CPU or
// target has none.
inline fma_kernel fma_kernel_for(int lanes) {
  if (lanes == 1) return {fma_kernel_scalar, "scalar", kFmaChains};
#if defined(CONVT_PERF_X86)
  if (lanes == 16 && __builtin_cpu_supports("avx512f")) return {fma_kernel_avx512, "avx512 fma", kFmaChains512};
  if (lanes == 8 && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    return {fma_kernel_avx2, "avx2 fma", kFmaChains};
  if (lanes == 4) return {fma_kernel_sse, "sse mul+add", kFmaChains};
#elif defined(CONVT_PERF_NEON)
  if (lanes == 4) return {fma_kernel_neon, "neon fma", kFmaChains};
#endif
  return {};
}

}  // namespace detail

/// The widest vector this CPU runs a probe for: for callers that compare
/// against libraries dispatching at run time (oneDNN, XNNPACK).
inline int widest_fma_lanes() {
  for (int lanes : {16, 8, 4})
    if (detail::fma_kernel_for(lanes).run) return lanes;
  return 1;
}

/// Best-of-several single-core f32 throughput in GFLOP/s at `lanes` lanes
/// (16, 8, 4 or 1). Throws std::invalid_argument if this CPU has no probe of
/// that width, rather than measure a different one. Total probe time is
/// roughly `seconds` plus a short calibration.
inline fma_peak measure_fma_peak_f32(int lanes, double seconds = 0.2) {
  using clock = std::chrono::steady_clock;
  const detail::fma_kernel kernel = detail::fma_kernel_for(lanes);
  if (!kernel.run)
    throw std::invalid_argument("fma peak probe: no " + std::to_string(lanes) + "-lane f32 kernel on this CPU");
  const auto time_it = [&](std::int64_t iters) {
    const auto t0 = clock::now();
    detail::fma_peak_sink = detail::fma_peak_sink + kernel.run(iters);
    return std::chrono::duration<double>(clock::now() - t0).count();
  };

  // Calibrate (this also ramps the core clock): grow until one run >= 5 ms.
  std::int64_t iters = 1 << 14;
  double t = time_it(iters);
  while (t < 5e-3) {
    iters *= 2;
    t = time_it(iters);
  }
  constexpr int reps = 5;
  const double per_rep = seconds / reps;
  iters = std::int64_t(double(iters) * per_rep / t) + 1;

  const double flops = 2.0 * lanes * kernel.chains * double(iters);
  double best = 0.0;
  for (int r = 0; r < reps; ++r) {
    const double g = flops / time_it(iters) * 1e-9;
    if (g > best) best = g;
  }
  return {best, kernel.instruction_set, lanes};
}

}  // namespace convt_perf
