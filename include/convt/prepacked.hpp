// convt/prepacked.hpp: filters repacked once for repeated calls of the same layer.
//
//   auto packed = convt::prepack(filters);   // filters: [k_h, k_w, out_channels, in_channels]
//   convt::prepack(filters, packed);         // the same, in place (large filters: no stack copy)
//   convt::assign(y, convt::conv2d_transpose(x, packed, output_shape, strides, ...));  // every frame
//
// A prepacked_filters object is accepted wherever `filters` is, with the same logical shape
// [k_h, k_w, out_c, in_c] and the same checks. It stores the filters with output channels
// contiguous, [k_h, k_w, in_c, out_c], which the broadcast micro-kernel reads directly (the
// raw-filter path packs one channel block per call into a stack buffer, or uses the dot-product
// kernel). When out_c is not a multiple of the SIMD width, or the build has no SIMD, that layout
// brings nothing, and for filters over 1 MiB it costs (see below): the object then keeps
// TensorFlow's layout. It owns its storage (no heap), is a
// literal type and can be built in a constant expression.
#pragma once

#include <array>
#include <type_traits>

#include "kernels/simd/arch.hpp"
#include "tensor.hpp"

namespace convt {

namespace detail {

/// Whether prepacked filters use [k_h, k_w, in_c, out_c]: out_c must be a whole number of SIMD
/// vectors, and the filters at most 1 MiB. Larger filters are streamed from memory once per call
/// and are read best in TensorFlow's layout by the dot-product kernel (with channels last, each
/// channel block would touch a sliver of every cache line of the whole tensor).
template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr bool prepacked_channels_last() {
#if defined(CONVT_SCALAR_ONLY)
  return false;
#else
  constexpr int L = int(kernels::simd::vector<T>::size);
  constexpr double bytes = double(k_h) * k_w * out_c * in_c * sizeof(T);
  return out_c >= L && out_c % L == 0 && bytes <= 1024.0 * 1024.0;
#endif
}

}  // namespace detail

/// Filters of logical shape [k_h, k_w, out_c, in_c], stored as [k_h, k_w, in_c, out_c] when
/// `channels_last` (see above), else as given. The layout is part of the type: translation units
/// built for different SIMD widths (where the default differs) cannot mistake one for the other.
template <class T, int k_h, int k_w, int out_c, int in_c,
          bool channels_last_layout = detail::prepacked_channels_last<T, k_h, k_w, out_c, in_c>()>
struct prepacked_filters {
  using value_type = T;
  using is_convt_prepacked_filters = void;
  static constexpr int rank = 4;
  static constexpr std::array<int, 4> shape{k_h, k_w, out_c, in_c};  // TensorFlow's shape
  static constexpr bool channels_last = channels_last_layout;
  using storage_type =
      std::conditional_t<channels_last, tensor<T, k_h, k_w, in_c, out_c>, tensor<T, k_h, k_w, out_c, in_c>>;

  storage_type storage;

  constexpr const T* data() const noexcept { return storage.data(); }
};

template <class X>
struct is_prepacked_filters : std::false_type {};
template <class T, int k_h, int k_w, int out_c, int in_c, bool channels_last>
struct is_prepacked_filters<prepacked_filters<T, k_h, k_w, out_c, in_c, channels_last>> : std::true_type {};

/// Repacks TensorFlow filters [k_h, k_w, out_c, in_c] into `packed`, in place: the form to use
/// for large filters, whose prepacked_filters object should live in static or caller-provided
/// storage rather than be returned by value on the stack.
template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr void prepack(const tensor_view<T, k_h, k_w, out_c, in_c>& filters,
                       prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c>& packed) noexcept {
  for (int kh = 0; kh < k_h; ++kh)
    for (int kw = 0; kw < k_w; ++kw)
      for (int oc = 0; oc < out_c; ++oc)
        for (int ic = 0; ic < in_c; ++ic) {
          if constexpr (prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c>::channels_last)
            packed.storage(kh, kw, ic, oc) = filters(kh, kw, oc, ic);
          else
            packed.storage(kh, kw, oc, ic) = filters(kh, kw, oc, ic);
        }
}

template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr void prepack(const tensor<T, k_h, k_w, out_c, in_c>& filters,
                       prepacked_filters<T, k_h, k_w, out_c, in_c>& packed) noexcept {
  prepack(tensor_view<const T, k_h, k_w, out_c, in_c>(filters), packed);
}

/// Repacks TensorFlow filters [k_h, k_w, out_c, in_c] (a tensor or a tensor_view) once and
/// returns them (by value: for small filters, or in constant expressions).
template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c> prepack(
    const tensor_view<T, k_h, k_w, out_c, in_c>& filters) noexcept {
  prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c> packed;
  prepack(filters, packed);
  return packed;
}

template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr prepacked_filters<T, k_h, k_w, out_c, in_c> prepack(const tensor<T, k_h, k_w, out_c, in_c>& filters) noexcept {
  return prepack(tensor_view<const T, k_h, k_w, out_c, in_c>(filters));
}

}  // namespace convt
