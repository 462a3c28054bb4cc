// Generated configurations against the independent reference (reference.hpp): SAME, VALID and
// EXPLICIT padding, strides 1-4, dilations, NCHW, batch > 1, zero-sized dimensions, filters larger
// than the input, channel counts 1, 3, 17, 33, odd spatial sizes, float and double, every spelling
// of strides/dilations, and atrous_conv2d_transpose.
#include <boost/test/unit_test.hpp>

#include "case_runner.hpp"

using cases::padding;
using cases::spec;

namespace {

template <spec c>
void float_and_double() {
  static std::uint32_t seed = 1;
  cases::check_against_reference<float, c>(seed += 2);
  cases::check_against_reference<double, c>(seed += 2);
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_padding) {
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 8, .ow = 8, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 7, .ow = 7, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .window_form = 1}>();
  float_and_double<spec{.n = 2, .ih = 5, .iw = 3, .ic = 17, .oh = 10, .ow = 5, .oc = 3, .kh = 3, .kw = 2, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 5, .ic = 33, .oh = 9, .ow = 13, .oc = 4, .kh = 4, .kw = 4, .sh = 3, .sw = 3, .window_form = 4}>();
  float_and_double<spec{.n = 1, .ih = 2, .iw = 2, .ic = 1, .oh = 8, .ow = 7, .oc = 1, .kh = 5, .kw = 3, .sh = 4, .sw = 4}>();
  float_and_double<spec{.n = 1, .ih = 7, .iw = 7, .ic = 8, .oh = 7, .ow = 7, .oc = 8, .kh = 3, .kw = 3}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 3, .ic = 5, .oh = 3, .ow = 6, .oc = 2, .kh = 2, .kw = 3, .sh = 1, .sw = 2}>();
}

BOOST_AUTO_TEST_CASE(same_padding_clamped_total_and_large_filters) {
  // (I-1)*s + e - O < 0: nothing cropped at the start, zero rows at the end.
  float_and_double<spec{.n = 1, .ih = 2, .iw = 2, .ic = 2, .oh = 8, .ow = 8, .oc = 3, .kh = 1, .kw = 1, .sh = 4, .sw = 4}>();
  // filters larger than the input
  float_and_double<spec{.n = 1, .ih = 1, .iw = 2, .ic = 3, .oh = 2, .ow = 4, .oc = 2, .kh = 5, .kw = 5, .sh = 2, .sw = 2}>();
}

BOOST_AUTO_TEST_CASE(valid_padding) {
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 9, .ow = 10, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .pad = padding::valid}>();
  float_and_double<spec{.n = 2, .ih = 3, .iw = 5, .ic = 17, .oh = 8, .ow = 7, .oc = 33, .kh = 2, .kw = 3, .sh = 3, .sw = 1, .pad = padding::valid}>();
  // kernel smaller than the stride, and the "+ s - 1" slack rows that stay 0
  float_and_double<spec{.n = 1, .ih = 2, .iw = 3, .ic = 1, .oh = 7, .ow = 10, .oc = 1, .kh = 2, .kw = 2, .sh = 4, .sw = 4, .pad = padding::valid}>();
  float_and_double<spec{.n = 1, .ih = 1, .iw = 1, .ic = 4, .oh = 5, .ow = 5, .oc = 3, .kh = 5, .kw = 5, .pad = padding::valid, .window_form = 1}>();
}

BOOST_AUTO_TEST_CASE(explicit_padding) {
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 7, .ow = 8, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .pad = padding::explicit_, .pt = 1, .pb = 1, .pl = 0, .pr = 1}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 3, .ic = 2, .oh = 1, .ow = 1, .oc = 2, .kh = 3, .kw = 3, .pad = padding::explicit_, .pt = 2, .pb = 2, .pl = 2, .pr = 2}>();
  float_and_double<spec{.n = 2, .ih = 3, .iw = 3, .ic = 5, .oh = 6, .ow = 8, .oc = 4, .kh = 4, .kw = 3, .sh = 2, .sw = 3, .pad = padding::explicit_, .pt = 2, .pb = 0, .pl = 1, .pr = 2, .nchw = true}>();
}

