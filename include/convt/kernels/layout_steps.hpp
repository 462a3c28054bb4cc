// convt/kernels/layout_steps.hpp (kernel support): element distances between neighbours along each
// axis of a geometry's input and output tensors, NHWC or NCHW.
//
// NHWC [N, H, W, C]: channel 1, column C, row W * C, image H * W * C.
// NCHW [N, C, H, W]: column 1, row W, channel H * W, image C * H * W (the same image size).
#pragma once

#include "../abi.hpp"

#include <cstddef>

#include "../shape_rules.hpp"

namespace convt::inline CONVT_ABI::kernels {

template <detail::conv_geometry g>
struct layout_steps {
  using index = std::ptrdiff_t;
  static constexpr bool nchw = g.format == data_format_kind::nchw;
  static constexpr index in_c = nchw ? index{g.in_h} * g.in_w : 1;
  static constexpr index in_h = nchw ? index{g.in_w} : index{g.in_w} * g.in_c;
  static constexpr index in_w = nchw ? 1 : index{g.in_c};
  static constexpr index in_n = index{g.in_h} * g.in_w * g.in_c;
  static constexpr index out_c = nchw ? index{g.out_h} * g.out_w : 1;
  static constexpr index out_h = nchw ? index{g.out_w} : index{g.out_w} * g.out_c;
  static constexpr index out_w = nchw ? 1 : index{g.out_c};
  static constexpr index out_n = index{g.out_h} * g.out_w * g.out_c;
};

}  // namespace convt::kernels
