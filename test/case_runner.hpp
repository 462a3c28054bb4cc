// test/case_runner.hpp: runs one compile-time configuration through convt and through the
// independent reference (reference.hpp), and checks every output element against the rounding
// bound |convt - exact| <= K * eps(T) * sum|terms|, where K is the reduction length. Where the
// reference is NaN or infinite (NaN or infinity among the operands, propagated by IEEE arithmetic
// in the reference's double sums), convt must give NaN, or the same infinity.
#pragma once

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <type_traits>
#include <vector>

#include <convt/convt.hpp>

#include "reference.hpp"

namespace cases {

using reference::padding;

/// A configuration as a structural value, usable as a template argument.
/// window_form: how strides/dilations are spelled (1, 2 or 4 values, as TensorFlow allows).
/// atrous: call atrous_conv2d_transpose with rate dh (needs sh = sw = 1, dh = dw, NHWC).
struct spec {
  int n, ih, iw, ic, oh, ow, oc, kh, kw;
  int sh = 1, sw = 1, dh = 1, dw = 1;
  padding pad = padding::same;
  int pt = 0, pb = 0, pl = 0, pr = 0;
  bool nchw = false;
  int window_form = 2;
  bool atrous = false;

  constexpr reference::problem problem() const {
    return {n, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, dh, dw, pad, pt, pb, pl, pr, nchw};
  }
};

template <spec c>
constexpr auto strides_arg() {
  if constexpr (c.window_form == 1) return convt::strides<c.sh>;
  else if constexpr (c.window_form == 2) return convt::strides<c.sh, c.sw>;
  else if constexpr (c.nchw) return convt::strides<1, 1, c.sh, c.sw>;
  else return convt::strides<1, c.sh, c.sw, 1>;
}
template <spec c>
constexpr auto dilations_arg() {
  if constexpr (c.window_form == 1) return convt::dilations<c.dh>;
  else if constexpr (c.window_form == 2) return convt::dilations<c.dh, c.dw>;
  else if constexpr (c.nchw) return convt::dilations<1, 1, c.dh, c.dw>;
  else return convt::dilations<1, c.dh, c.dw, 1>;
}
template <spec c>
constexpr auto padding_arg() {
  if constexpr (c.pad == padding::same) return convt::same;
  else if constexpr (c.pad == padding::valid) return convt::valid;
  else if constexpr (c.nchw) return convt::explicit_padding<0, 0, 0, 0, c.pt, c.pb, c.pl, c.pr>;
  else return convt::explicit_padding<0, 0, c.pt, c.pb, c.pl, c.pr, 0, 0>;
}

template <class T, spec c>
using input_tensor = std::conditional_t<c.nchw, convt::tensor<T, c.n, c.ic, c.ih, c.iw>,
                                        convt::tensor<T, c.n, c.ih, c.iw, c.ic>>;
template <class T, spec c>
using output_tensor = std::conditional_t<c.nchw, convt::tensor<T, c.n, c.oc, c.oh, c.ow>,
                                         convt::tensor<T, c.n, c.oh, c.ow, c.oc>>;

/// The convt expression for configuration c over input x and filters w.
template <spec c, class X, class W>
constexpr auto op(const X& x, const W& w) {
  if constexpr (c.atrous) {
    static_assert(c.sh == 1 && c.sw == 1 && c.dh == c.dw && !c.nchw && c.pad != padding::explicit_);
    return convt::atrous_conv2d_transpose(x, w, convt::output_shape<c.n, c.oh, c.ow, c.oc>, convt::rate<c.dh>,
                                          padding_arg<c>());
  } else if constexpr (c.nchw) {
    return convt::conv2d_transpose(x, w, convt::output_shape<c.n, c.oc, c.oh, c.ow>, strides_arg<c>(),
                                   padding_arg<c>(), convt::nchw, dilations_arg<c>());
  } else {
    return convt::conv2d_transpose(x, w, convt::output_shape<c.n, c.oh, c.ow, c.oc>, strides_arg<c>(),
                                   padding_arg<c>(), convt::nhwc, dilations_arg<c>());
  }
}

/// Checks every element of `got` against the reference; returns the number of violations.
template <class T>
int count_out_of_bound(const reference::problem& p, const T* got, const reference::result& want) {
  const double k_eps = double(p.reduction_length()) * double(std::numeric_limits<T>::epsilon());
  int bad = 0;
  for (std::size_t e = 0; e < p.output_size(); ++e) {
    const double error = double(got[e]) - want.value[e];
    const double bound = k_eps * want.magnitude[e];  // 0 where no term reaches: must be exactly 0
    const bool ok = want.value[e] != want.value[e]                 ? got[e] != got[e]  // NaN: NaN
                    : want.value[e] - want.value[e] != 0           ? double(got[e]) == want.value[e]  // the same infinity
                                                                   : error <= bound && -error <= bound;
    if (!ok) {
      if (bad < 5)
        BOOST_TEST_MESSAGE("element " << e << ": got " << got[e] << ", want " << want.value[e] << " (bound " << bound
                                      << ")");
      ++bad;
    }
  }
  return bad;
}

/// Runs configuration c with element type T on the given input and filters (in the layouts of
/// reference::problem), evaluated through convt::assign into a destination pre-filled with NaN (so
/// an unwritten element fails), with raw and with prepacked filters. Returns the reference.
template <class T, spec c>
reference::result check_values(const std::vector<T>& xs, const std::vector<T>& ws) {
  constexpr reference::problem p = c.problem();
  auto x = std::make_unique<input_tensor<T, c>>();
  auto w = std::make_unique<convt::tensor<T, c.kh, c.kw, c.oc, c.ic>>();
  auto y = std::make_unique<output_tensor<T, c>>();
  std::copy(xs.begin(), xs.end(), x->begin());
  std::copy(ws.begin(), ws.end(), w->begin());
  std::fill(y->begin(), y->end(), std::numeric_limits<T>::quiet_NaN());

  convt::assign(*y, op<c>(*x, *w));

  const auto want = reference::conv2d_transpose(p, xs, ws);
  BOOST_TEST(count_out_of_bound(p, y->data(), want) == 0);

  // The same through filters prepacked once (convt::prepack), which may take another kernel.
  auto packed = std::make_unique<decltype(convt::prepack(*w))>();
  convt::prepack(*w, *packed);
  std::fill(y->begin(), y->end(), std::numeric_limits<T>::quiet_NaN());
  convt::assign(*y, op<c>(*x, *packed));
  BOOST_TEST(count_out_of_bound(p, y->data(), want) == 0);
  return want;
}

/// Runs configuration c with element type T on random input and filters in [-1, 1).
template <class T, spec c>
void check_against_reference(std::uint32_t seed) {
  constexpr reference::problem p = c.problem();
  check_values<T, c>(reference::random_values<T>(p.input_size(), seed),
                     reference::random_values<T>(p.filter_size(), seed + 1));
}

}  // namespace cases
