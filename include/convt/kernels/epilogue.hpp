// convt/kernels/epilogue.hpp: what a kernel does with each result on its way to memory.
//
// A kernel computes the convolution's value v of an output element and stores
// epilogue(v, offset, channel), where offset is that element's index in the whole output tensor,
// in the output's own layout (NHWC or NCHW), and channel its output channel (which the kernel
// knows without dividing the offset). The identity epilogue stores v. The element-wise expression around a
// convolution (expr/elementwise.hpp) becomes its epilogue, so relu(bias_add(conv, b)) is computed
// in the register tile's store, in the same pass as conv, with no second sweep over the output.
// Kernels call the epilogue with one element (T) or with a SIMD vector of L elements at offsets
// offset .. offset + L - 1 and channels channel .. channel + L - 1, where offset is then a multiple
// of L.
#pragma once

#include <cstddef>
#include <type_traits>

namespace convt::kernels {

/// Stores the convolution's value as it is.
struct identity_epilogue {
  template <class S>
  constexpr S operator()(S value, std::ptrdiff_t /*offset*/, std::ptrdiff_t /*channel*/) const noexcept {
    return value;
  }
};

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
template <class T, class Epilogue>
struct epilogue_store {
  T* origin;
  Epilogue epilogue;

  constexpr void operator()(T* dst, T value, std::ptrdiff_t channel) const noexcept {
    *dst = epilogue(value, dst - origin, channel);
  }
  template <class Vector>
    requires(!std::is_same_v<Vector, T>)
  void operator()(T* dst, const Vector& value, std::ptrdiff_t channel) const noexcept {
    epilogue(value, dst - origin, channel).store_unaligned(dst);
  }
};

}  // namespace convt::kernels
