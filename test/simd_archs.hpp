// test/simd_archs.hpp: the vectors the SIMD primitive tests (test_simd_primitives.cpp,
// test_simd_math.cpp) run on: float and double on every architecture the kernels use
// (kernels/simd/arch.hpp), each once. That is `arch` and, where it differs, `narrow_arch` (an
// AVX-512 build: avx512bw and fma3+avx2, which a layer takes where 16-float vectors do not divide
// its channels); elsewhere `arch` alone.
#pragma once

#include <convt/convt.hpp>

#if !defined(CONVT_SCALAR_ONLY)
#include <tuple>
#include <type_traits>
#include <utility>

namespace simd_test {

namespace simd = convt::kernels::simd;

/// The architectures the kernels are instantiated for, without repeats.
using archs = std::conditional_t<simd::has_narrow_arch, std::tuple<simd::arch, simd::narrow_arch>,
                                 std::tuple<simd::arch>>;

template <class Archs>
struct float_and_double_on;
template <class... A>
struct float_and_double_on<std::tuple<A...>> {
  using type = decltype(std::tuple_cat(std::declval<std::tuple<simd::vector<float, A>, simd::vector<double, A>>>()...));
};

/// vector<float, A> and vector<double, A> for each A in archs: the types of the template test
/// cases (BOOST_AUTO_TEST_CASE_TEMPLATE).
using vector_types = typename float_and_double_on<archs>::type;

/// The architecture of vector type V, as xsimd names it ("avx512bw", "fma3+avx2"), for messages.
template <class V>
constexpr const char* arch_name() noexcept {
  return V::arch_type::name();
}

}  // namespace simd_test
#endif
