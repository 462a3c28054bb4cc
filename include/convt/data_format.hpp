// convt/data_format.hpp (API): the `data_format` argument.
//
//   convt::nhwc   input [N, H, W, C], output_shape and result in the same order (the default)
//   convt::nchw   input [N, C, H, W], output_shape and result in the same order
//
// Filters are [k_h, k_w, out_channels, in_channels] in both formats, as in TensorFlow.
#pragma once

#include "abi.hpp"

#include <type_traits>

namespace convt::inline CONVT_ABI {

enum class data_format_kind { nhwc, nchw };

struct nhwc_t {
  static constexpr data_format_kind kind = data_format_kind::nhwc;
};
struct nchw_t {
  static constexpr data_format_kind kind = data_format_kind::nchw;
};

inline constexpr nhwc_t nhwc{};
inline constexpr nchw_t nchw{};

template <class X>
inline constexpr bool is_data_format_v = std::is_same_v<X, nhwc_t> || std::is_same_v<X, nchw_t>;

}  // namespace convt
