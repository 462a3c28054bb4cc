// The adjoint identity <conv2d(a), b> == <a, conv2d_transpose(b)>, over configurations that
// cover every padding, strides, dilations, both data formats and atrous, checked twice:
//   * both sides from the library: convt::conv2d (or atrous_conv2d) and convt::conv2d_transpose
//     (or atrous_conv2d_transpose) with the same filters tensor and arguments;
//   * the library's transpose against the forward conv2d written in reference.hpp.
// A generated grid adds many shapes (every accepted output size run of the transpose: its first
// and last value).
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <utility>

#include "case_runner.hpp"

using cases::padding;
using cases::spec;

namespace {

/// For element type T: each side's rounding is bounded by the sum over its elements of |weight|
/// times the element's rigorous bound (n * eps(T) * sum|terms|, bounds.hpp); the double sums of the
/// inner products add 1e-12 of the scale, sum |weight| * sum|terms|.
template <class T, spec c>
void check_adjoint(std::uint32_t seed) {
  constexpr reference::problem p = c.problem();
  auto b = std::make_unique<cases::input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  auto a = std::make_unique<cases::output_tensor<T, c>>();
  const auto bs = reference::random_values<T>(p.input_size(), seed);
  const auto ws = reference::random_values<T>(p.filter_size(), seed + 1);
  const auto as = reference::random_values<T>(p.output_size(), seed + 2);
  std::copy(bs.begin(), bs.end(), b->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  std::copy(as.begin(), as.end(), a->begin());

  auto t = std::make_unique<cases::output_tensor<T, c>>();
  convt::assign(*t, cases::op<c>(*b, *w));
  // The forward op's derived shape is the transpose's input shape.
  auto f = std::make_unique<cases::input_tensor<T, c>>();
  convt::assign(*f, cases::forward_op<c>(*a, *w));

  const auto forward = reference::conv2d_with_magnitude(p, as, ws);
  const auto transpose = reference::conv2d_transpose(p, bs, ws);
  double lhs_reference = 0, lhs = 0, rhs = 0, scale_forward = 0, scale_transpose = 0;
  double bound_forward = 0, bound_transpose = 0;
  for (std::size_t e = 0; e < p.input_size(); ++e) {
    lhs_reference += forward.value[e] * double(bs[e]);
    lhs += double(f->data()[e]) * double(bs[e]);
    scale_forward += std::abs(double(bs[e])) * forward.magnitude[e];
    bound_forward += std::abs(double(bs[e])) * cases::rigorous_bound<T>(forward.terms[e], forward.magnitude[e]);
  }
  for (std::size_t e = 0; e < p.output_size(); ++e) {
    rhs += double(as[e]) * double(t->data()[e]);
    scale_transpose += std::abs(double(as[e])) * transpose.magnitude[e];
    bound_transpose += std::abs(double(as[e])) * cases::rigorous_bound<T>(transpose.terms[e], transpose.magnitude[e]);
  }
  bound_forward += 1e-12 * scale_forward;
  bound_transpose += 1e-12 * scale_transpose;
  // Library conv2d against library conv2d_transpose.
  BOOST_TEST(std::abs(lhs - rhs) <= bound_forward + bound_transpose,
             "lhs " << lhs << " rhs " << rhs << " bound " << bound_forward + bound_transpose);
  // Reference conv2d against library conv2d_transpose.
  BOOST_TEST(std::abs(lhs_reference - rhs) <= bound_transpose,
             "reference lhs " << lhs_reference << " rhs " << rhs << " bound " << bound_transpose);
  // The identity must not hold trivially.
  BOOST_TEST(scale_transpose > 0.0);
  BOOST_TEST(scale_forward > 0.0);
}

template <spec c>
void float_and_double() {
  static std::uint32_t seed = 100;
  check_adjoint<float, c>(seed += 3);
  check_adjoint<double, c>(seed += 3);
}

/// A transpose configuration whose output size is the first (last = false) or last (last = true)
/// of the accepted run for its input size (SEMANTICS.md section 1), the other parameters cycling
/// with their own periods.
constexpr spec grid_config(int i) {
  constexpr int in_channels[] = {3, 1, 8, 5, 17, 16};
  constexpr int out_channels[] = {2, 8, 1, 16, 3, 7, 24};
  spec c{.n = 1 + i % 2, .ih = 1 + i % 5, .iw = 2 + (i * 3) % 7, .ic = in_channels[i % 6], .oh = 0, .ow = 0,
         .oc = out_channels[i % 7], .kh = 1 + (i + 1) % 5, .kw = 1 + (i / 2) % 5};
  c.sh = 1 + (i / 3) % 3;
  c.sw = 1 + i % 3;
  c.dh = 1 + (i / 4) % 2;
  c.dw = 1 + (i / 5) % 2;
  c.pad = padding((i / 2) % 3);
  c.nchw = (i / 3) % 2 == 1;
  c.window_form = i % 5 == 4 ? 4 : 2;
  const bool last = (i / 6) % 2 == 1;
  if (c.pad == padding::explicit_) {
    c.pt = i % 3;
    c.pb = (i / 2) % 2;
    c.pl = (i + 1) % 2;
    c.pr = (i / 3) % 3;
  }
  // The run: (O + c) / s == I with c = s - 1 (SAME), s - e (VALID), pb + pa - e + s (EXPLICIT),
  // that is I * s - c <= O <= I * s + s - 1 - c; the explicit padding never exceeds the run.
  auto size = [&](int I, int k, int s, int d, int pb, int pa) {
    const int e = (k - 1) * d + 1;
    const int off = c.pad == padding::same ? s - 1 : c.pad == padding::valid ? s - e : pb + pa - e + s;
    const int first = I * s - off;
    return last ? first + s - 1 : first;
  };
  // Explicit padding larger than the first output size of the run would leave an empty output
  // (nothing to test): that axis goes unpadded.
  if (size(c.ih, c.kh, c.sh, c.dh, c.pt, c.pb) - (last ? c.sh - 1 : 0) < 1) c.pt = c.pb = 0;
  if (size(c.iw, c.kw, c.sw, c.dw, c.pl, c.pr) - (last ? c.sw - 1 : 0) < 1) c.pl = c.pr = 0;
  c.oh = size(c.ih, c.kh, c.sh, c.dh, c.pt, c.pb);
  c.ow = size(c.iw, c.kw, c.sw, c.dw, c.pl, c.pr);
  return c;
}

template <int... I>
void run_grid(std::integer_sequence<int, I...>) {
  (float_and_double<grid_config(I)>(), ...);
}

}  // namespace

BOOST_AUTO_TEST_CASE(adjoint_identity) {
  float_and_double<spec{.n = 1, .ih = 4, .iw = 4, .ic = 3, .oh = 8, .ow = 8, .oc = 5, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 2, .ih = 5, .iw = 3, .ic = 17, .oh = 9, .ow = 6, .oc = 3, .kh = 4, .kw = 2, .sh = 2, .sw = 2}>();
  float_and_double<spec{.n = 1, .ih = 2, .iw = 3, .ic = 1, .oh = 7, .ow = 10, .oc = 1, .kh = 2, .kw = 2, .sh = 4, .sw = 4, .pad = padding::valid}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 4, .ic = 2, .oh = 5, .ow = 7, .oc = 6, .kh = 3, .kw = 3, .sh = 2, .sw = 2, .dh = 2, .dw = 3}>();
  float_and_double<spec{.n = 2, .ih = 3, .iw = 3, .ic = 5, .oh = 6, .ow = 8, .oc = 4, .kh = 4, .kw = 3, .sh = 2, .sw = 3, .pad = padding::explicit_, .pt = 2, .pb = 0, .pl = 1, .pr = 2, .nchw = true}>();
  float_and_double<spec{.n = 1, .ih = 3, .iw = 5, .ic = 33, .oh = 9, .ow = 13, .oc = 4, .kh = 4, .kw = 4, .sh = 3, .sw = 3, .nchw = true}>();
  float_and_double<spec{.n = 1, .ih = 6, .iw = 5, .ic = 4, .oh = 6, .ow = 5, .oc = 3, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .atrous = true}>();
  float_and_double<spec{.n = 1, .ih = 2, .iw = 2, .ic = 2, .oh = 8, .ow = 8, .oc = 3, .kh = 1, .kw = 1, .sh = 4, .sw = 4}>();
  // atrous VALID, and wide layers where both ops take the broadcast tile (channels of whole vectors)
  float_and_double<spec{.n = 1, .ih = 5, .iw = 6, .ic = 8, .oh = 9, .ow = 10, .oc = 16, .kh = 3, .kw = 3, .dh = 2, .dw = 2, .pad = padding::valid, .atrous = true}>();
  float_and_double<spec{.n = 1, .ih = 8, .iw = 12, .ic = 16, .oh = 16, .ow = 24, .oc = 32, .kh = 3, .kw = 3, .sh = 2, .sw = 2}>();
}

BOOST_AUTO_TEST_CASE(adjoint_identity_generated_grid) {
  run_grid(std::make_integer_sequence<int, 36>{});
}
