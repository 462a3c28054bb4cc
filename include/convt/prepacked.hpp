// convt/prepacked.hpp: filters repacked once for repeated calls of the same layer.
//
//   auto packed = convt::prepack(filters);   // filters: [k_h, k_w, out_channels, in_channels]
//   convt::assign(y, convt::conv2d_transpose(x, packed, output_shape, strides, ...));  // every frame
//
// A prepacked_filters object is accepted wherever `filters` is, with the same logical shape
// [k_h, k_w, out_c, in_c] and the same checks. It stores the filters with output channels
// contiguous, [k_h, k_w, in_c, out_c], which the broadcast micro-kernel reads directly (the
// raw-filter path packs one channel block per call into a stack buffer, or uses the dot-product
// kernel). When out_c is not a multiple of the SIMD width, or the build has no SIMD, that layout
// brings nothing and the object keeps TensorFlow's layout. It owns its storage (no heap), is a
// literal type and can be built in a constant expression.
#pragma once

#include <array>
#include <type_traits>

#include "kernels/simd/arch.hpp"
#include "tensor.hpp"

namespace convt {

namespace detail {

/// Whether prepacked filters of element type T and out_c output channels use [k_h, k_w, in_c, out_c].
template <class T, int out_c>
constexpr bool prepacked_channels_last() {
#if defined(CONVT_SCALAR_ONLY)
  return false;
#else
  constexpr int L = int(kernels::simd::vector<T>::size);
  return out_c >= L && out_c % L == 0;
#endif
}

}  // namespace detail

/// Filters of logical shape [k_h, k_w, out_c, in_c], stored as [k_h, k_w, in_c, out_c] when
/// `channels_last` (see above), else as given.
template <class T, int k_h, int k_w, int out_c, int in_c>
struct prepacked_filters {
  using value_type = T;
  using is_convt_prepacked_filters = void;
  static constexpr int rank = 4;
  static constexpr std::array<int, 4> shape{k_h, k_w, out_c, in_c};  // TensorFlow's shape
  static constexpr bool channels_last = detail::prepacked_channels_last<T, out_c>();
  using storage_type =
      std::conditional_t<channels_last, tensor<T, k_h, k_w, in_c, out_c>, tensor<T, k_h, k_w, out_c, in_c>>;

  storage_type storage;

  constexpr const T* data() const noexcept { return storage.data(); }
};

template <class X>
struct is_prepacked_filters : std::false_type {};
template <class T, int k_h, int k_w, int out_c, int in_c>
struct is_prepacked_filters<prepacked_filters<T, k_h, k_w, out_c, in_c>> : std::true_type {};

/// Repacks TensorFlow filters [k_h, k_w, out_c, in_c] (a tensor or a tensor_view) once.
template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c> prepack(
    const tensor_view<T, k_h, k_w, out_c, in_c>& filters) noexcept {
  prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c> packed;
  for (int kh = 0; kh < k_h; ++kh)
    for (int kw = 0; kw < k_w; ++kw)
      for (int oc = 0; oc < out_c; ++oc)
        for (int ic = 0; ic < in_c; ++ic) {
          if constexpr (packed.channels_last)
            packed.storage(kh, kw, ic, oc) = filters(kh, kw, oc, ic);
          else
            packed.storage(kh, kw, oc, ic) = filters(kh, kw, oc, ic);
        }
  return packed;
}

template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr prepacked_filters<T, k_h, k_w, out_c, in_c> prepack(const tensor<T, k_h, k_w, out_c, in_c>& filters) noexcept {
  return prepack(tensor_view<const T, k_h, k_w, out_c, in_c>(filters));
}

}  // namespace convt
