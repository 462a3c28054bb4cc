// perf/layers.hpp: the benchmark's layers, their data and convt's side of each, and the harness
// (output check, benchmark registration) that every translation unit of the benchmark shares.
//
// perf/bench_conv2d_transpose.cpp includes it for the kernels of -march=native, and on AVX-512
// machines perf/bench_without_avx512.cpp for the same convt built without AVX-512: convt's inline
// namespace (convt::abi_*) keeps the two builds' kernels apart in one process, and what is
// defined here lives in an unnamed namespace, so each translation unit has its own copy, built
// for its own instruction set.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <convt/convt.hpp>

#include "peers/deconv_shape.hpp"

namespace convt_perf {
namespace {

enum class pad { same, valid };

/// One benchmark layer: NHWC input [1, ih, iw, ic] -> [1, oh, ow, oc], k x k filters, stride s,
/// or (rate > 1) atrous with that rate.
struct layer_shape {
  int ih, iw, ic, oh, ow, oc, k, s;
  pad padding;
  int rate = 1;
};

struct named_layer {
  const char* name;
  layer_shape shape;
};

// The table.
constexpr named_layer tiny{"tiny", {4, 4, 8, 8, 8, 8, 3, 2, pad::same}};
constexpr named_layer mnist_ae{"mnist_ae", {7, 7, 64, 14, 14, 64, 3, 2, pad::same}};
constexpr named_layer unet_up{"unet_up", {16, 16, 128, 32, 32, 64, 2, 2, pad::valid}};
constexpr named_layer dcgan_l2{"dcgan_l2", {4, 4, 512, 8, 8, 256, 4, 2, pad::same}};
constexpr named_layer dcgan_rgb{"dcgan_rgb", {32, 32, 64, 64, 64, 3, 4, 2, pad::same}};
constexpr named_layer fsrcnn_x3{"fsrcnn_x3", {24, 24, 56, 72, 72, 1, 9, 3, pad::same}};
constexpr named_layer seg_up{"seg_up", {28, 28, 128, 56, 56, 64, 3, 2, pad::same}};
constexpr named_layer atrous_r2{"atrous_r2", {16, 16, 32, 16, 16, 32, 3, 1, pad::same, 2}};

deconv_shape peer_shape(const layer_shape& l) {
  // TensorFlow's padding before (SEMANTICS.md section 2), for the peers' explicit padding.
  auto before = [&](int I, int O) {
    if (l.padding == pad::valid) return 0;
    const int total = (I - 1) * l.s + (l.k - 1) * l.rate + 1 - O;
    return std::max(0, total) / 2;
  };
  return deconv_shape{1, l.ih, l.iw, l.ic, l.oh, l.ow, l.oc, l.k, l.k, l.s, l.s, l.rate, l.rate,
                                  before(l.ih, l.oh), before(l.iw, l.ow)};
}

double useful_flops(const layer_shape& l) { return 2.0 * l.ih * l.iw * l.ic * l.oc * l.k * l.k; }

/// The data of one layer, shared by every implementation: NHWC input, TensorFlow filters.
struct layer_data {
  std::vector<float> input, filters, reference;
  explicit layer_data(const layer_shape& l) {
    std::mt19937 engine(1234);
    std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
    input.resize(std::size_t(l.ih) * l.iw * l.ic);
    filters.resize(std::size_t(l.k) * l.k * l.oc * l.ic);
    for (auto& v : input) v = uniform(engine);
    for (auto& v : filters) v = uniform(engine);
    reference.resize(std::size_t(l.oh) * l.ow * l.oc);
    naive_deconv(peer_shape(l), input.data(), filters.data(), reference.data());
  }
};

/// convt's side of a layer: tensors of the layer's static shapes (on the heap here only because
/// some are large for a stack) and the call. Filters are a tensor in TensorFlow's layout, or
/// convt::prepacked_filters repacked once, as a real-time loop would keep them.
template <layer_shape l, class Filters = convt::tensor<float, l.k, l.k, l.oc, l.ic>>
struct convt_layer {
  convt::tensor<float, 1, l.ih, l.iw, l.ic> x;
  Filters w;
  convt::tensor<float, l.oc> b;
  convt::tensor<float, 1, l.oh, l.ow, l.oc> y;

  auto conv() const {
    constexpr auto output = convt::output_shape<1, l.oh, l.ow, l.oc>;
    if constexpr (l.rate > 1) return convt::atrous_conv2d_transpose(x, w, output, convt::rate<l.rate>, convt::same);
    else if constexpr (l.padding == pad::same) return convt::conv2d_transpose(x, w, output, convt::strides<l.s>, convt::same);
    else return convt::conv2d_transpose(x, w, output, convt::strides<l.s>, convt::valid);
  }
  void run() { convt::assign(y, conv()); }
  void run_fused() { convt::assign(y, convt::relu(convt::bias_add(conv(), b))); }
};

/// Largest |a - b| relative to the largest |b|.
double relative_difference(const float* a, const std::vector<float>& b) {
  double diff = 0, scale = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    diff = std::max(diff, double(std::abs(a[i] - b[i])));
    scale = std::max(scale, double(std::abs(b[i])));
  }
  return diff / (scale > 0 ? scale : 1);
}

}  // namespace

struct row {
  std::string name;
  double flops;
  std::map<std::string, double> microseconds;  // implementation -> median
};

namespace {
}  // namespace

/// The table's rows, and whether every output agreed with the naive loop: one of each per process,
/// shared by the translation units of every instruction set.
inline std::vector<row> rows;
inline bool outputs_agree = true;

namespace {

void check(const char* layer, const char* implementation, const float* out, const std::vector<float>& reference) {
  const double d = relative_difference(out, reference);
  if (!(d <= 1e-4)) {
    std::fprintf(stderr, "MISMATCH %s %s: max relative difference %.3g\n", layer, implementation, d);
    outputs_agree = false;
  }
}

/// Registers one implementation of a layer; its "FLOPs" counter is the useful FLOPs per second
/// (in the console and in --benchmark_out's JSON, which perf/plot.py draws).
template <class F>
void add(const std::string& name, double flops, F&& body) {
  benchmark::RegisterBenchmark(name.c_str(), [body, flops](benchmark::State& state) mutable {
    for (auto _ : state) {
      body();
      benchmark::ClobberMemory();
    }
    state.counters["FLOPs"] = benchmark::Counter(flops, benchmark::Counter::kIsIterationInvariantRate);
  })->Unit(benchmark::kMicrosecond)->UseRealTime();
}

/// The layers, in the table's order; for_each_layer(f) calls f.template operator()<shape>(layer).
template <class F>
void for_each_layer(F&& f) {
  f.template operator()<tiny.shape>(tiny);
  f.template operator()<mnist_ae.shape>(mnist_ae);
  f.template operator()<unet_up.shape>(unet_up);
  f.template operator()<dcgan_l2.shape>(dcgan_l2);
  f.template operator()<dcgan_rgb.shape>(dcgan_rgb);
  f.template operator()<fsrcnn_x3.shape>(fsrcnn_x3);
  f.template operator()<seg_up.shape>(seg_up);
  f.template operator()<atrous_r2.shape>(atrous_r2);
}

}  // namespace
}  // namespace convt_perf
