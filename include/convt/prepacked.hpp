// convt/prepacked.hpp (API): filters repacked once for repeated calls of the same layer.
//
//   auto packed = convt::prepack(filters);   // filters: [k_h, k_w, out_channels, in_channels]
//   convt::prepack(filters, packed);         // the same, in place (large filters: no stack copy)
//   convt::assign(y, convt::conv2d_transpose(x, packed, output_shape, strides, ...));  // every frame
//
// A prepacked_filters object is accepted wherever `filters` is, with the same logical shape
// [k_h, k_w, out_c, in_c] and the same checks. It stores the filters in blocks of output channels
// (kernels/filter_layout.hpp), which the broadcast micro-kernel reads directly (the raw-filter
// path packs one channel block per call into a stack buffer, or uses the dot-product kernel):
//   * filters up to 1 MiB: one block, [k_h, k_w, in_c, out_c] (output channels contiguous);
//   * larger filters, which are streamed from memory once per call: blocks as wide as one
//     broadcast tile (3 vectors with 16 SIMD registers, 6 with 32: 24 floats on AVX2), each
//     [k_h, k_w, in_c, width] and contiguous, so the stream runs front to back (one block of
//     all out_c channels would touch a sliver of every cache line of the whole tensor per tile);
//   * when out_c is not a multiple of the SIMD width, or the build has no SIMD: TensorFlow's
//     layout, which the dot-product kernel reads.
// The layout is part of the type (its last parameter, block_channels) and can be chosen. The
// object owns its storage (no heap), is a literal type and can be built in a constant expression.
#pragma once

#include "config.hpp"

#include <array>
#include <type_traits>

#include "kernels/filter_layout.hpp"
#include "kernels/simd/arch.hpp"
#include "tensor.hpp"

namespace convt::inline CONVT_ABI {

namespace detail {

/// The block width (output channels) of prepack's layout for filters [k_h, k_w, out_c, in_c] of
/// T (above): 0 for TensorFlow's layout, out_c for one block, else the width of a broadcast tile
/// of 4 pixels, (registers - 1) / (4 + 1) vectors, of the width the kernels take for out_c
/// (kernels/simd/arch.hpp, broadcast_lanes).
template <class T, int k_h, int k_w, int out_c, int in_c>
constexpr int prepacked_block_channels() {
#if defined(CONVT_SCALAR_ONLY)
  return 0;
#else
  constexpr int L = kernels::simd::broadcast_lanes<T>(out_c);
  constexpr double bytes = double(k_h) * k_w * out_c * in_c * sizeof(T);
  if (out_c < L || out_c % L != 0) return 0;
  if (bytes <= 1024.0 * 1024.0) return out_c;
  constexpr int tile_width = (kernels::simd::vector_registers - 1) / (4 + 1) * L;
  return tile_width < out_c ? tile_width : out_c;
#endif
}

}  // namespace detail

/// Filters of logical shape [k_h, k_w, out_c, in_c], stored in blocks of block_channels output
/// channels (kernels/filter_layout.hpp; 0: TensorFlow's layout). The default is prepack's choice
/// for this build (above); it differs between SIMD widths, so translation units built for
/// different targets cannot mistake one layout for another. Another block width, a multiple of
/// the SIMD width, may be given; layouts the SIMD kernels cannot read (blocks that are not whole
/// vectors, or any blocks when out_c is not) are evaluated by the scalar kernel.
template <class T, int k_h, int k_w, int out_c, int in_c,
          int block_channels_ = detail::prepacked_block_channels<T, k_h, k_w, out_c, in_c>()>
struct prepacked_filters {
  static_assert(block_channels_ >= 0 && block_channels_ <= out_c,
                "prepacked_filters<T, k_h, k_w, out_c, in_c, block_channels> requires block_channels from 0 "
                "(TensorFlow's layout) to out_c");
  using value_type = T;
  using is_convt_prepacked_filters = void;
  static constexpr int rank = 4;
  static constexpr std::array<int, 4> shape{k_h, k_w, out_c, in_c};  // TensorFlow's shape
  static constexpr int block_channels = block_channels_;
  /// Whether the output channels are contiguous: [k_h, k_w, in_c, out_c].
  static constexpr bool channels_last = block_channels == out_c;
  using layout = kernels::filter_layout<k_h, k_w, out_c, in_c, block_channels>;
  using storage_type = tensor<T, k_h * k_w * out_c * in_c>;  // in `layout`

  storage_type storage;

  constexpr const T* data() const noexcept { return storage.data(); }
};

template <class X>
struct is_prepacked_filters : std::false_type {};
template <class T, int k_h, int k_w, int out_c, int in_c, int block_channels>
struct is_prepacked_filters<prepacked_filters<T, k_h, k_w, out_c, in_c, block_channels>> : std::true_type {};

/// Repacks TensorFlow filters [k_h, k_w, out_c, in_c] into `packed`, in place: the form to use
/// for large filters, whose prepacked_filters object should live in static or caller-provided
/// storage rather than be returned by value on the stack.
template <class T, int k_h, int k_w, int out_c, int in_c, int block_channels>
constexpr void prepack(const tensor_view<T, k_h, k_w, out_c, in_c>& filters,
                       prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c, block_channels>& packed) noexcept {
  using layout = typename prepacked_filters<std::remove_const_t<T>, k_h, k_w, out_c, in_c, block_channels>::layout;
  for (int kh = 0; kh < k_h; ++kh)
    for (int kw = 0; kw < k_w; ++kw)
      for (int oc = 0; oc < out_c; ++oc)
        for (int ic = 0; ic < in_c; ++ic) packed.storage.data()[layout::offset(kh, kw, oc, ic)] = filters(kh, kw, oc, ic);
}

template <class T, int k_h, int k_w, int out_c, int in_c, int block_channels>
constexpr void prepack(const tensor<T, k_h, k_w, out_c, in_c>& filters,
                       prepacked_filters<T, k_h, k_w, out_c, in_c, block_channels>& packed) noexcept {
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
