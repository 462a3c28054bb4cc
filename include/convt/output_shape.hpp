// convt/output_shape.hpp (API): the `output_shape` argument, as compile-time values.
//
//   convt::output_shape<N, H, W, C>   for NHWC (the default data format)
//   convt::output_shape<N, C, H, W>   for NCHW
//
// Values are signed so that a negative one reaches convt's own message.
#pragma once

#include "abi.hpp"

#include "value_list.hpp"

namespace convt::inline CONVT_ABI {

template <int... V>
struct output_shape_t : detail::value_list<V...> {};

/// The shape of the op's result, in the data format's order (4 values).
template <int... V>
inline constexpr output_shape_t<V...> output_shape{};

template <class X>
struct is_output_shape : detail::is_list_of<X, output_shape_t> {};

}  // namespace convt
