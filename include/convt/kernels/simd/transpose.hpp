// convt/kernels/simd/transpose.hpp (SIMD primitive): the matrix transpose that repacks filters on
// the fly.
//
// The raw-filter path of the broadcast tile needs, per tap, a [width, in_c] block of TensorFlow's
// [k_h, k_w, out_c, in_c] filters as [in_c, width] (output channels contiguous), and the forward
// conv2d's dot tile needs the reverse. Element by element that is one load and one store per
// filter element, a visible share of a small layer (atrous_r2: 9216 elements per call). With AVX
// and float, 8 x 8 blocks are transposed in registers: 8 loads, 24 shuffles and 8 stores per 64
// elements. Other targets and types, and the edges (a size that is not a multiple of 8), copy
// element by element.
#pragma once

#include "../../abi.hpp"

#include <cstddef>
#include <type_traits>

#include "arch.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// Whether transpose<T, ...> moves 8 x 8 blocks through registers (else element by element).
template <class T>
constexpr bool transpose_in_registers = XSIMD_WITH_AVX && std::is_same_v<T, float>;

/// dst[c * dst_stride + r] = src[r * src_stride + c] for r < rows, c < cols (element strides).
template <class T, int rows, int cols, std::ptrdiff_t src_stride, std::ptrdiff_t dst_stride>
inline void transpose(const T* src, T* dst) noexcept {
  int r_end = 0, c_end = 0;  // the part done by blocks: [0, r_end) x [0, c_end)
#if XSIMD_WITH_AVX
  if constexpr (transpose_in_registers<T> && rows >= 8 && cols >= 8) {
    r_end = rows - rows % 8;
    c_end = cols - cols % 8;
    for (int r = 0; r < r_end; r += 8)
      for (int c = 0; c < c_end; c += 8) {
        const float* s = src + r * src_stride + c;
        __m256 r0 = _mm256_loadu_ps(s + 0 * src_stride), r1 = _mm256_loadu_ps(s + 1 * src_stride);
        __m256 r2 = _mm256_loadu_ps(s + 2 * src_stride), r3 = _mm256_loadu_ps(s + 3 * src_stride);
        __m256 r4 = _mm256_loadu_ps(s + 4 * src_stride), r5 = _mm256_loadu_ps(s + 5 * src_stride);
        __m256 r6 = _mm256_loadu_ps(s + 6 * src_stride), r7 = _mm256_loadu_ps(s + 7 * src_stride);
        // Pairs of rows interleaved, then pairs of pairs (within each 128-bit half), then halves.
        const __m256 t0 = _mm256_unpacklo_ps(r0, r1), t1 = _mm256_unpackhi_ps(r0, r1);
        const __m256 t2 = _mm256_unpacklo_ps(r2, r3), t3 = _mm256_unpackhi_ps(r2, r3);
        const __m256 t4 = _mm256_unpacklo_ps(r4, r5), t5 = _mm256_unpackhi_ps(r4, r5);
        const __m256 t6 = _mm256_unpacklo_ps(r6, r7), t7 = _mm256_unpackhi_ps(r6, r7);
        const __m256 u0 = _mm256_shuffle_ps(t0, t2, 0x44), u1 = _mm256_shuffle_ps(t0, t2, 0xEE);
        const __m256 u2 = _mm256_shuffle_ps(t1, t3, 0x44), u3 = _mm256_shuffle_ps(t1, t3, 0xEE);
        const __m256 u4 = _mm256_shuffle_ps(t4, t6, 0x44), u5 = _mm256_shuffle_ps(t4, t6, 0xEE);
        const __m256 u6 = _mm256_shuffle_ps(t5, t7, 0x44), u7 = _mm256_shuffle_ps(t5, t7, 0xEE);
        float* d = dst + c * dst_stride + r;
        _mm256_storeu_ps(d + 0 * dst_stride, _mm256_permute2f128_ps(u0, u4, 0x20));
        _mm256_storeu_ps(d + 1 * dst_stride, _mm256_permute2f128_ps(u1, u5, 0x20));
        _mm256_storeu_ps(d + 2 * dst_stride, _mm256_permute2f128_ps(u2, u6, 0x20));
        _mm256_storeu_ps(d + 3 * dst_stride, _mm256_permute2f128_ps(u3, u7, 0x20));
        _mm256_storeu_ps(d + 4 * dst_stride, _mm256_permute2f128_ps(u0, u4, 0x31));
        _mm256_storeu_ps(d + 5 * dst_stride, _mm256_permute2f128_ps(u1, u5, 0x31));
        _mm256_storeu_ps(d + 6 * dst_stride, _mm256_permute2f128_ps(u2, u6, 0x31));
        _mm256_storeu_ps(d + 7 * dst_stride, _mm256_permute2f128_ps(u3, u7, 0x31));
      }
  }
#endif
  // The rest, element by element: columns [c_end, cols) of every row, then rows [r_end, rows).
  for (int r = 0; r < rows; ++r)
    for (int c = r < r_end ? c_end : 0; c < cols; ++c) dst[c * dst_stride + r] = src[r * src_stride + c];
}

}  // namespace convt::kernels::simd
