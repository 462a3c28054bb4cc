// convt/expr/conv2d_transpose_expr.hpp: the lazy node returned by conv2d_transpose and
// atrous_conv2d_transpose. It holds two pointers and computes nothing until evaluated.
#pragma once

#include <array>

#include "../kernels/conv2d_transpose.hpp"
#include "../shape_rules.hpp"
#include "expression.hpp"

namespace convt {

/// The transposed convolution described by `g`, over input and filters of element type T.
/// Layouts: input as g.format says, filters [k_h, k_w, out_c, in_c] (or [k_h, k_w, in_c, out_c]
/// when channels_last_filters, from convt::prepack), result as g.format says.
template <detail::conv_geometry g, class T, bool channels_last_filters = false>
struct conv2d_transpose_expr {
  using is_convt_expression = void;
  using value_type = T;
  static constexpr bool valid = true;
  static constexpr detail::conv_geometry geometry = g;
  static constexpr std::array<int, 4> shape = g.format == data_format_kind::nchw
                                                  ? std::array<int, 4>{g.batch, g.out_c, g.out_h, g.out_w}
                                                  : std::array<int, 4>{g.batch, g.out_h, g.out_w, g.out_c};
  using result_type = typename detail::tensor_of_shape<T, shape>::type;

  const T* input;    // the caller's input, alive until evaluation (as with any expression template)
  const T* filters;  // the caller's filters (layout above)

  constexpr void evaluate_into(T* output) const noexcept {
    kernels::conv2d_transpose<g, T, channels_last_filters>(input, filters, output);
  }
};

}  // namespace convt
