// The kernels as release builds compile them: every other test program defines
// CONVT_NO_FORCE_INLINE (test/meson.build) to keep the -O0/-O1 test builds quick, so this one,
// built at -O2 with the tile loops forced inline (kernels/simd/arch.hpp), checks a configuration
// of each kernel path against the reference: small filters packed on the fly, 64-pixel packing,
// the dot tile with an in_c tail and for filters read from L2, atrous, NCHW, double, prepacked
// filters (in check_against_reference, and in blocks narrower than out_c), and a fused epilogue
// with an input-side expression.
#include <boost/test/unit_test.hpp>

#include <convt/convt.hpp>

#include "case_runner.hpp"

#if defined(CONVT_NO_FORCE_INLINE)
#error "test_forced_inline must be built without CONVT_NO_FORCE_INLINE"
#endif

using cases::padding;
using cases::spec;

namespace {

template <spec c, class T = float>
void check(std::uint32_t seed) {
  cases::check_against_reference<T, c>(seed);
  cases::check_expression_against_reference<T, c>(seed + 10);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_kernel_path_forced_inline) {
  // small filters (3x3x8x8), packed whatever their reuse
  check<spec{.n = 1, .ih = 4, .iw = 4, .ic = 8, .oh = 8, .ow = 8, .oc = 8, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>(1);
  // 64 input pixels: packed by reuse, two channel blocks
  check<spec{.n = 1, .ih = 8, .iw = 8, .ic = 16, .oh = 16, .ow = 16, .oc = 32, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>(2);
  // dot tile: 3 output channels, in_c tail, batch 2
  check<spec{.n = 2, .ih = 6, .iw = 5, .ic = 12, .oh = 12, .ow = 10, .oc = 3, .kh = 4, .kw = 4, .sh = 2, .sw = 2}>(3);
  // dot tile of 3 channels for filters read from L2 (9 taps x 130 in_c), a one-channel remainder
  check<spec{.n = 1, .ih = 5, .iw = 6, .ic = 130, .oh = 5, .ow = 6, .oc = 10, .kh = 3, .kw = 3}>(6);
  // atrous, VALID
  check<spec{.n = 1, .ih = 9, .iw = 9, .ic = 8, .oh = 13, .ow = 13, .oc = 16, .kh = 3, .kw = 3, .dh = 2, .dw = 2,
             .pad = padding::valid, .atrous = true}>(4);
  // NCHW (through the NHWC scratch), double
  check<spec{.n = 1, .ih = 5, .iw = 6, .ic = 8, .oh = 10, .ow = 12, .oc = 8, .kh = 3, .kw = 3, .sh = 2, .sw = 2,
             .nchw = true}, double>(5);
  // prepacked in blocks of 24 channels (prepack's layout for filters over 1 MiB on AVX2), of 40
  cases::check_against_reference<float, spec{.n = 1, .ih = 6, .iw = 5, .ic = 5, .oh = 12, .ow = 10, .oc = 40, .kh = 3, .kw = 3, .sh = 2, .sw = 2}, 24>(7);
}
