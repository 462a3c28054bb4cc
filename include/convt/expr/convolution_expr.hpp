// convt/expr/convolution_expr.hpp (expression node): the lazy node returned by conv2d_transpose,
// atrous_conv2d_transpose (conv2d_transpose_expr) and by conv2d, atrous_conv2d (conv2d_expr;
// g.forward). It holds its input node and the filters' pointer and computes nothing until
// evaluated.
//
// Its input is a tensor (a tensor_leaf) or an expression:
//   * an element-wise expression of tensors (relu(x), bias_add(x, b), 0.5f * x + y, ...) is
//     evaluated on the fly as the kernel loads it (kernels/input.hpp): no temporary;
//   * an expression containing a convolution is evaluated once, before this one, into a
//     temporary convt::tensor of its shape on the stack (sizeof(T) * its element count bytes).
// Around it, the element-wise nodes of the enclosing expression run in the kernel's store as its
// epilogue (expr/evaluate.hpp, kernels/epilogue.hpp), except a bias_add directly around it on its
// channel axis: that one is folded into the convolution (Bias, with_bias below), whose kernels
// start each output element's sum from its channel's bias.
#pragma once

#include "../abi.hpp"

#include <array>
#include <type_traits>

#include "../kernels/conv2d.hpp"
#include "../kernels/conv2d_transpose.hpp"
#include "../kernels/epilogue.hpp"
#include "../kernels/input.hpp"
#include "../shape_rules.hpp"
#include "expression.hpp"
#include "tensor_leaf.hpp"

namespace convt::inline CONVT_ABI {

/// The convolution described by `g`, over an input node and filters of element type T.
/// Layouts: input and result as g.format says; filters [k_h, k_w, out_c, in_c] for the transpose
/// (or, from convt::prepack, in blocks of filter_block output channels: kernels/filter_layout.hpp), and
/// [k_h, k_w, in_c, out_c] for the forward conv2d (g.forward). Bias is kernels::no_bias, or
/// const T* for a convolution with a folded bias_add (bias [out_c]: every output element is its
/// sum plus its channel's bias).
template <detail::conv_geometry g, class T, int filter_block, class Input, class Bias = kernels::no_bias>
struct convolution_expr {
  using is_convt_expression = void;
  using value_type = T;
  static constexpr bool valid = true;
  static constexpr detail::conv_geometry geometry = g;
  static constexpr std::array<int, 4> shape = g.format == data_format_kind::nchw
                                                  ? std::array<int, 4>{g.batch, g.out_c, g.out_h, g.out_w}
                                                  : std::array<int, 4>{g.batch, g.out_h, g.out_w, g.out_c};
  using result_type = typename detail::tensor_of_shape<T, shape>::type;
  static constexpr int convolutions = 1;
  /// The axis of the result that holds the output channels (kernels pass the channel).
  static constexpr int channel_axis = g.format == data_format_kind::nchw ? 1 : 3;

  Input input;       // the input node (layout above)
  const T* filters;  // the caller's filters, alive until evaluation (layout above)
  [[no_unique_address]] Bias bias = {};  // the folded bias [out_c], the caller's, alive until evaluation; or no_bias

  /// This convolution with bias_add(·, bias) on its channel axis folded in (bias_add_expr::bind).
  constexpr auto with_bias(const T* channel_bias) const noexcept
    requires(!kernels::has_bias<Bias>)
  {
    return convolution_expr<g, T, filter_block, Input, const T*>{input, filters, channel_bias};
  }

  /// Evaluates into output (layout above), every element stored as epilogue(value, offset).
  template <class Epilogue = kernels::identity_epilogue>
  constexpr void evaluate_into(T* output, const Epilogue& epilogue = {}) const noexcept {
    if constexpr (std::is_same_v<Input, tensor_leaf<T, Input::shape>>) {
      run(input.elements, output, epilogue);
    } else if constexpr (Input::convolutions > 0) {
      const typename Input::result_type materialised(input);
      run(materialised.data(), output, epilogue);
    } else {
      run(kernels::expression_input<Input>{&input}, output, epilogue);
    }
  }

  /// As an operand of element-wise nodes: the values of this convolution, which the kernel
  /// passes to the epilogue (`fused`).
  template <class S, class P>
  constexpr S at(P /*where*/, S fused) const noexcept {
    return fused;
  }
  template <bool fuse, class F>
  constexpr void bind(F&& f) const noexcept {
    if constexpr (fuse) {
      f(*this);
    } else {
      const result_type materialised(*this);
      f(tensor_leaf<T, shape>{materialised.data()});
    }
  }
  constexpr const convolution_expr& fused_convolution() const noexcept { return *this; }
  bool reads(const void* begin, const void* end) const noexcept {
    constexpr std::ptrdiff_t filter_elements = std::ptrdiff_t{g.k_h} * g.k_w * g.out_c * g.in_c;
    bool reads_bias = false;
    if constexpr (kernels::has_bias<Bias>) reads_bias = detail::overlaps(bias, g.out_c, begin, end);
    return reads_bias || input.reads(begin, end) || detail::overlaps(filters, filter_elements, begin, end);
  }

 private:
  template <class InputReader, class Epilogue>
  constexpr void run(InputReader in, T* output, const Epilogue& epilogue) const noexcept {
    if constexpr (g.forward) kernels::conv2d<g, T>(in, filters, output, epilogue, bias);
    else kernels::conv2d_transpose<g, T, filter_block>(in, filters, output, epilogue, bias);
  }
};

/// The node of conv2d_transpose and atrous_conv2d_transpose.
template <detail::conv_geometry g, class T, int filter_block, class Input>
using conv2d_transpose_expr = convolution_expr<g, T, filter_block, Input>;

/// The node of conv2d and atrous_conv2d (g.forward).
template <detail::conv_geometry g, class T, class Input>
using conv2d_expr = convolution_expr<g, T, 0, Input>;

// A 1 x 1 convolution of one pixel.
static_assert(detail::expression_node<convolution_expr<detail::conv_geometry{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
                                                                             data_format_kind::nhwc},
                                                       float, 0, tensor_leaf<float, std::array<int, 4>{1, 1, 1, 1}>>>);

}  // namespace convt
