// convt/window.hpp (API): how the filter window moves, as compile-time values.
//
//   convt::strides<s> | <s_h, s_w> | <1, s_h, s_w, 1> (NHWC) | <1, 1, s_h, s_w> (NCHW)
//   convt::dilations<d> | <d_h, d_w> | 4 values as for strides        (default 1: no dilation)
//   convt::rate<r>                    atrous_conv2d_transpose's dilation rate (one value)
//
// The counts and values are checked where the op is called (checks/argument_values.hpp), so that
// the message can say which op and which argument is wrong.
#pragma once

#include "abi.hpp"

#include "value_list.hpp"

namespace convt::inline CONVT_ABI {

template <int... V>
struct strides_t : detail::value_list<V...> {};
template <int... V>
struct dilations_t : detail::value_list<V...> {};
template <int... V>
struct rate_t : detail::value_list<V...> {};

/// Strides of the op (the forward conv2d's strides): 1, 2 or 4 values, as in TensorFlow.
template <int... V>
inline constexpr strides_t<V...> strides{};
/// Dilations of the filter: 1, 2 or 4 values, as in TensorFlow; 1 means none.
template <int... V>
inline constexpr dilations_t<V...> dilations{};
/// The dilation rate of atrous_conv2d_transpose (one value >= 1).
template <int... V>
inline constexpr rate_t<V...> rate{};

template <class X>
struct is_strides : detail::is_list_of<X, strides_t> {};
template <class X>
struct is_dilations : detail::is_list_of<X, dilations_t> {};
template <class X>
struct is_rate : detail::is_list_of<X, rate_t> {};

}  // namespace convt
