// convt/position.hpp (expression protocol): where the element(s) an expression node's `at` call
// asks for are. Kernels pass it (kernels/input.hpp, and the epilogue through expr/evaluate.hpp),
// nodes read it (expr/), so it stands below both.
#pragma once

#include "abi.hpp"

#include <cstddef>

namespace convt::inline CONVT_ABI {

/// Where the element(s) an `at` call asks for are: the row-major offset of the first one and, when
/// the caller knows it without arithmetic (a kernel storing a convolution's output channel), its
/// index along axis `known_axis` (-1: none known; a node that needs an index derives it from the
/// offset). With a lane map Lanes (kernels/epilogue.hpp; only kernels pass one, with the channel
/// axis known), the lanes of a SIMD vector are not consecutive elements: lane r is the element at
/// offset + Lanes::offset_of(r), index_on_axis + Lanes::channel_of(r) along the channel axis.
template <int known_axis = -1, class Lanes = void>
struct position {
  static constexpr int axis = known_axis;
  using lanes = Lanes;
  std::ptrdiff_t offset;
  std::ptrdiff_t index_on_axis = 0;
};

}  // namespace convt
