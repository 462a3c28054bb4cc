// The AVX-512 intrinsics that the emulated configuration (-Darch=avx512_emulated) takes from SIMDe
// or from test/emulation/avx512_shims.hpp, lane by lane: against Intel's pseudo-code (Intel
// Intrinsics Guide) everywhere, and against the instructions themselves where the build targets a
// CPU with AVX-512 (there SIMDE_NO_NATIVE keeps SIMDe on its portable code, the code that the
// emulated configuration runs). Every immediate operand is tried.
#if !defined(CONVT_EMULATED_AVX512)
#define SIMDE_NO_NATIVE
#endif
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "emulation/avx512_shims.hpp"

#if defined(__AVX512F__) && !defined(CONVT_EMULATED_AVX512)
#include <immintrin.h>
#define CONVT_TEST_REAL_AVX512 1
#else
#define CONVT_TEST_REAL_AVX512 0
#endif

namespace {

template <class Vector, class T, int N>
void store(Vector v, T (&lanes)[N]) {
  static_assert(sizeof(Vector) == sizeof(lanes));
  std::memcpy(lanes, &v, sizeof(lanes));
}
template <class Vector, class T, int N>
Vector load(const T (&lanes)[N]) {
  static_assert(sizeof(Vector) == sizeof(lanes));
  Vector v;
  std::memcpy(&v, lanes, sizeof(lanes));
  return v;
}

/// Whether got and want hold the same bits in every lane; reports the first lane that differs.
template <class T, int N>
bool same_lanes(const char* what, int imm8, const T (&got)[N], const T (&want)[N]) {
  for (int i = 0; i < N; ++i)
    if (std::memcmp(&got[i], &want[i], sizeof(T)) != 0) {
      BOOST_ERROR(what << " imm8 " << imm8 << " lane " << i << ": got " << got[i] << ", want " << want[i]);
      return false;
    }
  return true;
}

/// Distinct values per lane and operand: a[i] = 100 + i, b[i] = 200 + i.
template <class T, int N>
void distinct(T (&a)[N], T (&b)[N]) {
  for (int i = 0; i < N; ++i) a[i] = T(100 + i), b[i] = T(200 + i);
}

template <int... imm8>
void check_shuffle_f32x4(std::integer_sequence<int, imm8...>) {
  float a[16], b[16];
  distinct(a, b);
  const auto check = [&]<int imm>() {
    float want[16], got[16];
    // dst.quarter[k] := (k < 2 ? a : b).quarter[imm8[2k + 1 : 2k]]
    for (int k = 0; k < 4; ++k)
      for (int i = 0; i < 4; ++i) want[4 * k + i] = (k < 2 ? a : b)[4 * ((imm >> (2 * k)) & 3) + i];
    store(simde_mm512_shuffle_f32x4(load<simde__m512>(a), load<simde__m512>(b), imm), got);
    BOOST_TEST(same_lanes("simde_mm512_shuffle_f32x4 (pseudo-code)", imm, got, want));
#if CONVT_TEST_REAL_AVX512
    store(_mm512_shuffle_f32x4(load<__m512>(a), load<__m512>(b), imm), want);
    BOOST_TEST(same_lanes("simde_mm512_shuffle_f32x4 (instruction)", imm, got, want));
#endif
  };
  (check.template operator()<imm8>(), ...);
}

template <int... imm8>
void check_shuffle_f64x2(std::integer_sequence<int, imm8...>) {
  double a[8], b[8];
  distinct(a, b);
  const auto check = [&]<int imm>() {
    double want[8], got[8];
    for (int k = 0; k < 4; ++k)
      for (int i = 0; i < 2; ++i) want[2 * k + i] = (k < 2 ? a : b)[2 * ((imm >> (2 * k)) & 3) + i];
    store(simde_mm512_shuffle_f64x2(load<simde__m512d>(a), load<simde__m512d>(b), imm), got);
    BOOST_TEST(same_lanes("simde_mm512_shuffle_f64x2 (pseudo-code)", imm, got, want));
#if CONVT_TEST_REAL_AVX512
    store(_mm512_shuffle_f64x2(load<__m512d>(a), load<__m512d>(b), imm), want);
    BOOST_TEST(same_lanes("simde_mm512_shuffle_f64x2 (instruction)", imm, got, want));
#endif
  };
  (check.template operator()<imm8>(), ...);
}

template <int... imm8>
void check_shuffle_pd(std::integer_sequence<int, imm8...>) {
  double a[8], b[8];
  distinct(a, b);
  const auto check = [&]<int imm>() {
    double want[8], got[8];
    for (int k = 0; k < 4; ++k) {
      want[2 * k] = a[2 * k + ((imm >> (2 * k)) & 1)];
      want[2 * k + 1] = b[2 * k + ((imm >> (2 * k + 1)) & 1)];
    }
    store(convt_shim::mm512_shuffle_pd(load<simde__m512d>(a), load<simde__m512d>(b), imm), got);
    BOOST_TEST(same_lanes("mm512_shuffle_pd (pseudo-code)", imm, got, want));
#if CONVT_TEST_REAL_AVX512
    store(_mm512_shuffle_pd(load<__m512d>(a), load<__m512d>(b), imm), want);
    BOOST_TEST(same_lanes("mm512_shuffle_pd (instruction)", imm, got, want));
#endif
  };
  (check.template operator()<imm8>(), ...);
}

}  // namespace