BOOST_AUTO_TEST_CASE(dilations) {
  // stride and dilation > 1 together (TensorFlow's CPU kernel refuses this; it is well defined)
  float_and_double<spec{.n = 3, .ih = 3, .iw = 4, .ic = 2, .oh = 5, .ow = 7, .oc = 6, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .dh = 2, .dw = 3}>();
  float_and_double<spec{.n = 1, .ih = 4, .iw = 3, .ic = 3, .oh = 11, .ow = 10, .oc = 2, .kh = 3, .kw = 2, .sh = 2, .sw = 3, .dh = 2, .dw = 3, .pad = padding::valid, .window_form = 4}>();
  float_and_double<spec{.n = 1, .ih = 5, .iw = 5, .ic = 3, .oh = 5, .ow = 5, .oc = 3, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .window_form = 1}>();
}

BOOST_AUTO_TEST_CASE(nchw) {
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 8, .ow = 8, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .nchw = true}>();
  float_and_double<spec{.n = 2, .ih = 3, .iw = 5, .ic = 17, .oh = 7, .ow = 13, .oc = 4, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .dh = 1, .dw = 2, .pad = padding::valid, .nchw = true}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 5, .ic = 33, .oh = 9, .ow = 13, .oc = 1, .kh = 4, .kw = 4, .sh = 3, .sw = 3, .nchw = true, .window_form = 4}>();
}

BOOST_AUTO_TEST_CASE(atrous) {
  float_and_double<spec{.n = 1, .ih = 6, .iw = 5, .ic = 4, .oh = 6, .ow = 5, .oc = 3, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}>();
  float_and_double<spec{.n = 2, .ih = 4, .iw = 4, .ic = 3, .oh = 10, .ow = 10, .oc = 2, .kh = 3, .kw = 3, .dh = 3, .dw = 3, .pad = padding::valid, .atrous = true}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 3, .ic = 17, .oh = 3, .ow = 3, .oc = 5, .kh = 2, .kw = 2, .atrous = true}>();
  float_and_double<spec{.n = 1, .ih = 2, .iw = 3, .ic = 2, .oh = 2, .ow = 3, .oc = 2, .kh = 4, .kw = 4, .dh = 2, .dw = 2, .atrous = true}>();
}

BOOST_AUTO_TEST_CASE(channel_counts_for_every_micro_kernel) {
  // out_c a multiple of the vector width and enough input pixels (>= 64) per filter element: the
  // raw filters are packed per channel block for the broadcast tile; 24 channels leave a block of
  // one vector after the blocks of two. Fewer pixels: the dot tile. Odd out_c: dot tile with a
  // channel tail. in_c 1, 3, 17, 33 exercise the in_channels tail of the dot tile.
  float_and_double<spec{.n = 2, .ih = 6, .iw = 7, .ic = 5, .oh = 12, .ow = 14, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 9, .iw = 8, .ic = 17, .oh = 19, .ow = 17, .oc = 24, .kh = 3, .kw = 2, .sh = 2, .sw = 2, .pad = padding::valid}>();
  float_and_double<spec{.n = 1, .ih = 8, .iw = 9, .ic = 3, .oh = 8, .ow = 9, .oc = 32, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}>();
  float_and_double<spec{.n = 1, .ih = 8, .iw = 8, .ic = 33, .oh = 16, .ow = 16, .oc = 8, .kh = 4, .kw = 4, .sh = 2, .sw = 2, .nchw = true}>();
  float_and_double<spec{.n = 1, .ih = 9, .iw = 10, .ic = 4, .oh = 25, .ow = 20, .oc = 16, .kh = 3, .kw = 3, .sh = 3, .sw = 2, .dh = 2, .dw = 1, .pad = padding::explicit_, .pt = 1, .pb = 3, .pl = 2, .pr = 0}>();
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 40, .oh = 8, .ow = 8, .oc = 9, .kh = 4, .kw = 4, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 5, .iw = 5, .ic = 1, .oh = 15, .ow = 15, .oc = 1, .kh = 9, .kw = 9, .sh = 3, .sw = 3}>();
  // A phase's filter taps beyond half of L1 (9 taps x 130 in_c): the dot tile of 3 channels x 4
  // pixels (kernel_choice::dot_filters_from_l2; not with CONVT_OPTIMIZE_SIZE), a one-channel
  // remainder block, an in_c tail.
  float_and_double<spec{.n = 1, .ih = 5, .iw = 6, .ic = 130, .oh = 5, .ow = 6, .oc = 10, .kh = 3, .kw = 3}>();
}

