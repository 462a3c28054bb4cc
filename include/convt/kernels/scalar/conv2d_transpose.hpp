// convt/kernels/scalar/conv2d_transpose.hpp (scalar kernel): the scalar evaluation of
// conv2d_transpose.
//
// It is the path used inside constant expressions (no intrinsics allowed there) and on targets
// without SIMD, and the fallback every SIMD kernel must agree with. It is written as a gather:
// each output element is computed once, from the terms that reach it, so every element is
// written (zeros where no term reaches) and the summation order is fixed.
//
// Index arithmetic, per spatial dimension: the formula (docs/rules.md, "Values") sends input row i
// and filter row kh to output row
//     y = i * s + kh * d - pad_top.
// For a given y and kh that is one candidate input row,
//     i = (y + pad_top - kh * d) / s,
// valid only when the division is exact and 0 <= i < I. As kh grows, y + pad_top - kh * d
// shrinks, so the first negative value ends the kh loop.
#pragma once

#include "../../abi.hpp"

#include <cstddef>

#include "../../shape_rules.hpp"
#include "../epilogue.hpp"
#include "../filter_layout.hpp"
#include "../input.hpp"
#include "../layout_steps.hpp"

namespace convt::inline CONVT_ABI::kernels::scalar {

/// input:   [batch, in_h, in_w, in_c] (NHWC) or [batch, in_c, in_h, in_w] (NCHW), contiguous: a
///          pointer or an element-wise expression read through expression_input (input.hpp)
/// filters: [k_h, k_w, out_c, in_c], contiguous (filter_block = 0), or in blocks of filter_block
///          output channels (kernels/filter_layout.hpp: prepacked)
/// output:  [batch, out_h, out_w, out_c] (NHWC) or [batch, out_c, out_h, out_w] (NCHW); every
///          element is written, as epilogue(value, offset, channel) (kernels/epilogue.hpp)
template <detail::conv_geometry g, class T, int filter_block = 0, class Input,
          class Epilogue = identity_epilogue>
constexpr void conv2d_transpose(Input input, const T* filters, T* output, const Epilogue& epilogue = {}) noexcept {
  using index = std::ptrdiff_t;
  using step = layout_steps<g>;  // distances between neighbours along each axis
  using layout = filter_layout<g.k_h, g.k_w, g.out_c, g.in_c, filter_block>;

  for (index n = 0; n < g.batch; ++n) {
    const Input image = input + n * step::in_n;
    for (index y = 0; y < g.out_h; ++y) {
      for (index x = 0; x < g.out_w; ++x) {
        for (index oc = 0; oc < g.out_c; ++oc) {
          T sum{0};
          for (index kh = 0; kh < g.k_h; ++kh) {
            const index row = y + g.pad_top - kh * g.dilation_h;  // = i * stride_h when it is a term
            if (row < 0) break;
            if (row % g.stride_h != 0 || row / g.stride_h >= g.in_h) continue;
            const index i = row / g.stride_h;
            for (index kw = 0; kw < g.k_w; ++kw) {
              const index col = x + g.pad_left - kw * g.dilation_w;
              if (col < 0) break;
              if (col % g.stride_w != 0 || col / g.stride_w >= g.in_w) continue;
              const index j = col / g.stride_w;
              const Input pixel = image + (i * step::in_h + j * step::in_w);
              // filter (kh, kw, oc, ic) is at taps + ic * tap_step_ic: in_c is contiguous in
              // TensorFlow's layout, a block's width apart in a blocked one
              const T* taps = filters + layout::offset(int(kh), int(kw), int(oc), 0);
              const index tap_step_ic = layout::tensorflow ? 1 : layout::block_width(int(oc));
              for (index ic = 0; ic < g.in_c; ++ic) sum += read(pixel + ic * step::in_c) * taps[ic * tap_step_ic];
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
