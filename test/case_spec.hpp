// test/case_spec.hpp: one test configuration as a compile-time value (spec), the convt call it
// stands for (op<c>) and its tensors, without any test framework, so that the Boost.Test
// programs (case_runner.hpp) and the programs built without exceptions (test_embedded.cpp) share
// them.
#pragma once

#include <type_traits>

#include <convt/convt.hpp>

#include "bounds.hpp"
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

// The argument spellings of a configuration c: a spec, or any structural value with the same
// fields (test_conv2d's forward configurations).
template <auto c>
constexpr auto strides_arg() {
  if constexpr (c.window_form == 1) return convt::strides<c.sh>;
  else if constexpr (c.window_form == 2) return convt::strides<c.sh, c.sw>;
  else if constexpr (c.nchw) return convt::strides<1, 1, c.sh, c.sw>;
  else return convt::strides<1, c.sh, c.sw, 1>;
}
template <auto c>
constexpr auto dilations_arg() {
  if constexpr (c.window_form == 1) return convt::dilations<c.dh>;
  else if constexpr (c.window_form == 2) return convt::dilations<c.dh, c.dw>;
  else if constexpr (c.nchw) return convt::dilations<1, 1, c.dh, c.dw>;
  else return convt::dilations<1, c.dh, c.dw, 1>;
}
template <auto c>
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

/// The forward op with the same arguments (the adjoint of op<c>): conv2d, or atrous_conv2d when
/// c.atrous. Its input is shaped like op<c>'s result, its result like op<c>'s input, and it reads
/// the same filters tensor ([kh, kw, oc, ic] is the forward op's [k_h, k_w, in_c, out_c]).
template <spec c, class X, class W>
constexpr auto forward_op(const X& a, const W& w) {
  if constexpr (c.atrous) {
    return convt::atrous_conv2d(a, w, convt::rate<c.dh>, padding_arg<c>());
  } else if constexpr (c.nchw) {
    return convt::conv2d(a, w, strides_arg<c>(), padding_arg<c>(), convt::nchw, dilations_arg<c>());
  } else {
    return convt::conv2d(a, w, strides_arg<c>(), padding_arg<c>(), convt::nhwc, dilations_arg<c>());
  }
}

/// count_out_of_bound (bounds.hpp) for the output of conv2d_transpose problem p.
template <class T, class Report>
int count_out_of_bound(const reference::problem& p, const T* got, const reference::result& want, Report&& report) {
  return count_out_of_bound(p.output_size(), got, want, report);
}

}  // namespace cases
