// convt/kernels/epilogue.hpp (kernel support): what a kernel does with each result on its way to
// memory.
//
// A kernel computes the convolution's value v of an output element and stores
// epilogue(v, offset, channel), where offset is that element's index in the whole output tensor,
// in the output's own layout (NHWC or NCHW), and channel its output channel (which the kernel
// knows without dividing the offset). The identity epilogue stores v. The element-wise expression
// around a convolution (expr/unary_expr.hpp, expr/binary_expr.hpp, ...) becomes its epilogue
// (expr/evaluate.hpp), so relu(...) around conv is computed in the register tile's store, in the
// same pass as conv, with no second sweep over the output.
// Kernels call the epilogue with one element (T), with a SIMD vector of L elements at offsets
// offset .. offset + L - 1 and channels channel .. channel + L - 1, or with a SIMD vector and a
// lane map (tile_lanes below) saying which element each lane is: the dot tile's lane-reduced
// sums hold a few channels of several pixels that are not adjacent in the output.
//
// A bias_add directly around a convolution (on its channel axis) is not part of the epilogue: it
// is folded into the convolution (expr/bias_add_expr.hpp), whose kernel is given the bias
// (`Bias`: a `const T*` of out_c values, or no_bias). The SIMD tiles start their sums from it
// (epilogue_store::start): in relu(bias_add(conv, b)) the broadcast tile loads each channel
// block's bias once per tile and adds nothing in the store, the dot tile adds it to its
// lane-reduced sums; the scalar kernels add it to the finished sum (bias_then), as TensorFlow
// does. Either way the bias is one more term of the element's sum.
#pragma once

