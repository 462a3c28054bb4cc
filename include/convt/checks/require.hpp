// convt/checks/require.hpp (checks): CONVT_REQUIRE_EACH and CONVT_REQUIRE, which give a
// convolution check one message per op (ops.hpp).
//
// argument_kinds.hpp, argument_values.hpp and shape_relations.hpp each include it and #undef both
// macros at their end, so that they do not reach the user's code: hence no #pragma once. Macros
// only, no declarations.

#include "ops.hpp"

// One rule, one message per op, each a string literal (static_assert takes nothing else).
#define CONVT_REQUIRE_EACH(Op, condition, transpose_message, atrous_transpose_message, conv2d_message,      \
                           atrous_message)                                                                  \
  if constexpr (std::is_same_v<Op, ::convt::checks::conv2d_transpose_op>) {                                 \
    static_assert(condition, transpose_message);                                                            \
  } else if constexpr (std::is_same_v<Op, ::convt::checks::atrous_conv2d_transpose_op>) {                   \
    static_assert(condition, atrous_transpose_message);                                                     \
  } else if constexpr (std::is_same_v<Op, ::convt::checks::conv2d_op>) {                                    \
    static_assert(condition, conv2d_message);                                                               \
  } else {                                                                                                  \
    static_assert(condition, atrous_message);                                                               \
  }

// One rule, two spellings: TensorFlow calls the first argument 'input' in conv2d_transpose and
// conv2d, and 'value' in atrous_conv2d_transpose and atrous_conv2d.
#define CONVT_REQUIRE(Op, condition, conv_text, atrous_text)                                                 \
  CONVT_REQUIRE_EACH(Op, condition, "conv2d_transpose(input, filters, ...) requires " conv_text,             \
                     "atrous_conv2d_transpose(value, filters, ...) requires " atrous_text,                   \
                     "conv2d(input, filters, ...) requires " conv_text,                                      \
                     "atrous_conv2d(value, filters, ...) requires " atrous_text)
