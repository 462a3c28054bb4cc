// convt/checks/ops.hpp (checks): which op a convolution check reports for, and shapes_equal; what
// the files of named checks share.
//
// The checks of a convolution call, each a named function with its own static_assert message, are
// in argument_kinds.hpp (kinds, ranks and element types of the arguments), argument_values.hpp
// (counts and values of the compile-time arguments) and shape_relations.hpp; those of assign and
// of a tensor's initialisation in assign.hpp, those of the element-wise ops in elementwise.hpp.
// They run in a fixed order (conv2d_transpose_call.hpp, conv2d_call.hpp), and the first failing
// one stops the chain, so a misuse produces one error: the message of that check. Each check
// returns whether it held. Checks about sizes take the numbers as template arguments, so the
// compiler prints the offending and the accepted values next to the message.
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <type_traits>

// Outside the ABI namespace (abi.hpp): the checks are the same on every instruction set, and the
// compiler's notes then name them as the documentation does, convt::checks::...
namespace convt::checks {

/// Which op a check reports for: the message names the op and its argument spellings.
struct conv2d_transpose_op {};
struct atrous_conv2d_transpose_op {};
struct conv2d_op {};
struct atrous_conv2d_op {};

template <class Op>
inline constexpr bool is_forward_op = std::is_same_v<Op, conv2d_op> || std::is_same_v<Op, atrous_conv2d_op>;

/// Whether two shapes (std::array of possibly different ranks) are equal.
template <class A, class B>
constexpr bool shapes_equal(const A& a, const B& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace convt::checks