BOOST_AUTO_TEST_CASE(simde_shuffle_f32x4_moves_quarters_as_intel_specifies) {
  check_shuffle_f32x4(std::make_integer_sequence<int, 256>{});
}

BOOST_AUTO_TEST_CASE(simde_shuffle_f64x2_moves_quarters_as_intel_specifies) {
  check_shuffle_f64x2(std::make_integer_sequence<int, 256>{});
}

BOOST_AUTO_TEST_CASE(shim_shuffle_pd_picks_lanes_as_intel_specifies) {
  check_shuffle_pd(std::make_integer_sequence<int, 256>{});
}

BOOST_AUTO_TEST_CASE(shim_extractf32x8_takes_the_named_half) {
  float a[16], b[16];
  distinct(a, b);
  const auto check = [&]<int imm>() {
    float want[8], got[8];
    for (int i = 0; i < 8; ++i) want[i] = a[8 * (imm & 1) + i];
    store(convt_shim::mm512_extractf32x8_ps(load<simde__m512>(a), imm), got);
    BOOST_TEST(same_lanes("mm512_extractf32x8_ps (pseudo-code)", imm, got, want));
#if CONVT_TEST_REAL_AVX512 && defined(__AVX512DQ__)
    store(_mm512_extractf32x8_ps(load<__m512>(a), imm), want);
    BOOST_TEST(same_lanes("mm512_extractf32x8_ps (instruction)", imm, got, want));
#endif
  };
  check.template operator()<0>();
  check.template operator()<1>();
}

BOOST_AUTO_TEST_CASE(shim_cvttps_epi32_truncates_and_marks_out_of_range) {
  constexpr float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  // In range: truncation toward zero; out of range, infinite or NaN: 0x80000000.
  const float inputs[3][16] = {
      {0.0f, -0.0f, 0.5f, -0.5f, 1.5f, -1.5f, 2.99f, -2.99f, 1e-40f, -1e-40f, 123456.78f, -123456.78f, 16777216.0f,
       -16777217.0f, 2147483520.0f, -2147483648.0f},
      {2147483648.0f, -2147483904.0f, 3e9f, -3e9f, inf, -inf, nan, -nan, 1e38f, -1e38f, 65535.5f, -65535.5f, 7.0f,
       -7.0f, 0.999999f, -0.999999f},
      {1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f, 8.0f, 9.0f, 10.0f, 11.0f, 12.0f, 13.0f, 14.0f, 15.0f, 16.0f},
  };
  for (const auto& in : inputs) {
    std::int32_t want[16], got[16];
    for (int i = 0; i < 16; ++i) {
      const float f = in[i];
      // Intel: Convert_FP32_To_Int32_Truncate; the "integer indefinite" 0x80000000 when the
      // truncated value does not fit (and for NaN).
      const bool fits = !std::isnan(f) && std::trunc(double(f)) >= -2147483648.0 && std::trunc(double(f)) <= 2147483647.0;
      want[i] = fits ? std::int32_t(std::trunc(double(f))) : INT32_MIN;
    }
    store(convt_shim::mm512_cvttps_epi32(load<simde__m512>(in)), got);
    BOOST_TEST(same_lanes("mm512_cvttps_epi32 (pseudo-code)", 0, got, want));
#if CONVT_TEST_REAL_AVX512
    store(_mm512_cvttps_epi32(load<__m512>(in)), want);
    BOOST_TEST(same_lanes("mm512_cvttps_epi32 (instruction)", 0, got, want));
#endif
  }
}

BOOST_AUTO_TEST_CASE(reports_what_it_compared_against) {
  BOOST_TEST_MESSAGE("AVX-512 shims compared against Intel's pseudo-code"
                     << (CONVT_TEST_REAL_AVX512 ? " and the instructions themselves" : " (no AVX-512 instructions here)"));
  BOOST_TEST(true);
}
