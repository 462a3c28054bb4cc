// Expression nodes against the independent reference (reference.hpp): every element-wise node
// fused around a convolution (each kernel path: dot tile, broadcast tile with raw and prepacked
// filters, NCHW, atrous; conv2d_transpose and the forward conv2d / atrous_conv2d), element-wise
// expressions on the input side, and two convolutions in one expression. The other nodes' own
// behaviour: test_expression_nodes.cpp. The dot tile's lane-mapped
// epilogue (kernels/epilogue.hpp, tile_lanes) is checked on its own layers: channel blocks that
// start past channel 0, a one-channel layer, NCHW, and bias_add in the other data format.
//
// Expected values are computed here in double from the reference convolution; each check allows
// the convolution's own rounding bound (n * eps * sum|terms|, bounds.hpp), scaled by the
// element-wise function's Lipschitz constant, plus one rounding (eps * magnitude) per element-wise
// operation; sigmoid and tanh add 8 eps for the SIMD exp/tanh approximations (results <= 1).
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <functional>

#include "expression_fixture.hpp"

using namespace expression_tests;

namespace {

/// The fused nodes that read by element, with filters W (the raw tensor or its prepacked copy):
/// relu(bias_add(conv, b)), the bias folded into the convolution's sums; bias_add(bias_add(conv,
/// b), b), the inner one folded, the outer one in the store, where it takes each result's channel
/// (tile_lanes::channel_of on lane-mapped tiles); clamp(0.5 * conv + skip), which reads skip at
/// each result's offset.
template <class T, spec c, class Fixture, class Filters>
void check_bias_and_skip(Fixture& f, const Filters& filters) {
  const auto conv = cases::op<c>(*f.x, filters);
  auto r = [&](std::size_t e) { return f.conv.value[e]; };
  auto cb = [&](std::size_t e) { return f.conv_bound(e); };
  auto b = [&](std::size_t e) { return double(f.bs[f.channel(e)]); };
  auto s = [&](std::size_t e) { return double(f.ss[e]); };

  f.poison();
  convt::assign(*f.y, convt::relu(convt::bias_add(conv, f.bias, format<c>())));
  BOOST_TEST(f.mismatches([&](auto e) { return std::max(r(e) + b(e), 0.0); },
                          [&](auto e) { return f.folded_bias_bound(e, b(e)); }) == 0);

  f.poison();
  convt::assign(*f.y, convt::bias_add(convt::bias_add(conv, f.bias, format<c>()), f.bias, format<c>()));
  BOOST_TEST(f.mismatches([&](auto e) { return r(e) + 2 * b(e); },
                          [&](auto e) {
                            const double folded = f.folded_bias_bound(e, b(e));
                            return folded + eps<T> * (std::fabs(r(e) + b(e)) + std::fabs(b(e)) + folded);
                          }) == 0);

  f.poison();
  convt::assign(*f.y, convt::clamp(T(0.5) * conv + *f.skip, -0.75, 0.75));
  BOOST_TEST(f.mismatches([&](auto e) { return std::clamp(0.5 * r(e) + s(e), -0.75, 0.75); },
                          [&](auto e) { return 0.5 * cb(e) + eps<T> * (0.5 * std::fabs(r(e)) + std::fabs(s(e)) + cb(e)); }) == 0);
}

/// Every element-wise node fused around configuration c's convolution, with filters W
/// (the raw tensor or its prepacked copy, which can take another micro-kernel).
template <class T, spec c, class Fixture, class Filters>
void check_fused(Fixture& f, const Filters& filters) {
  check_bias_and_skip<T, c>(f, filters);
  const auto conv = cases::op<c>(*f.x, filters);
  auto r = [&](std::size_t e) { return f.conv.value[e]; };
  auto cb = [&](std::size_t e) { return f.conv_bound(e); };
  auto s = [&](std::size_t e) { return double(f.ss[e]); };

  f.poison();
  convt::assign(*f.y, convt::leaky_relu(conv - *f.skip, 0.1) + convt::relu6(T(3) * conv));
  BOOST_TEST(f.mismatches(
                 [&](auto e) {
                   const double d = r(e) - s(e);
                   return (d > 0 ? d : 0.1 * d) + std::min(std::max(3 * r(e), 0.0), 6.0);
                 },
                 [&](auto e) { return 4 * cb(e) + 4 * eps<T> * (4 * std::fabs(r(e)) + std::fabs(s(e)) + 4 * cb(e)); }) == 0);

  f.poison();
  convt::assign(*f.y, convt::sigmoid(conv) - convt::tanh(-conv));
  BOOST_TEST(f.mismatches([&](auto e) { return 1 / (1 + std::exp(-r(e))) + std::tanh(r(e)); },
                          [&](auto e) { return 1.25 * cb(e) + 16 * eps<T>; }) == 0);

  f.poison();
  convt::assign(*f.y, convt::min(conv, *f.skip) * convt::max(*f.skip, conv));
  BOOST_TEST(f.mismatches([&](auto e) { return std::min(r(e), s(e)) * std::max(r(e), s(e)); },
                          [&](auto e) {
                            const double m = std::max(std::fabs(r(e)), std::fabs(s(e))) + cb(e);
                            return 2 * m * cb(e) + eps<T> * m * m;
                          }) == 0);

  // Two convolutions in one expression: the second is evaluated into a temporary first.
  f.poison();
  convt::assign(*f.y, conv + T(2) * conv);
  BOOST_TEST(f.mismatches([&](auto e) { return 3 * r(e); },
                          [&](auto e) { return 3 * cb(e) + 2 * eps<T> * 3 * (std::fabs(r(e)) + cb(e)); }) == 0);
}

/// Input-side element-wise expressions, evaluated as the kernel loads them: the reference
/// convolves the same transformed input, computed here with the same float operations.
template <class T, spec c, class Fixture>
void check_input_side(Fixture& f) {
  constexpr int in_channel_axis = c.nchw ? 1 : 3;
  convt::tensor<T, c.ic> in_bias;
  const auto ibs = reference::random_values<T>(std::size_t(c.ic), 99);
  std::copy(ibs.begin(), ibs.end(), in_bias.begin());
  std::vector<T> transformed(f.xs.size());
  for (std::size_t e = 0; e < transformed.size(); ++e) {
    const std::size_t ch = c.nchw ? e / (std::size_t(c.ih) * c.iw) % c.ic : e % c.ic;
    const T v = T(f.xs[e] + ibs[ch]);
    transformed[e] = v < T(0) ? T(0) : v;
  }
  static_assert(in_channel_axis == 1 || in_channel_axis == 3);
  const auto want = reference::conv2d_transpose(f.p, transformed, f.ws);
  f.poison();
  convt::assign(*f.y, cases::op<c>(convt::relu(convt::bias_add(*f.x, in_bias, format<c>())), *f.w));
  BOOST_TEST(f.mismatches([&](auto e) { return want.value[e]; },
                          [&](auto e) { return cases::rigorous_bound<T>(want.terms[e], want.magnitude[e]); }) == 0);
}

/// The forward op of configuration c (conv2d, or atrous_conv2d; the adjoint of op<c>), with
/// relu(bias_add(...)) fused and with relu on its input, against reference::conv2d_with_magnitude.
template <class T, spec c, class Fixture>
void check_forward(Fixture& f) {
  const reference::problem& p = f.p;
  auto out = std::make_unique<cases::input_tensor<T, c>>();  // the forward result is shaped like the transpose's input
  convt::tensor<T, c.ic> bias;
  const auto bs = reference::random_values<T>(std::size_t(c.ic), 77);
  std::copy(bs.begin(), bs.end(), bias.begin());
  const auto want = reference::conv2d_with_magnitude(p, f.ss, f.ws);  // input: the skip tensor, output-shaped
  auto channel = [&](std::size_t e) { return c.nchw ? e / (std::size_t(c.ih) * c.iw) % c.ic : e % c.ic; };
  std::fill(out->begin(), out->end(), std::numeric_limits<T>::quiet_NaN());
  convt::assign(*out, convt::relu(convt::bias_add(cases::forward_op<c>(*f.skip, *f.w), bias, format<c>())));
  BOOST_TEST(count_mismatches(
                 p.input_size(), out->data(), [&](auto e) { return std::max(want.value[e] + double(bs[channel(e)]), 0.0); },
                 [&](auto e) { return cases::folded_bias_bound<T>(want.terms[e], want.magnitude[e], double(bs[channel(e)])); }) == 0);

  std::vector<T> rectified(f.ss);
  for (auto& v : rectified) v = v < T(0) ? T(0) : v;
  const auto want_rectified = reference::conv2d_with_magnitude(p, rectified, f.ws);
  std::fill(out->begin(), out->end(), std::numeric_limits<T>::quiet_NaN());
  convt::assign(*out, cases::forward_op<c>(convt::relu(*f.skip), *f.w));
  BOOST_TEST(count_mismatches(p.input_size(), out->data(), [&](auto e) { return want_rectified.value[e]; },
                              [&](auto e) { return cases::rigorous_bound<T>(want_rectified.terms[e], want_rectified.magnitude[e]); }) == 0);
}

/// check(filters) with the fixture's raw filters, then with their prepacked copy (which can take
/// another micro-kernel).
template <class Fixture, class Check>
void with_raw_and_prepacked_filters(Fixture& f, Check check) {
  check(*f.w);
  auto packed = std::make_unique<decltype(convt::prepack(*f.w))>();
  convt::prepack(*f.w, *packed);
  check(*packed);
}

template <class T, spec c>
void check_configuration(std::uint32_t seed) {
  fixture<T, c> f(seed);
  with_raw_and_prepacked_filters(f, [&](const auto& filters) { check_fused<T, c>(f, filters); });
  check_input_side<T, c>(f);
  check_forward<T, c>(f);
}

template <spec c>
void float_and_double() {
  static std::uint32_t seed = 11;
  check_configuration<float, c>(seed += 7);
  check_configuration<double, c>(seed += 7);
}

// Dot-tile layers (out_c not a multiple of the vector width). The tiles named are AVX2's
// (kernel_choice in kernels/simd/conv2d_transpose.hpp; L = 8 floats, 4 doubles), where the
// epilogue runs on lane-reduced vectors with a lane map wherever the target has no vector of
// exactly O lanes: floats for O = 1, 2, 3; doubles for O = 1, 3.
//
// out_c 6: channel blocks of 4 (pixel vectors) and 2 at oc0 = 4, in tiles of 2 pixels (and 1):
// in float a lane map of 4 results and 4 padding lanes, in double 2-double pixel vectors; SAME,
// an in_c tail in float.
constexpr spec dot_oc6{.n = 1, .ih = 4, .iw = 7, .ic = 12, .oh = 8, .ow = 14, .oc = 6, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
// out_c 7: blocks of 4 and 3 at oc0 = 4 (lane map in both types; two groups of lanes in double,
// the second starting at tile element 4, pixel 1's channel 1); batch 2, VALID with a last
// column no tap reaches, in_c tails of 1.
constexpr spec dot_oc7{.n = 2, .ih = 3, .iw = 5, .ic = 9, .oh = 7, .ow = 12, .oc = 7, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .pad = padding::valid};
// A whole one-channel layer, FSRCNN's last layer in small: 9x9 filters, stride 3, SAME. One
// channel x 8 pixels: full tiles of 8 (one group of lanes in float, two in double) in the rows'
// middle segments, tiles of 4 (half a float group padding) and 1 at their ends.
constexpr spec dot_oc1{.n = 1, .ih = 5, .iw = 14, .ic = 12, .oh = 15, .ow = 42, .oc = 1, .kh = 9, .kw = 9, .sh = 3, .sw = 3};
// NCHW through the dot tile (NHWC scratch, the epilogue on the way back): 3 channels x 4
// pixels, and 7 channels (4 + 3 at oc0 = 4, 2-pixel tiles).
constexpr spec nchw_oc3{.n = 1, .ih = 4, .iw = 5, .ic = 6, .oh = 8, .ow = 10, .oc = 3, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .nchw = true};
constexpr spec nchw_oc7{.n = 2, .ih = 3, .iw = 4, .ic = 5, .oh = 6, .ow = 8, .oc = 7, .kh = 2, .kw = 2, .sh = 2, .sw = 2, .nchw = true};

/// check_bias_and_skip with raw and prepacked filters, in float and double: what a lane map
/// decides (each lane's channel and offset), at a fraction of check_configuration's compile time.
template <spec c>
void bias_and_skip_float_and_double() {
  static std::uint32_t seed = 61;
  auto run = [&]<class T>(T) {
    fixture<T, c> f(seed += 7);
    with_raw_and_prepacked_filters(f, [&](const auto& filters) { check_bias_and_skip<T, c>(f, filters); });
  };
  run(float{});
  run(double{});
}

/// bias_add naming the data format that is not the convolution's, as tf.nn.bias_add reads it:
/// nchw adds along axis 1, nhwc along the last axis, whatever the tensor's layout. So an NHWC
/// result [n, oh, ow, oc] with bias_add(..., nchw) takes a bias of length oh (row y of element
/// e = ((b * oh + y) * ow + x) * oc + o), and an NCHW result [n, oc, oh, ow] with
/// bias_add(..., nhwc) one of length ow (column x of e = ((b * oc + o) * oh + y) * ow + x).
template <class T, spec c>
void check_bias_add_in_the_other_format(std::uint32_t seed) {
  fixture<T, c> f(seed);
  constexpr int length = c.nchw ? c.ow : c.oh;
  const auto bs = reference::random_values<T>(std::size_t(length), seed + 5);
  convt::tensor<T, length> bias;
  std::copy(bs.begin(), bs.end(), bias.begin());
  auto b = [&](std::size_t e) {
    return double(bs[c.nchw ? e % std::size_t(c.ow) : e / (std::size_t(c.ow) * c.oc) % std::size_t(c.oh)]);
  };
  f.poison();
  if constexpr (c.nchw) convt::assign(*f.y, convt::bias_add(cases::op<c>(*f.x, *f.w), bias, convt::nhwc));
  else convt::assign(*f.y, convt::bias_add(cases::op<c>(*f.x, *f.w), bias, convt::nchw));
  BOOST_TEST_CONTEXT((c.nchw ? "NCHW" : "NHWC") << " out_c " << c.oc << ", " << (sizeof(T) == 4 ? "float" : "double")) {
    BOOST_TEST(f.mismatches([&](auto e) { return f.conv.value[e] + b(e); },
                            [&](auto e) {
                              const double cb = f.conv_bound(e);
                              return cb + eps<T> * (std::fabs(f.conv.value[e]) + std::fabs(b(e)) + cb);
                            }) == 0);
  }
}

template <spec c>
void bias_add_in_the_other_format_float_and_double() {
  static std::uint32_t seed = 101;
  check_bias_add_in_the_other_format<float, c>(seed += 7);
  check_bias_add_in_the_other_format<double, c>(seed += 7);
}

}  // namespace

BOOST_AUTO_TEST_CASE(fused_epilogues_on_every_kernel_path) {
  // broadcast tile: out_c a multiple of the vector width, 64 input pixels (raw filters packed on the fly)
  float_and_double<spec{.n = 1, .ih = 8, .iw = 8, .ic = 8, .oh = 16, .ow = 16, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  // dot tile: odd channel counts, batch 2
  float_and_double<spec{.n = 2, .ih = 5, .iw = 4, .ic = 3, .oh = 10, .ow = 8, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  // dot tile with 3 output channels: the epilogue runs on lane-reduced vectors holding 3 channels
  // of several pixels (kernels/epilogue.hpp, tile_lanes), some padded; an in_c tail in float
  float_and_double<spec{.n = 1, .ih = 5, .iw = 7, .ic = 12, .oh = 10, .ow = 14, .oc = 3, .kh = 4, .kw = 3, .sh = 2, .sw = 2}>();
  // NCHW (epilogue on the way back from the NHWC scratch), explicit padding
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 5, .oh = 7, .ow = 8, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .pad = padding::explicit_, .pt = 1, .pb = 1, .pl = 0, .pr = 1, .nchw = true}>();
  // atrous, out_c one vector plus a remainder
  float_and_double<spec{.n = 1, .ih = 5, .iw = 6, .ic = 4, .oh = 5, .ow = 6, .oc = 9, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}>();
}

BOOST_AUTO_TEST_CASE(fused_epilogues_on_dot_tile_lane_maps) {
  // check_bias_and_skip's expressions on lane-mapped dot tiles: the folded bias added to the
  // lane-reduced sums, and in the store (the outer of two bias_adds) each lane's bias from its
  // channel (tile_lanes::channel_of, plus the block's first channel: 4 in the
  // second blocks of out_c 6 and 7), each skip element from its offset (offset_of), and only
  // valid lanes stored. The other nodes' arithmetic on lane-reduced vectors is checked by
  // fused_epilogues_on_every_kernel_path (out_c 3 and 5).
  BOOST_TEST_CONTEXT("NHWC out_c 6") bias_and_skip_float_and_double<dot_oc6>();
  BOOST_TEST_CONTEXT("NHWC out_c 7") bias_and_skip_float_and_double<dot_oc7>();
  BOOST_TEST_CONTEXT("NHWC out_c 1, 9x9 stride 3") bias_and_skip_float_and_double<dot_oc1>();
}

BOOST_AUTO_TEST_CASE(fused_epilogues_nchw_through_the_dot_tile) {
  BOOST_TEST_CONTEXT("NCHW out_c 3") bias_and_skip_float_and_double<nchw_oc3>();
  BOOST_TEST_CONTEXT("NCHW out_c 7") bias_and_skip_float_and_double<nchw_oc7>();
}

BOOST_AUTO_TEST_CASE(bias_add_in_the_other_data_format_on_dot_tiles) {
  // bias_add may name the other data format when that format's channel axis has the bias's
  // length. First a small VALID layer, stride 1 (the NHWC result's H, 3, takes the bias); then
  // out_c 1, 2, 3, 6, float and double. NHWC convolutions with bias_add(..., nchw): the bias
  // runs along H, read from each lane's offset (tile_lanes::offset_of) where the tile's lanes
  // are mapped (out_c 1, 3; 2 and 6 in float). NCHW convolutions with bias_add(..., nhwc): the
  // bias runs along W. Bias lengths differ from out_c and from the other spatial size.
  bias_add_in_the_other_format_float_and_double<spec{.n = 1, .ih = 2, .iw = 5, .ic = 4, .oh = 3, .ow = 6, .oc = 3, .kh = 2, .kw = 2, .pad = padding::valid}>();
  bias_add_in_the_other_format_float_and_double<dot_oc1>();  // H 15
  bias_add_in_the_other_format_float_and_double<spec{.n = 2, .ih = 3, .iw = 5, .ic = 8, .oh = 6, .ow = 10, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  bias_add_in_the_other_format_float_and_double<spec{.n = 1, .ih = 5, .iw = 7, .ic = 12, .oh = 10, .ow = 14, .oc = 3, .kh = 4, .kw = 3, .sh = 2, .sw = 2}>();
  bias_add_in_the_other_format_float_and_double<dot_oc6>();  // H 8
  bias_add_in_the_other_format_float_and_double<spec{.n = 1, .ih = 3, .iw = 6, .ic = 4, .oh = 6, .ow = 12, .oc = 1, .kh = 2, .kw = 2, .sh = 2, .sw = 2, .nchw = true}>();
  bias_add_in_the_other_format_float_and_double<spec{.n = 2, .ih = 3, .iw = 4, .ic = 5, .oh = 6, .ow = 8, .oc = 2, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .nchw = true}>();
  bias_add_in_the_other_format_float_and_double<nchw_oc3>();  // W 10
  bias_add_in_the_other_format_float_and_double<spec{.n = 1, .ih = 3, .iw = 4, .ic = 6, .oh = 6, .ow = 8, .oc = 6, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .nchw = true}>();
}
