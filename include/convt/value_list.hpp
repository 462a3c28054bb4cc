// convt/value_list.hpp (API): the compile-time lists of int that output_shape, strides, dilations,
// rate and explicit_padding are, and the trait that tells which list a type is.
#pragma once

#include "abi.hpp"

#include <array>
#include <type_traits>

namespace convt::inline CONVT_ABI::detail {

/// V... as a count and an array of values.
template <int... V>
struct value_list {
  static constexpr int count = sizeof...(V);
  static constexpr std::array<int, sizeof...(V)> values{V...};
};

/// Whether X is List<V...> for some V...
template <class X, template <int...> class List>
struct is_list_of : std::false_type {};
template <template <int...> class List, int... V>
struct is_list_of<List<V...>, List> : std::true_type {};

}  // namespace convt::detail