#include "../abi.hpp"

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace convt::inline CONVT_ABI::kernels {

/// The Bias of a convolution without a folded bias_add: every sum starts from zero.
struct no_bias {};

/// Whether Bias (no_bias or const T*) is a folded bias.
template <class Bias>
inline constexpr bool has_bias = !std::is_same_v<Bias, no_bias>;

/// Stores the convolution's value as it is.
struct identity_epilogue {
  template <class S, class... Lanes>
  constexpr S operator()(S value, std::ptrdiff_t /*offset*/, std::ptrdiff_t /*channel*/, Lanes...) const noexcept {
    return value;
  }
};

/// Lane map of a vector that holds elements first, first + 1, ... of a tile of P pixels x O
/// channels, pixel-major (element a is channel a % O of pixel a / O), whose pixels are
/// pixel_step elements apart in the output. Lane r is the element at
///     offset + offset_of(r) = offset + (a / O) * pixel_step + a % O,   a = first + r,
/// of channel channel + channel_of(r), where offset and channel are those of the tile's element 0.
/// Lanes past the tile's last element (a >= P * O) are padding: valid(r) is false, and they map
/// to element 0, so whatever reads them stays in bounds.
template <int P, int O, std::ptrdiff_t pixel_step, int first>
struct tile_lanes {
  static constexpr bool valid(int r) noexcept { return first + r < P * O; }
  static constexpr std::ptrdiff_t offset_of(int r) noexcept {
    return valid(r) ? (first + r) / O * pixel_step + (first + r) % O : 0;
  }
  static constexpr std::ptrdiff_t channel_of(int r) noexcept { return valid(r) ? (first + r) % O : 0; }
};

/// The valid lanes of a lane map grouped into runs that are adjacent in the output: run i is
/// lanes first[i] .. first[i] + length[i] - 1. The valid lanes come first (tile_lanes: padding
/// only past the tile's last element).
template <int L>
struct lane_runs {
  int count = 0;
  int first[L] = {};
  int length[L] = {};

  /// The runs of a lane map; count is -1 if a valid lane follows a padding lane.
  template <class Lanes>
  static constexpr lane_runs of(Lanes) noexcept {
    lane_runs runs;
    int r = 0;
    for (; r < L && Lanes::valid(r); ++r) {
      if (r > 0 && Lanes::offset_of(r) == Lanes::offset_of(r - 1) + 1) {
        ++runs.length[runs.count - 1];
      } else {
        runs.first[runs.count] = r;
        runs.length[runs.count++] = 1;
      }
    }
    for (; r < L; ++r)
      if (Lanes::valid(r)) runs.count = -1;
    return runs;
  }
};

/// The runs of lane map Lanes over vectors of L lanes, a constant of static storage. (g++ 12 gave
/// wrong copies when a generic lambda read the same table as a local constexpr variable.)
template <class Lanes, int L>
inline constexpr lane_runs<L> runs_of_lanes = lane_runs<L>::of(Lanes{});

/// Copies run i of Lanes' runs from result (lane r at result[r]) to dst + Lanes::offset_of(first
/// lane), for every i: one memcpy per run, with constant offsets and lengths.
template <class Lanes, int L, class T, int... i>
inline void copy_lane_runs(T* dst, const T* result, std::integer_sequence<int, i...>) noexcept {
  constexpr const lane_runs<L>& runs = runs_of_lanes<Lanes, L>;
  (std::memcpy(dst + Lanes::offset_of(runs.first[i]), result + runs.first[i], sizeof(T) * runs.length[i]), ...);
}

/// The store the micro-kernels call: `store(dst, value, channel)` writes
/// epilogue(value, dst - origin, channel) to dst, where origin is element 0 of the output the
/// epilogue's offsets refer to. value is a T or a SIMD vector of T (stored unaligned: tiles start
/// at any pixel).
///
/// It holds the epilogue by value, and the tiles take it by value: SIMD stores may alias anything
/// (the intrinsics store through may_alias types), so whatever the epilogue reads through a
/// reference (a bias pointer, say) would be reloaded after every store. A tile's own copy, whose
/// address is never taken, stays in registers. An epilogue is a copy of the bound expression
/// tree: pointers and scalars only (tens to a few hundred bytes), no tensor data.
///
/// It also holds the convolution's folded bias (Bias: no_bias or const T*, [out_c]), the value the
/// tiles' accumulators start from.
template <class T, class Epilogue, class Bias = no_bias>
struct epilogue_store {
  T* origin;
  Epilogue epilogue;
  [[no_unique_address]] Bias bias = {};
  static constexpr bool starts_from_bias = has_bias<Bias>;

  /// What the sums of output channels channel .. channel + size - 1 (S a SIMD vector, or one
  /// channel for S = T) start from: zero, or their bias.
  template <class S>
  S start(std::ptrdiff_t channel) const noexcept {
    if constexpr (!has_bias<Bias>) return S(T(0));
    else if constexpr (std::is_same_v<S, T>) return bias[channel];
    else return S::load_unaligned(bias + channel);
  }

  constexpr void operator()(T* dst, T value, std::ptrdiff_t channel) const noexcept {
    *dst = epilogue(value, dst - origin, channel);
  }
  template <class Vector>
    requires(!std::is_same_v<Vector, T>)
  void operator()(T* dst, const Vector& value, std::ptrdiff_t channel) const noexcept {
    epilogue(value, dst - origin, channel).store_unaligned(dst);
  }
  /// Lane r of value is the element at dst + Lanes::offset_of(r) (a lane map, above): the epilogue
  /// runs on the whole vector, then each run of valid lanes that are adjacent in the output (the
  /// channels of one pixel) is stored with one copy.
  template <class Vector, class Lanes>
  void operator()(T* dst, const Vector& value, std::ptrdiff_t channel, Lanes lanes) const noexcept {
    constexpr int L = int(Vector::size);
    constexpr int run_count = runs_of_lanes<Lanes, L>.count;
    static_assert(run_count >= 0, "convt: a lane map's valid lanes must come before its padding lanes");
    alignas(64) T result[L];
    epilogue(value, dst - origin, channel, lanes).store_aligned(result);
    // Unrolled (a loop over the runs leaves g++ 12 unsure of the bounds at -O3: -Warray-bounds).
    copy_lane_runs<Lanes, L>(dst, result, std::make_integer_sequence<int, run_count>{});
  }
};

/// The scalar kernels' epilogue for a folded bias: epilogue(value + bias[channel], ...), the
/// bias added to the finished sum (TensorFlow's order).
template <class T, class Epilogue>
struct bias_then {
  const T* bias;
  Epilogue epilogue;
  constexpr T operator()(T value, std::ptrdiff_t offset, std::ptrdiff_t channel) const noexcept {
    return epilogue(value + bias[channel], offset, channel);
  }
};
/// The scalar kernels' epilogue: bias_then for a folded bias, else a copy of the epilogue itself.
template <class T, class Epilogue, class Bias>
constexpr auto adding_bias(const Epilogue& epilogue, Bias bias) noexcept {
  if constexpr (!has_bias<Bias>) return epilogue;
  else return bias_then<T, Epilogue>{bias, epilogue};
}

}  // namespace convt::kernels
