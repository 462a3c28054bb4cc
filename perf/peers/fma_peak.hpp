// Single-core f32 peak probe: how many GFLOP/s this core sustains on a
// dependency-free stream of multiply-adds. Used as the roofline ceiling the
// deconvolution kernels are compared against.
//
// x86-64: 12 independent 8-lane _mm256_fmadd_ps chains when the CPU has
// AVX2+FMA (picked at run time; the kernel is compiled with a target
// attribute so no -m flags are required). 12 chains cover latency x
// throughput (4 cycles x 2 pipes = 8 on Zen3, 4 x 2 on Skylake) with margin
// while still fitting in the 16 ymm registers alongside the two constants.
// Otherwise: SSE mul+add (baseline on x86-64), or scalar multiply-add.
// Flops counted: 2 per lane per FMA (or per mul+add pair).
#pragma once

#include <chrono>
#include <cstdint>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CONVT_PERF_X86 1
#endif

namespace convt_perf {

namespace detail {

// Each kernel runs `iters` iterations over `chains` accumulators and returns
// a value depending on all of them, so nothing can be discarded. acc = acc*m
// + c with m just below 1 converges to c/(1-m): no overflow, no denormals.
inline constexpr int kFmaChains = 12;

#if defined(CONVT_PERF_X86)
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

}  // namespace detail

// Best-of-several single-core f32 FMA throughput in GFLOP/s. Total probe time
// is roughly `seconds` (default 0.2 s) plus a short calibration.
inline double measure_fma_peak_gflops_f32(double seconds = 0.2) {
  using clock = std::chrono::steady_clock;
  float (*kernel)(std::int64_t) = detail::fma_kernel_scalar;
  int lanes = 1;
#if defined(CONVT_PERF_X86)
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    kernel = detail::fma_kernel_avx2;
    lanes = 8;
  } else {
    kernel = detail::fma_kernel_sse;
    lanes = 4;
  }
#endif
  const auto time_it = [&](std::int64_t iters) {
    const auto t0 = clock::now();
    detail::fma_peak_sink = detail::fma_peak_sink + kernel(iters);
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

  const double flops = 2.0 * lanes * detail::kFmaChains * double(iters);
  double best = 0.0;
  for (int r = 0; r < reps; ++r) {
    const double g = flops / time_it(iters) * 1e-9;
    if (g > best) best = g;
  }
  return best;
}

}  // namespace convt_perf
