// test/case_runner.hpp: runs one compile-time configuration through convt and through the
// independent reference (reference.hpp), and checks the bounds of bounds.hpp: every output element
// within n * eps(T) * sum|terms| (n its own number of terms), and at most 1% of them above
// 4 * sqrt(n) * eps(T) * sum|terms|. Where the reference is NaN or infinite (NaN or infinity among
// the operands, propagated by IEEE arithmetic in the reference's double sums), convt must give
// NaN, or the same infinity.
#pragma once

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>
#include <vector>

#include <convt/convt.hpp>

#include "case_spec.hpp"
#include "reference.hpp"

namespace cases {

/// Reports one element outside its bound in the Boost.Test log (count_out_of_bound's `report`).
inline void log_violation(std::size_t e, double value, double wanted, double bound) {
  BOOST_TEST_MESSAGE("element " << e << ": got " << value << ", want " << wanted << " (bound " << bound << ")");
}

/// Checks every element of `got` against the reference; returns the number of violations.
template <class T>
int count_out_of_bound(const reference::problem& p, const T* got, const reference::result& want) {
  return count_out_of_bound(p, got, want, log_violation);
}

/// Both bounds of bounds.hpp over the first `count` elements of `got`.
template <class T>
void check_bounds(std::size_t count, const T* got, const reference::result& want) {
  BOOST_TEST(count_out_of_bound(count, got, want, log_violation) == 0);
  const std::size_t above = count_above_statistical(count, got, want);
  BOOST_TEST(above <= statistical_allowance(count),
             above << " of " << count << " elements above the statistical bound (at most "
                   << statistical_allowance(count) << ")");
}

/// Fills y with NaN (so that an unwritten element fails), evaluates op<c>(x, filters) into it
/// through convt::assign and checks it against the reference (check_bounds).
template <spec c, class X, class Filters, class Y>
void check_op(const X& x, const Filters& filters, Y& y, const reference::result& want) {
  std::fill(y.begin(), y.end(), std::numeric_limits<typename Y::value_type>::quiet_NaN());
  convt::assign(y, op<c>(x, filters));
  check_bounds(c.problem().output_size(), y.data(), want);
}

/// Runs configuration c with element type T on the given input and filters (in the layouts of
/// reference::problem), with raw filters, with filters prepacked once (convt::prepack, which may
/// take another kernel) and with filters prepacked in blocks of each of block_widths output
/// channels (prepacked_filters' last parameter: layouts other than prepack's default for this
/// target, kernels/filter_layout.hpp). Returns the reference.
template <class T, spec c, int... block_widths>
reference::result check_values(const std::vector<T>& xs, const std::vector<T>& ws) {
  constexpr reference::problem p = c.problem();
  auto x = std::make_unique<input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  auto y = std::make_unique<output_tensor<T, c>>();
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  const auto want = reference::conv2d_transpose(p, xs, ws);

  check_op<c>(*x, *w, *y, want);
  auto packed = std::make_unique<decltype(convt::prepack(*w))>();
  convt::prepack(*w, *packed);
  check_op<c>(*x, *packed, *y, want);
  [[maybe_unused]] auto check_block_width = [&]<int width>(std::integral_constant<int, width>) {
    auto blocks = std::make_unique<convt::prepacked_filters<T, c.kh, c.kw, c.oc, c.ic, width>>();
    convt::prepack(*w, *blocks);
    check_op<c>(*x, *blocks, *y, want);
  };
  (check_block_width(std::integral_constant<int, block_widths>{}), ...);
  return want;
}

/// The bound of a convolution with a bias_add folded into its sum (expr/bias_add_expr.hpp): a sum
/// of n + 1 terms, the bias one of them, (n + 1) * eps * (sum|terms| + |b|) (README, "Error
/// bound"), for n terms of magnitude sum|terms| and bias b (cases::fold_bias).
template <class T>
double folded_bias_bound(int n, double magnitude, double bias) {
  return rigorous_bound<T>(n + 1, magnitude + std::abs(bias));
}

using reference::data_sign;

/// Runs configuration c with element type T on random input and filters in [-1, 1), or [0, 1)
/// (check_values).
template <class T, spec c, int... block_widths>
void check_against_reference(std::uint32_t seed, data_sign sign = data_sign::mixed) {
  constexpr reference::problem p = c.problem();
  check_values<T, c, block_widths...>(reference::random_values<T>(p.input_size(), seed, sign),
                                      reference::random_values<T>(p.filter_size(), seed + 1, sign));
}

/// Configuration c as an expression, with raw and prepacked filters:
///   relu(bias_add(op(relu(x), w), b))
/// so that an element-wise node runs on the input side (as the kernel loads it), the bias_add is
/// folded into the convolution's sums (expr/bias_add_expr.hpp) and the relu runs in the store. The
/// reference convolves relu(x) (computed here), adds b as one more term and clamps at 0. With
/// non-negative data, input and filters are >= 0 (the bias is not).
template <class T, spec c>
void check_expression_against_reference(std::uint32_t seed, data_sign sign = data_sign::mixed) {
  constexpr reference::problem p = c.problem();
  auto xs = reference::random_values<T>(p.input_size(), seed, sign);
  const auto ws = reference::random_values<T>(p.filter_size(), seed + 1, sign);
  const auto bs = reference::random_values<T>(std::size_t(c.oc), seed + 2);
  auto x = std::make_unique<input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  auto y = std::make_unique<output_tensor<T, c>>();
  convt::tensor<T, c.oc> b;
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  std::copy(bs.begin(), bs.end(), b.begin());
  for (auto& v : xs) v = v < T(0) ? T(0) : v;
  reference::result want = reference::conv2d_transpose(p, xs, ws);
  for (std::size_t e = 0; e < want.value.size(); ++e) {
    const std::size_t channel = c.nchw ? e / (std::size_t(c.oh) * c.ow) % c.oc : e % c.oc;
    fold_bias(want, e, double(bs[channel]));
    want.value[e] = std::max(want.value[e], 0.0);
  }
  using format = std::conditional_t<c.nchw, convt::nchw_t, convt::nhwc_t>;
  auto run = [&](const auto& filters) {
    std::fill(y->begin(), y->end(), std::numeric_limits<T>::quiet_NaN());
    convt::assign(*y, convt::relu(convt::bias_add(op<c>(convt::relu(*x), filters), b, format{})));
    check_bounds(p.output_size(), y->data(), want);
  };
  run(*w);
  auto packed = std::make_unique<decltype(convt::prepack(*w))>();
  convt::prepack(*w, *packed);
  run(*packed);
}

}  // namespace cases
