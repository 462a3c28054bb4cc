// NaN, infinity and denormals against the independent reference (reference.hpp).
//
// The reference sums the terms of SEMANTICS.md section 3 in double with IEEE arithmetic and skips
// only positions outside the output, never a zero operand. So a NaN operand makes NaN exactly the
// outputs whose terms include it (a NaN input element meeting a zero filter weight included), an
// infinity gives the same infinity, or NaN where it meets a zero. count_out_of_bound requires NaN
// where the reference is NaN and the same infinity where it is infinite (case_runner.hpp).
//
// Every kernel path runs each case (CONVT_SCALAR_ONLY builds run them all through the scalar
// kernel): the dot tile (odd out_channels), the broadcast tile over raw filters packed on the fly
// (out_channels a multiple of every SIMD width, 8x8 input) and over prepacked filters, NCHW, the
// scalar fallback for more than 64 stride phases, float and double.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

#include "case_runner.hpp"

using cases::padding;
using cases::spec;

namespace {

constexpr spec dot_tile{.n = 2, .ih = 4, .iw = 5, .ic = 9, .oh = 8, .ow = 10, .oc = 3, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
constexpr spec broadcast_tile{.n = 1, .ih = 8, .iw = 8, .ic = 5, .oh = 16, .ow = 16, .oc = 16, .kh = 3, .kw = 3, .sh = 2, .sw = 2};
constexpr spec nchw{.n = 2, .ih = 3, .iw = 4, .ic = 17, .oh = 7, .ow = 9, .oc = 16, .kh = 3, .kw = 2, .sh = 2, .sw = 2, .dh = 1, .dw = 2, .pad = padding::valid, .nchw = true};
constexpr spec scalar_fallback{.n = 1, .ih = 2, .iw = 3, .ic = 3, .oh = 18, .ow = 27, .oc = 2, .kh = 3, .kw = 3, .sh = 9, .sw = 9};
constexpr spec atrous{.n = 1, .ih = 5, .iw = 4, .ic = 8, .oh = 5, .ow = 4, .oc = 8, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true};

template <class T>
constexpr T nan = std::numeric_limits<T>::quiet_NaN();
template <class T>
constexpr T inf = std::numeric_limits<T>::infinity();

/// How many reference outputs are NaN, infinite and finite: each case must have some of each
/// kind it is about, so that a check cannot pass on an empty set.
struct census {
  int nan = 0, infinite = 0, finite = 0;
};
/// Sets about a third of `v` to exactly 0, at reproducible random positions (no period that a
/// channel count could line up with).
template <class T>
void zero_some(std::vector<T>& v, std::uint32_t seed) {
  const auto mask = reference::random_values<double>(v.size(), seed);
  for (std::size_t e = 0; e < v.size(); ++e)
    if (mask[e] < -1.0 / 3) v[e] = T(0);
}

census count_kinds(const reference::result& r) {
  census k;
  for (double v : r.value) (std::isnan(v) ? k.nan : std::isinf(v) ? k.infinite : k.finite) += 1;
  return k;
}

/// NaN at one input element, every filter weight 0: exactly the outputs that element reaches are
/// NaN (NaN * 0 is NaN), every other output is 0.
template <class T, spec c>
void nan_input_zero_filters() {
  constexpr reference::problem p = c.problem();
  std::vector<T> xs = reference::random_values<T>(p.input_size(), 11);
  std::vector<T> ws(p.filter_size(), T(0));
  xs[p.input_size() / 2] = nan<T>;
  const census k = count_kinds(cases::check_values<T, c>(xs, ws));
  BOOST_TEST(k.nan > 0);
  BOOST_TEST(k.finite > 0);
}

/// NaN at one filter weight, the input element it meets being 0 at some pixels: every output of
/// that out_channel that the tap reaches is NaN, whatever the input there.
template <class T, spec c>
void nan_filter_zero_inputs() {
  constexpr reference::problem p = c.problem();
  std::vector<T> xs = reference::random_values<T>(p.input_size(), 12);
  std::vector<T> ws = reference::random_values<T>(p.filter_size(), 13);
  zero_some(xs, 31);
  ws[p.filter_index(c.kh / 2, c.kw / 2, c.oc - 1, 0)] = nan<T>;
  const census k = count_kinds(cases::check_values<T, c>(xs, ws));
  BOOST_TEST(k.nan > 0);
  BOOST_TEST(k.finite > 0);
}

/// +inf and -inf at two input elements, some filter weights 0: outputs they reach are +-inf,
/// NaN where the infinity meets a zero weight or where both infinities meet.
template <class T, spec c>
void infinite_inputs() {
  constexpr reference::problem p = c.problem();
  std::vector<T> xs = reference::random_values<T>(p.input_size(), 14);
  std::vector<T> ws = reference::random_values<T>(p.filter_size(), 15);
  zero_some(ws, 32);
  xs[0] = inf<T>;  // input (0, 0, 0, channel 0) in both layouts
  xs[p.input_size() - 1] = -inf<T>;
  ws[p.filter_index(c.kh / 2, c.kw / 2, 0, 0)] = T(0);  // the centre tap of channel 0 meets inf: NaN
  const census k = count_kinds(cases::check_values<T, c>(xs, ws));
  BOOST_TEST(k.infinite > 0);
  BOOST_TEST(k.nan > 0);
  BOOST_TEST(k.finite > 0);
}

/// An infinite filter weight (the centre tap), inputs 0 at some pixels: inf * 0 gives NaN there,
/// +-inf elsewhere.
template <class T, spec c>
void infinite_filter() {
  constexpr reference::problem p = c.problem();
  std::vector<T> xs = reference::random_values<T>(p.input_size(), 16);
  std::vector<T> ws = reference::random_values<T>(p.filter_size(), 17);
  zero_some(xs, 33);
  ws[p.filter_index(c.kh / 2, c.kw / 2, 0, 0)] = -inf<T>;
  xs[p.in_index(0, c.ih / 2, c.iw / 2, 0)] = T(0);      // meets the infinity: NaN
  xs[p.in_index(0, c.ih - 1, c.iw - 1, 0)] = T(0.5);    // meets it too: -inf
  const census k = count_kinds(cases::check_values<T, c>(xs, ws));
  BOOST_TEST(k.infinite > 0);
  BOOST_TEST(k.nan > 0);
}

/// Denormals: input and filters are small integers times 2^-s, so every product and partial sum
/// is an exact multiple of the smallest denormal, and many results are denormal. Without
/// flush-to-zero each output equals the reference exactly, whatever the summation order.
template <class T, spec c>
void denormals() {
  constexpr reference::problem p = c.problem();
  // float: 2^-70 * 2^-70 = 2^-140 (denormal: the least normal float is 2^-126, the least denormal
  // 2^-149); double: 2^-530 * 2^-530 = 2^-1060 (least normal 2^-1022, least denormal 2^-1074).
  const T scale = std::ldexp(T(1), std::is_same_v<T, float> ? -70 : -530);
  std::vector<T> xs = reference::random_values<T>(p.input_size(), 18);
  std::vector<T> ws = reference::random_values<T>(p.filter_size(), 19);
  for (T& v : xs) v = std::round(v * 3) * scale;  // -3 .. 3 times the scale
  for (T& v : ws) v = std::round(v * 3) * scale;
  const reference::result want = cases::check_values<T, c>(xs, ws);
  int denormal = 0;
  for (double v : want.value) denormal += v != 0 && std::fpclassify(T(v)) == FP_SUBNORMAL;
  BOOST_TEST(denormal > 0);
  // check_values allows rounding (bounds.hpp); here the exact value is required.
  auto x = std::make_unique<cases::input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  auto y = std::make_unique<cases::output_tensor<T, c>>();
  convt::assign(*y, cases::op<c>(*x, *w));
  int inexact = 0;
  for (std::size_t e = 0; e < p.output_size(); ++e) inexact += double(y->data()[e]) != want.value[e];
  BOOST_TEST(inexact == 0);
}

template <spec c>
void every_case() {
  nan_input_zero_filters<float, c>();
  nan_input_zero_filters<double, c>();
  nan_filter_zero_inputs<float, c>();
  nan_filter_zero_inputs<double, c>();
  infinite_inputs<float, c>();
  infinite_inputs<double, c>();
  infinite_filter<float, c>();
  infinite_filter<double, c>();
  denormals<float, c>();
  denormals<double, c>();
}

}  // namespace

BOOST_AUTO_TEST_CASE(dot_tile_path) { every_case<dot_tile>(); }
BOOST_AUTO_TEST_CASE(broadcast_tile_path_raw_and_prepacked) { every_case<broadcast_tile>(); }
BOOST_AUTO_TEST_CASE(nchw_path) { every_case<nchw>(); }
BOOST_AUTO_TEST_CASE(scalar_fallback_path) { every_case<scalar_fallback>(); }
BOOST_AUTO_TEST_CASE(atrous_path) { every_case<atrous>(); }
