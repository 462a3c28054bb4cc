// convt/padding.hpp (API): the `padding` argument.
//
//   convt::same                                   TensorFlow's "SAME" (the default)
//   convt::valid                                  TensorFlow's "VALID"
//   convt::explicit_padding<0,0, t,b, l,r, 0,0>   NHWC: TensorFlow's 4 [before, after] pairs, flattened
//   convt::explicit_padding<0,0, 0,0, t,b, l,r>   NCHW: the same pairs in NCHW order
#pragma once

#include "abi.hpp"

#include <type_traits>

#include "value_list.hpp"

namespace convt::inline CONVT_ABI {

struct same_t {};
struct valid_t {};
template <int... V>
struct explicit_padding_t : detail::value_list<V...> {};

inline constexpr same_t same{};
inline constexpr valid_t valid{};
/// Explicit padding: 8 values, TensorFlow's 4 [before, after] pairs in data-format order.
template <int... V>
inline constexpr explicit_padding_t<V...> explicit_padding{};

template <class X>
struct is_explicit_padding : detail::is_list_of<X, explicit_padding_t> {};

template <class X>
inline constexpr bool is_padding_v =
    std::is_same_v<X, same_t> || std::is_same_v<X, valid_t> || is_explicit_padding<X>::value;

}  // namespace convt
