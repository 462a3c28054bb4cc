// Shared by the expression tests (test_expressions.cpp, test_expression_nodes.cpp): one
// configuration's tensors filled with seeded values, the reference convolution of them, and the
// count of elements outside their bound.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "case_runner.hpp"

namespace expression_tests {

using cases::padding;
using cases::spec;

template <class T>
constexpr double eps = std::numeric_limits<T>::epsilon();

/// Number of elements where got is not within bound(e) of want(e); NaN must meet NaN.
template <class T, class Want, class Bound>
int count_mismatches(std::size_t n, const T* got, Want want, Bound bound) {
  int bad = 0;
  for (std::size_t e = 0; e < n; ++e) {
    const double w = want(e), g = double(got[e]);
    const bool ok = std::isnan(w) ? std::isnan(g) : (std::fabs(g - w) <= bound(e));
    if (!ok) {
      if (bad < 5) cases::log_violation(e, g, w, bound(e));
      ++bad;
    }
  }
  return bad;
}

template <class T, spec c>
struct fixture {
  static constexpr reference::problem p = c.problem();
  std::unique_ptr<cases::input_tensor<T, c>> x = std::make_unique<cases::input_tensor<T, c>>();
  std::unique_ptr<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>> w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  std::unique_ptr<cases::output_tensor<T, c>> y = std::make_unique<cases::output_tensor<T, c>>();
  std::unique_ptr<cases::output_tensor<T, c>> skip = std::make_unique<cases::output_tensor<T, c>>();
  convt::tensor<T, c.oc> bias;
  std::vector<T> xs, ws, ss, bs;
  reference::result conv;

  explicit fixture(std::uint32_t seed)
      : xs(reference::random_values<T>(p.input_size(), seed)),
        ws(reference::random_values<T>(p.filter_size(), seed + 1)),
        ss(reference::random_values<T>(p.output_size(), seed + 2)),
        bs(reference::random_values<T>(std::size_t(c.oc), seed + 3)) {
    std::copy(xs.begin(), xs.end(), x->begin());
    std::copy(ws.begin(), ws.end(), w->begin());
    std::copy(ss.begin(), ss.end(), skip->begin());
    std::copy(bs.begin(), bs.end(), bias.begin());
    conv = reference::conv2d_transpose(p, xs, ws);
  }
  int channel(std::size_t e) const { return c.nchw ? int(e / (std::size_t(c.oh) * c.ow) % c.oc) : int(e % c.oc); }
  double conv_bound(std::size_t e) const { return cases::rigorous_bound<T>(conv.terms[e], conv.magnitude[e]); }
  /// The bound of bias_add(conv, b) on the convolution's channel axis, folded into its sum.
  double folded_bias_bound(std::size_t e, double b) const {
    return cases::folded_bias_bound<T>(conv.terms[e], conv.magnitude[e], b);
  }
  void poison() { std::fill(y->begin(), y->end(), std::numeric_limits<T>::quiet_NaN()); }
  template <class Want, class Bound>
  int mismatches(Want want, Bound bound) const {
    return count_mismatches(p.output_size(), y->data(), want, bound);
  }
};

template <spec c>
constexpr auto format() {
  if constexpr (c.nchw) return convt::nchw;
  else return convt::nhwc;
}

}  // namespace expression_tests