BOOST_AUTO_TEST_CASE(zero_sized_dimensions) {
  // (out_channels 0 is rejected, as TensorFlow rejects a filter depth of 0: see the misuse suite)
  float_and_double<spec{.n = 0, .ih = 3, .iw = 3, .ic = 2, .oh = 6, .ow = 6, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  // no input channels: every output element is an empty sum, 0
  float_and_double<spec{.n = 1, .ih = 3, .iw = 3, .ic = 0, .oh = 6, .ow = 6, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 0, .iw = 3, .ic = 2, .oh = 0, .ow = 6, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  // no input channels where the raw filters would otherwise be packed on the fly (an empty block)
  float_and_double<spec{.n = 1, .ih = 8, .iw = 8, .ic = 0, .oh = 16, .ow = 16, .oc = 8, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
}

BOOST_AUTO_TEST_CASE(prepacked_blocks_of_any_width) {
  // Filters prepacked in blocks of W output channels (kernels/filter_layout.hpp), W given rather
  // than prepack's default: TensorFlow's layout (0); blocks of 1, 2 and 3 vectors of AVX2 floats
  // (8, 16, 24; of 40 channels the last block of 24 is 16 wide); 32, two tiles of 4 AVX2 double
  // vectors per block (the second tile starts inside its block); one block (40); and widths of
  // whole vectors on some targets only (4, 12: on AVX2 floats the scalar kernel reads them).
  constexpr spec wide{.n = 1, .ih = 6, .iw = 5, .ic = 5, .oh = 12, .ow = 10, .oc = 40, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
  cases::check_against_reference<float, wide, 0, 4, 8, 12, 16, 24, 32, 40>(401);
  cases::check_against_reference<double, wide, 4, 8, 12, 24, 32>(403);
  // NCHW (through the NHWC scratch), batch 2, a dilation; atrous.
  cases::check_against_reference<float, spec{.n = 2, .ih = 4, .iw = 5, .ic = 3, .oh = 8, .ow = 9, .oc = 24, .kh = 3, .kw = 2, .sh = 2, .sw = 2, .dh = 1, .dw = 2, .nchw = true}, 8, 16>(405);
  cases::check_against_reference<float, spec{.n = 1, .ih = 5, .iw = 6, .ic = 4, .oh = 5, .ow = 6, .oc = 32, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}, 16, 24>(407);
}

BOOST_AUTO_TEST_CASE(large_filters_prepacked_in_tile_wide_blocks) {
  // Filters over 1 MiB (3 x 3 x 136 x 256 floats: 1.2 MiB): prepack's default is blocks one
  // broadcast tile wide (24 floats or 12 doubles on AVX2), and 136 channels leave a narrower
  // last block (16 floats, 4 doubles there). check_values runs raw and prepacked filters.
  constexpr spec large{.n = 1, .ih = 3, .iw = 3, .ic = 256, .oh = 6, .ow = 6, .oc = 136, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
#if !defined(CONVT_SCALAR_ONLY)
  // The layout is blocks narrower than out_c wherever out_c is whole vectors (not AVX-512 floats).
  using packed = convt::prepacked_filters<float, large.kh, large.kw, large.oc, large.ic>;
  constexpr int L = int(convt::kernels::simd::vector<float>::size);
  static_assert(large.oc % L != 0 || (packed::block_channels > 0 && packed::block_channels < large.oc));
#endif
  float_and_double<large>();
  // The same as an expression: the folded bias starts the sums of a block's tiles.
  cases::check_expression_against_reference<float, large>(409);
}
