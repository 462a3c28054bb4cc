// The kernels' building blocks, checked on their own against element-by-element definitions:
// the filter transpose that packs raw filters on the fly (kernels/simd/transpose.hpp), over sizes
// below, at and above the 8 x 8 blocks, with padded strides.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include <convt/convt.hpp>

#if !defined(CONVT_SCALAR_ONLY)
namespace {

/// transpose<T, rows, cols, src_stride, dst_stride> against the definition; elements of dst that
/// it must not write keep their sentinel.
template <class T, int rows, int cols, std::ptrdiff_t src_stride, std::ptrdiff_t dst_stride>
void check_transpose() {
  std::vector<T> src(static_cast<std::size_t>(rows * src_stride));
  std::vector<T> dst(static_cast<std::size_t>(cols * dst_stride), T(-1));
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = T(i % 1000) + T(0.5);
  convt::kernels::simd::transpose<T, rows, cols, src_stride, dst_stride>(src.data(), dst.data());
  int wrong = 0;
  for (int c = 0; c < cols; ++c)
    for (std::ptrdiff_t d = 0; d < dst_stride; ++d) {
      const T want = d < rows ? src[std::size_t(d * src_stride + c)] : T(-1);
      wrong += dst[std::size_t(c * dst_stride + d)] != want;
    }
  BOOST_TEST(wrong == 0, "transpose<" << rows << ", " << cols << ", " << src_stride << ", " << dst_stride << ">");
}

}  // namespace

BOOST_AUTO_TEST_CASE(filter_transpose_matches_definition) {
  check_transpose<float, 8, 8, 8, 8>();
  check_transpose<float, 16, 32, 32, 16>();
  check_transpose<float, 8, 13, 13, 8>();     // column tail
  check_transpose<float, 11, 8, 9, 12>();     // row tail, padded strides
  check_transpose<float, 19, 21, 23, 24>();   // both tails
  check_transpose<float, 3, 40, 40, 3>();     // fewer rows than a block
  check_transpose<float, 40, 5, 5, 40>();     // fewer columns than a block
  check_transpose<double, 16, 24, 24, 16>();  // element by element
  check_transpose<double, 9, 7, 7, 9>();
}
#else
BOOST_AUTO_TEST_CASE(scalar_build_has_no_simd_kernels) { BOOST_TEST(convt::kernels::simd_arch_name() == std::string("scalar")); }
#endif
