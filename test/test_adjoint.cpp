// The adjoint identity <conv2d(a), b> == <a, conv2d_transpose(b)>, with convt's conv2d_transpose
// and the forward conv2d written in reference.hpp, over configurations that cover every padding,
// strides, dilations and both data formats.
#define BOOST_TEST_MODULE convt adjoint
#include <boost/test/included/unit_test.hpp>

#include <cmath>

#include "case_runner.hpp"

using cases::padding;
using cases::spec;

namespace {

/// For element type T: |<conv2d(a), b> - <a, conv2d_transpose(b)>| must stay within the rounding
/// of the T-valued transpose, bounded by K * eps(T) * sum |a| * |terms| (see case_runner.hpp),
/// computed here as K * eps * sum over outputs of |a| * magnitude.
template <class T, spec c>
void check_adjoint(std::uint32_t seed) {
  constexpr reference::problem p = c.problem();
  auto b = std::make_unique<cases::input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  const auto bs = reference::random_values<T>(p.input_size(), seed);
  const auto ws = reference::random_values<T>(p.filter_size(), seed + 1);
  const auto as = reference::random_values<T>(p.output_size(), seed + 2);
  std::copy(bs.begin(), bs.end(), b->begin());
  std::copy(ws.begin(), ws.end(), w->begin());

  auto t = std::make_unique<cases::output_tensor<T, c>>();
  convt::assign(*t, cases::op<c>(*b, *w));

  const auto forward = reference::conv2d(p, as, ws);
  const auto magnitude = reference::conv2d_transpose(p, bs, ws).magnitude;
  double lhs = 0, rhs = 0, scale = 0;
  for (std::size_t e = 0; e < p.input_size(); ++e) lhs += forward[e] * double(bs[e]);
  for (std::size_t e = 0; e < p.output_size(); ++e) {
    rhs += double(as[e]) * double((*t).data()[e]);
    scale += std::abs(double(as[e])) * magnitude[e];
  }
  const double bound = double(p.reduction_length()) * double(std::numeric_limits<T>::epsilon()) * scale +
                       1e-12 * scale;  // the double-precision sums themselves
  BOOST_TEST(std::abs(lhs - rhs) <= bound, "lhs " << lhs << " rhs " << rhs << " bound " << bound);
  // The identity must not hold trivially.
  BOOST_TEST(scale > 0.0);
}

template <spec c>
void float_and_double() {
  static std::uint32_t seed = 100;
  check_adjoint<float, c>(seed += 3);
  check_adjoint<double, c>(seed += 3);
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
}
