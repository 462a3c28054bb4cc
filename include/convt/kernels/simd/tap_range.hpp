// convt/kernels/simd/tap_range.hpp (tile): the taps of one axis that a register tile sums over,
// which the tile loops (tiling.hpp) hand to both tiles (dot_tile.hpp, broadcast_tile.hpp).
#pragma once

#include "../../abi.hpp"

namespace convt::inline CONVT_ABI::kernels::simd {

/// The taps of one axis that a tile uses: positions [begin, end) of the phase's tap list, whose
/// filter indices are tap[t] and input offsets q[t] (input position = m - q[t]).
struct tap_range {
  const int* tap;
  const int* q;
  int begin, end;
};

}  // namespace convt::kernels::simd
