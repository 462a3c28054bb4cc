// convt/expr/conv2d_expr.hpp: the lazy node returned by conv2d and atrous_conv2d. It holds two
// pointers and computes nothing until evaluated; its shape is derived from the arguments at
// compile time (TensorFlow's output size rules, shape_rules.hpp).
#pragma once

#include <array>

#include "../kernels/conv2d.hpp"
#include "../shape_rules.hpp"
#include "expression.hpp"

namespace convt {

/// The forward convolution described by `g` (g.forward), over input and filters of element type T.
/// Layouts: input as g.format says, filters [k_h, k_w, in_c, out_c] (TensorFlow's), result as
/// g.format says.
template <detail::conv_geometry g, class T>
struct conv2d_expr {
  static_assert(g.forward, "convt: conv2d_expr takes a forward geometry");
  using is_convt_expression = void;
  using value_type = T;
  static constexpr bool valid = true;
  static constexpr detail::conv_geometry geometry = g;
  static constexpr std::array<int, 4> shape = g.format == data_format_kind::nchw
                                                  ? std::array<int, 4>{g.batch, g.out_c, g.out_h, g.out_w}
                                                  : std::array<int, 4>{g.batch, g.out_h, g.out_w, g.out_c};
  using result_type = typename detail::tensor_of_shape<T, shape>::type;

  const T* input;    // the caller's input, alive until evaluation (as with any expression template)
  const T* filters;  // the caller's filters [k_h, k_w, in_c, out_c]

  constexpr void evaluate_into(T* output) const noexcept { kernels::conv2d<g, T>(input, filters, output); }
};

}  // namespace convt
