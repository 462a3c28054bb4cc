// The kernels' building blocks, checked on their own against element-by-element definitions:
// the filter transpose that packs raw filters on the fly (kernels/simd/transpose.hpp), over sizes
// below, at and above the 8 x 8 blocks, with padded strides; the dot tile's lane maps
// (kernels/epilogue.hpp: tile_lanes, lane_runs) against values worked out by hand; and prepack's
// block layouts (kernels/filter_layout.hpp) against a walk through their storage; the broadcast
// tile's accumulator sets against their rule.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

#include <convt/convt.hpp>
#include <convt/kernels/epilogue.hpp>

namespace {

/// Whether lane r of lane map Lanes is valid[r], at offset[r], of channel[r], for r < L.
template <class Lanes, int L>
constexpr bool lanes_are(const int (&valid)[L], const std::ptrdiff_t (&offset)[L], const std::ptrdiff_t (&channel)[L]) {
  for (int r = 0; r < L; ++r)
    if (Lanes::valid(r) != bool(valid[r]) || Lanes::offset_of(r) != offset[r] || Lanes::channel_of(r) != channel[r])
      return false;
  return true;
}

/// Whether lane_runs<L>::of(Lanes) has n runs, run i starting at lane first[i], length[i] long.
template <int L, class Lanes, int n>
constexpr bool runs_are(const int (&first)[n], const int (&length)[n]) {
  constexpr auto runs = convt::kernels::lane_runs<L>::of(Lanes{});
  if (runs.count != n) return false;
  for (int i = 0; i < n; ++i)
    if (runs.first[i] != first[i] || runs.length[i] != length[i]) return false;
  return true;
}

/// A lane map whose lane 1 is padding and lane 2 valid again (no tile_lanes is: lane_runs rejects it).
struct gap_lanes {
  static constexpr bool valid(int r) noexcept { return r != 1; }
  static constexpr std::ptrdiff_t offset_of(int r) noexcept { return r; }
  static constexpr std::ptrdiff_t channel_of(int) noexcept { return 0; }
};

}  // namespace

// Each check holds at compile time and when evaluated at run time.
#define CONSTEXPR_CHECK(...)  \
  static_assert(__VA_ARGS__); \
  BOOST_TEST((__VA_ARGS__))

BOOST_AUTO_TEST_CASE(lane_maps_match_their_definition) {
  using convt::kernels::tile_lanes;
  // Lane r is tile element a = first + r: channel a % O of pixel a / O, at offset
  // (a / O) * pixel_step + a % O; lanes with a >= P * O are padding, at offset 0 of channel 0.
  // 4 pixels x 3 channels, pixels 6 elements apart (out_c 3 at stride 2).
  // First group of 8 lanes (elements 0-7): pixels 0, 1 and two channels of pixel 2.
  using a0 = tile_lanes<4, 3, 6, 0>;
  CONSTEXPR_CHECK(lanes_are<a0>({1, 1, 1, 1, 1, 1, 1, 1}, {0, 1, 2, 6, 7, 8, 12, 13}, {0, 1, 2, 0, 1, 2, 0, 1}));
  CONSTEXPR_CHECK(runs_are<8, a0>({0, 3, 6}, {3, 3, 2}));
  // Second group (elements 8-11, then 4 padding lanes): pixel 2's channel 2, pixel 3.
  using a8 = tile_lanes<4, 3, 6, 8>;
  CONSTEXPR_CHECK(lanes_are<a8>({1, 1, 1, 1, 0, 0, 0, 0}, {14, 18, 19, 20, 0, 0, 0, 0}, {2, 0, 1, 2, 0, 0, 0, 0}));
  CONSTEXPR_CHECK(runs_are<8, a8>({0, 1}, {1, 3}));
  // The same tile in groups of 4 lanes (doubles on AVX2): the second group, elements 4-7.
  using a4 = tile_lanes<4, 3, 6, 4>;
  CONSTEXPR_CHECK(lanes_are<a4>({1, 1, 1, 1}, {7, 8, 12, 13}, {1, 2, 0, 1}));
  CONSTEXPR_CHECK(runs_are<4, a4>({0, 2}, {2, 2}));
  // A remainder tile of 3 pixels x 3 channels, pixels 3 elements apart (adjacent: the forward
  // conv2d, out_c 3): the runs merge across pixels into one run of 8 lanes, then element 8
  // alone before 7 padding lanes.
  using b0 = tile_lanes<3, 3, 3, 0>;
  CONSTEXPR_CHECK(lanes_are<b0>({1, 1, 1, 1, 1, 1, 1, 1}, {0, 1, 2, 3, 4, 5, 6, 7}, {0, 1, 2, 0, 1, 2, 0, 1}));
  CONSTEXPR_CHECK(runs_are<8, b0>({0}, {8}));
  using b8 = tile_lanes<3, 3, 3, 8>;
  CONSTEXPR_CHECK(lanes_are<b8>({1, 0, 0, 0, 0, 0, 0, 0}, {8, 0, 0, 0, 0, 0, 0, 0}, {2, 0, 0, 0, 0, 0, 0, 0}));
  CONSTEXPR_CHECK(runs_are<8, b8>({0}, {1}));
  // 2 pixels x 1 channel: 6 (or 2) padding lanes at offset 0. Pixels 5 elements apart are two
  // runs; pixels 1 apart (one channel, stride 1) are one.
  using c0 = tile_lanes<2, 1, 5, 0>;
  CONSTEXPR_CHECK(lanes_are<c0>({1, 1, 0, 0, 0, 0, 0, 0}, {0, 5, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0}));
  CONSTEXPR_CHECK(runs_are<8, c0>({0, 1}, {1, 1}));
  using d0 = tile_lanes<2, 1, 1, 0>;
  CONSTEXPR_CHECK(lanes_are<d0>({1, 1, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}));
  CONSTEXPR_CHECK(runs_are<4, d0>({0}, {2}));
  // A valid lane after a padding lane: count -1.
  CONSTEXPR_CHECK(convt::kernels::lane_runs<4>::of(gap_lanes{}).count == -1);
}

