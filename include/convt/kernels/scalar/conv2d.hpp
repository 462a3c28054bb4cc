// convt/kernels/scalar/conv2d.hpp (scalar kernel): the scalar evaluation of the forward conv2d.
//
// The path used inside constant expressions and on targets without SIMD, and the fallback the
// SIMD path must agree with. Each output element is one gather over the filter window
// (TensorFlow's definition):
//     out[n, y, x, oc] = sum over kh, kw, ic of
//                        in[n, y * s_h + kh * d_h - pad_top, x * s_w + kw * d_w - pad_left, ic] * f[kh, kw, ic, oc]
// where taps outside the input read zero padding (they are skipped). Every element is written.
#pragma once

#include "../../abi.hpp"

#include <cstddef>

#include "../../shape_rules.hpp"
#include "../epilogue.hpp"
#include "../input.hpp"
#include "../layout_steps.hpp"

namespace convt::inline CONVT_ABI::kernels::scalar {

/// g.forward geometry. input:   [batch, in_h, in_w, in_c] (NHWC) or [batch, in_c, in_h, in_w] (NCHW)
///                     filters: [k_h, k_w, in_c, out_c] (TensorFlow's forward layout), contiguous
///                     output:  [batch, out_h, out_w, out_c] (NHWC) or [batch, out_c, out_h, out_w] (NCHW)
///                     each element written as epilogue(value, offset, channel); input is a pointer or
///                     an expression_input (kernels/input.hpp)
template <detail::conv_geometry g, class T, class Input, class Epilogue = identity_epilogue>
constexpr void conv2d(Input input, const T* filters, T* output, const Epilogue& epilogue = {}) noexcept {
  static_assert(g.forward, "convt: scalar::conv2d takes a forward geometry");
  using index = std::ptrdiff_t;
  using step = layout_steps<g>;  // distances between neighbours along each axis

  for (index n = 0; n < g.batch; ++n) {
    const Input image = input + n * step::in_n;
    for (index y = 0; y < g.out_h; ++y) {
      for (index x = 0; x < g.out_w; ++x) {
        for (index oc = 0; oc < g.out_c; ++oc) {
          T sum{0};
          for (index kh = 0; kh < g.k_h; ++kh) {
            const index i = y * g.stride_h + kh * g.dilation_h - g.pad_top;
            if (i < 0 || i >= g.in_h) continue;
            for (index kw = 0; kw < g.k_w; ++kw) {
              const index j = x * g.stride_w + kw * g.dilation_w - g.pad_left;
              if (j < 0 || j >= g.in_w) continue;
              const Input pixel = image + (i * step::in_h + j * step::in_w);
              const T* taps = filters + (kh * g.k_w + kw) * g.in_c * g.out_c + oc;  // (kh, kw, ic, oc) at taps + ic * out_c
              for (index ic = 0; ic < g.in_c; ++ic) sum += read(pixel + ic * step::in_c) * taps[ic * g.out_c];
            }
          }
          const index at = n * step::out_n + y * step::out_h + x * step::out_w + oc * step::out_c;
          output[at] = epilogue(sum, at, oc);
        }
      }
    }
  }
}

}  // namespace convt::kernels::scalar