namespace {

/// Whether prepack stores filters [k_h, k_w, out_c, in_c] in blocks of W output channels as
/// kernels/filter_layout.hpp says, written here as a walk through storage: block after block
/// (each W channels wide but the last, which has what is left), in each block tap (kh, kw) after
/// tap, then in_c, then the block's channels; W = 0 keeps TensorFlow's order. Each filter
/// element holds its own TensorFlow index.
template <class T, int k_h, int k_w, int out_c, int in_c, int W>
constexpr bool blocks_are_in_order() {
  convt::tensor<T, k_h, k_w, out_c, in_c> filters;
  for (int i = 0; i < k_h * k_w * out_c * in_c; ++i) filters.data()[i] = T(i);
  convt::prepacked_filters<T, k_h, k_w, out_c, in_c, W> packed;
  convt::prepack(filters, packed);
  const T* at = packed.data();
  if (W == 0) {
    for (int i = 0; i < k_h * k_w * out_c * in_c; ++i)
      if (*at++ != T(i)) return false;
    return true;
  }
  for (int first = 0; first < out_c; first += (W > 0 ? W : 1)) {
    const int width = out_c - first < W ? out_c - first : W;
    for (int kh = 0; kh < k_h; ++kh)
      for (int kw = 0; kw < k_w; ++kw)
        for (int ic = 0; ic < in_c; ++ic)
          for (int j = 0; j < width; ++j)
            if (*at++ != T(((kh * k_w + kw) * out_c + first + j) * in_c + ic)) return false;
  }
  return at == packed.data() + k_h * k_w * out_c * in_c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(prepacked_layouts_match_their_definition) {
  CONSTEXPR_CHECK(blocks_are_in_order<float, 2, 3, 20, 5, 0>());   // TensorFlow's layout
  CONSTEXPR_CHECK(blocks_are_in_order<float, 2, 3, 20, 5, 20>());  // one block: [k_h, k_w, in_c, out_c]
  CONSTEXPR_CHECK(blocks_are_in_order<float, 2, 3, 20, 5, 8>());   // 8, 8, then a last block of 4
  CONSTEXPR_CHECK(blocks_are_in_order<float, 2, 3, 20, 5, 7>());   // 7, 7, 6
  CONSTEXPR_CHECK(blocks_are_in_order<double, 1, 2, 9, 3, 1>());   // one channel per block
  CONSTEXPR_CHECK(blocks_are_in_order<double, 3, 1, 12, 4, 4>());  // whole blocks only
}

#if !defined(CONVT_SCALAR_ONLY)
namespace {

/// transpose<T, rows, cols, src_stride, dst_stride> against the definition; elements of dst that
/// it must not write keep their sentinel.
template <class T, int rows, int cols, std::ptrdiff_t src_stride, std::ptrdiff_t dst_stride>
void check_transpose() {
  std::vector<T> src(static_cast<std::size_t>(rows * src_stride));
  std::vector<T> dst(static_cast<std::size_t>(cols * dst_stride), T(-1));
  for (std::size_t i = 0; i < src.size(); ++i) src[i] = T(i % 1000) + T(0.5);
  convt::kernels::simd::transpose<T, rows, cols, src_stride, dst_stride>(src.data(), dst.data());
  int wrong = 0;
  for (int c = 0; c < cols; ++c)
    for (std::ptrdiff_t d = 0; d < dst_stride; ++d) {
      const T want = d < rows ? src[std::size_t(d * src_stride + c)] : T(-1);
      wrong += dst[std::size_t(c * dst_stride + d)] != want;
    }
  BOOST_TEST(wrong == 0, "transpose<" << rows << ", " << cols << ", " << src_stride << ", " << dst_stride << ">");
}

}  // namespace

BOOST_AUTO_TEST_CASE(filter_transpose_matches_definition) {
  check_transpose<float, 8, 8, 8, 8>();
  check_transpose<float, 16, 32, 32, 16>();
  check_transpose<float, 8, 13, 13, 8>();     // column tail
  check_transpose<float, 11, 8, 9, 12>();     // row tail, padded strides
  check_transpose<float, 19, 21, 23, 24>();   // both tails
  check_transpose<float, 3, 40, 40, 3>();     // fewer rows than a block
  check_transpose<float, 40, 5, 5, 40>();     // fewer columns than a block
  check_transpose<double, 16, 24, 24, 16>();  // element by element
  check_transpose<double, 9, 7, 7, 9>();
}

// The broadcast tile's accumulator sets (kernels/simd/broadcast_tile.hpp): values worked out by
// hand from the rule (S * P * V >= 8 chains, S * P * V + V + 1 <= registers, at least 8 input
// channels per set, S >= 1),
// and the register budget over every tile shape kernel_choice can pick.
BOOST_AUTO_TEST_CASE(accumulator_sets_follow_their_rule) {
  using convt::kernels::simd::accumulator_sets;
  constexpr int R = convt::kernels::simd::vector_registers;
#if defined(CONVT_OPTIMIZE_SIZE)
  CONSTEXPR_CHECK(accumulator_sets(1, 1, 64) == 1 && accumulator_sets(1, 3, 512) == 1);
#else
  // (P, V, in_c) -> S
  CONSTEXPR_CHECK(accumulator_sets(1, 3, 512) == 3);  // dcgan_l2's one-pixel border tiles
  CONSTEXPR_CHECK(accumulator_sets(2, 3, 512) == 2);  // 12 accumulators + 3 + 1 (with 16 registers, all of them)
  CONSTEXPR_CHECK(accumulator_sets(3, 3, 512) == 1);  // 9 chains already
  CONSTEXPR_CHECK(accumulator_sets(6, 2, 128) == 1);
  CONSTEXPR_CHECK(accumulator_sets(1, 1, 64) == 8);
  CONSTEXPR_CHECK(accumulator_sets(1, 1, 40) == 5);   // 8 wanted, at least 8 channels per set
  CONSTEXPR_CHECK(accumulator_sets(2, 1, 24) == 3);   // 4 wanted, at least 8 channels per set
  CONSTEXPR_CHECK(accumulator_sets(1, 1, 15) == 1);   // tiny layers: one set
  CONSTEXPR_CHECK(accumulator_sets(1, 1, 0) == 1);    // an empty layer
  // 2 wanted; 16 registers leave room for one set next to 7 filter vectors and a broadcast, 32 for three.
  CONSTEXPR_CHECK(accumulator_sets(1, 7, 64) == (R == 16 ? 1 : 2));
  CONSTEXPR_CHECK(accumulator_sets(1, 15, 64) == 1);  // 15 chains already
#endif
  int over_budget = 0;
  for (int V = 1; V < R; ++V)
    for (int P = 1; P * V + V + 1 <= R; ++P)
      for (int in_c : {0, 1, 2, 3, 7, 64}) {
        const int S = accumulator_sets(P, V, in_c);
        over_budget += S < 1 || S * P * V + V + 1 > R || (S > 1 && S > in_c / 8);
      }
  BOOST_TEST(over_budget == 0);
}

#if !defined(CONVT_OPTIMIZE_SIZE) && !defined(CONVT_TILE_CHANNELS) && !defined(CONVT_TILE_PIXELS)
namespace {

using convt::detail::conv_geometry;
constexpr auto nhwc = convt::data_format_kind::nhwc;
// perf/'s layers as the transpose sees them, batch 1: (in_h, in_w, in_c, out_h, out_w, out_c,
// k_h, k_w, strides, dilations, SAME's pad_top and pad_left).
constexpr conv_geometry tiny{1, 4, 4, 8, 8, 8, 8, 3, 3, 2, 2, 1, 1, 0, 0, nhwc};
constexpr conv_geometry mnist_ae{1, 7, 7, 64, 14, 14, 64, 3, 3, 2, 2, 1, 1, 0, 0, nhwc};
constexpr conv_geometry dcgan_l2{1, 4, 4, 512, 8, 8, 256, 4, 4, 2, 2, 1, 1, 1, 1, nhwc};
constexpr conv_geometry dcgan_rgb{1, 32, 32, 64, 64, 64, 3, 4, 4, 2, 2, 1, 1, 1, 1, nhwc};
constexpr conv_geometry fsrcnn_x3{1, 24, 24, 56, 72, 72, 1, 9, 9, 3, 3, 1, 1, 3, 3, nhwc};
constexpr conv_geometry atrous_r2{1, 16, 16, 32, 16, 16, 32, 3, 3, 1, 1, 2, 2, 2, 2, nhwc};

/// The tile choice for vectors of L floats and R registers, with raw filters (0) or prepacked
/// blocks of filter_block channels.
template <conv_geometry g, int L, int R, int filter_block = 0>
using choice = convt::kernels::simd::tile_choice<g, float, filter_block, convt::kernels::simd::arch, L, R>;

/// Whether Choice's broadcast tile is P pixels x V vectors, within its registers (P * V
/// accumulators, V filter vectors and a broadcast).
template <class Choice>
constexpr bool broadcast_tile_is(int P, int V) {
  return Choice::broadcast && Choice::broadcast_pixels == P && Choice::vectors == V &&
         P * V + V + 1 <= Choice::registers;
}
template <class Choice>
constexpr bool dot_tile_is(int P, int O) {
  return !Choice::broadcast && Choice::dot_pixels == P && Choice::dot_channels == O;
}

}  // namespace

// The register tiles for 8-float vectors and 16 registers (AVX2), 16-float vectors and 32
// registers (AVX-512) and 8-float vectors and 32 registers (AVX-512's narrow vectors), worked out
// by hand from kernel_choice.hpp's rules: broadcast tiles of P = min(phase row, (R - 3) / 2, 12)
// pixels and V = min(out_c / L, (R - 1) / (P + 1)) vectors; dot tiles of 1 to 4 channels (3 when
// a phase's filters for 4 channels pass half of L1, and with 32 registers only for phase rows of
// 8 pixels or more) and 8, 3, 4 or 2 pixels for 1, 2, 3 or 4 channels, twice that with 32
// registers.
BOOST_AUTO_TEST_CASE(tile_choice_for_each_vector_width) {
  // atrous_r2: phase rows of 16 pixels; 32 channels, raw filters packed (256 pixels reuse them).
  CONSTEXPR_CHECK(broadcast_tile_is<choice<atrous_r2, 8, 16>>(6, 2));
  CONSTEXPR_CHECK(broadcast_tile_is<choice<atrous_r2, 16, 32>>(12, 2));
  CONSTEXPR_CHECK(broadcast_tile_is<choice<atrous_r2, 8, 32>>(12, 2));
  CONSTEXPR_CHECK(!choice<atrous_r2, 16, 32>::unroll_taps);  // 9 taps x 32 channels per phase
  // mnist_ae prepacked in blocks of 64 channels: phase rows of 7 pixels.
  CONSTEXPR_CHECK(broadcast_tile_is<choice<mnist_ae, 8, 16, 64>>(6, 2));
  CONSTEXPR_CHECK(broadcast_tile_is<choice<mnist_ae, 16, 32, 64>>(7, 3));
  CONSTEXPR_CHECK(broadcast_tile_is<choice<mnist_ae, 8, 32, 64>>(7, 3));
  // Raw mnist_ae filters stay unpacked (49 input pixels, 144 KiB): dot tiles of 4 channels.
  CONSTEXPR_CHECK(dot_tile_is<choice<mnist_ae, 8, 16>>(2, 4));
  CONSTEXPR_CHECK(dot_tile_is<choice<mnist_ae, 16, 32>>(4, 4));
  // dcgan_l2: a phase's 4 taps x 4 channels x 512 in_c are 32 KiB, so 3 channels with 16
  // registers; with 32, its phase rows of 4 pixels would cut 3 x 8 to 3 x 4, so 4 x 4.
  CONSTEXPR_CHECK(dot_tile_is<choice<dcgan_l2, 8, 16>>(4, 3));
  CONSTEXPR_CHECK(dot_tile_is<choice<dcgan_l2, 16, 32>>(4, 4));
  CONSTEXPR_CHECK(dot_tile_is<choice<dcgan_rgb, 16, 32>>(8, 3));
  CONSTEXPR_CHECK(dot_tile_is<choice<fsrcnn_x3, 8, 16>>(8, 1));
  CONSTEXPR_CHECK(dot_tile_is<choice<fsrcnn_x3, 16, 32>>(16, 1));
  // tiny prepacked (8 channels): 16-float vectors do not fit its channels, 8-float ones do.
  CONSTEXPR_CHECK(dot_tile_is<choice<tiny, 16, 32, 8>>(4, 4));
  CONSTEXPR_CHECK(broadcast_tile_is<choice<tiny, 8, 32, 8>>(4, 1));
  CONSTEXPR_CHECK(!choice<tiny, 16, 32, 8>::reads_filters);
}

// Under AVX-512 a layer takes 8-float vectors where 16-float ones do not divide what its tile
// vectorises and 8-float ones do: out_c for the broadcast tile, in_c for the dot tile.
BOOST_AUTO_TEST_CASE(vector_width_choice_follows_the_channels) {
  using convt::kernels::simd::takes_narrow_vectors;
  CONSTEXPR_CHECK(takes_narrow_vectors<choice<tiny, 16, 32, 8>, choice<tiny, 8, 32, 8>, tiny.in_c>);
  CONSTEXPR_CHECK(takes_narrow_vectors<choice<fsrcnn_x3, 16, 32>, choice<fsrcnn_x3, 8, 32>, fsrcnn_x3.in_c>);  // 56
  CONSTEXPR_CHECK(!takes_narrow_vectors<choice<dcgan_rgb, 16, 32>, choice<dcgan_rgb, 8, 32>, dcgan_rgb.in_c>);  // 64
  CONSTEXPR_CHECK(!takes_narrow_vectors<choice<atrous_r2, 16, 32>, choice<atrous_r2, 8, 32>, atrous_r2.in_c>);
  CONSTEXPR_CHECK(!takes_narrow_vectors<choice<mnist_ae, 16, 32>, choice<mnist_ae, 8, 32>, mnist_ae.in_c>);
  // And the build's own choice: the narrow vectors where it has them.
  namespace simd = convt::kernels::simd;
  using tiny_arch = typename simd::kernel_choice<tiny, float, 0>::vector_arch;
  using atrous_arch = typename simd::kernel_choice<atrous_r2, float, 0>::vector_arch;
  BOOST_TEST((std::is_same_v<tiny_arch, simd::narrow_arch>));
  BOOST_TEST((std::is_same_v<atrous_arch, simd::arch>));
  BOOST_TEST_MESSAGE("tiny on " << tiny_arch::name() << ", atrous_r2 on " << atrous_arch::name());
}
#endif
#else
BOOST_AUTO_TEST_CASE(scalar_build_has_no_simd_kernels) { BOOST_TEST(convt::kernels::simd_arch_name() == std::string("scalar")); }
#endif

#undef CONSTEXPR_CHECK
