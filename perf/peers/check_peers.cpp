// Standalone sanity check for the benchmark peers: for a set of TF-style
// conv2d_transpose shapes, compares oneDNN and XNNPACK against the naive
// reference and reports their single-core timings next to the FMA peak.
//
// Build (from perf/peers/):
//   g++ -O3 -march=native -std=c++20 check_peers.cpp -o check_peers -ldnnl -lXNNPACK
// Run with OMP_NUM_THREADS=1 (optional: the oneDNN peer pins itself to one
// thread anyway; the cpu/wall column confirms it).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include "deconv_shape.hpp"
#include "fma_peak.hpp"
#include "onednn_deconv.hpp"
#include "xnnpack_deconv.hpp"

using convt_perf::deconv_shape;

namespace {

struct named_shape {
  const char* name;
  deconv_shape s;
};

// TF conv2d_transpose geometry: SAME crops P = max(0, full - O) split with
// the smaller half first (pad_top = P/2); VALID crops nothing at the start.
deconv_shape make_shape(int ih, int iw, int cin, int oh, int ow, int cout, int k, int st,
                        int dil, bool same) {
  deconv_shape s{1, ih, iw, cin, oh, ow, cout, k, k, st, st, dil, dil, 0, 0};
  if (same) {
    s.pad_top = std::max(0, s.full_h() - oh) / 2;
    s.pad_left = std::max(0, s.full_w() - ow) / 2;
  }
  return s;
}

double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

struct timing {
  double median_us;
  double cpu_over_wall;  // ~1.0 when the peer really runs on one thread
};

// Median of `runs` timed calls after a few warm-up calls.
template <class F>
timing time_peer(F&& f, int runs = 50, int warmup = 5) {
  using clock = std::chrono::steady_clock;
  for (int i = 0; i < warmup; ++i) f();
  std::vector<double> us(runs);
  const double cpu0 = process_cpu_seconds();
  const auto w0 = clock::now();
  for (int i = 0; i < runs; ++i) {
    const auto t0 = clock::now();
    f();
    us[i] = std::chrono::duration<double, std::micro>(clock::now() - t0).count();
  }
  const double wall = std::chrono::duration<double>(clock::now() - w0).count();
  const double cpu = process_cpu_seconds() - cpu0;
  std::nth_element(us.begin(), us.begin() + runs / 2, us.end());
  return {us[runs / 2], cpu / wall};
}

struct error_stats {
  double max_abs, rel;  // rel = max_abs / max|ref|
};

error_stats compare(const std::vector<float>& got, const std::vector<float>& ref) {
  double max_abs = 0.0, ref_max = 0.0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    const double d = std::fabs(double(got[i]) - double(ref[i]));
    // NaN must count as a failure, so test !(d <= max_abs).
    if (!(d <= max_abs)) max_abs = std::isnan(d) ? INFINITY : d;
    ref_max = std::max(ref_max, std::fabs(double(ref[i])));
  }
  return {max_abs, ref_max > 0 ? max_abs / ref_max : max_abs};
}

}  // namespace

int main() {
  const named_shape shapes[] = {
      {"tiny", make_shape(4, 4, 8, 8, 8, 8, 3, 2, 1, true)},
      {"mnist_ae", make_shape(7, 7, 64, 14, 14, 64, 3, 2, 1, true)},
      {"unet_up", make_shape(16, 16, 128, 32, 32, 64, 2, 2, 1, false)},
      {"dcgan_l2", make_shape(4, 4, 512, 8, 8, 256, 4, 2, 1, true)},
      {"dcgan_rgb", make_shape(32, 32, 64, 64, 64, 3, 4, 2, 1, true)},
      {"fsrcnn_x3", make_shape(24, 24, 56, 72, 72, 1, 9, 3, 1, true)},
      {"seg_up", make_shape(28, 28, 128, 56, 56, 64, 3, 2, 1, true)},
      {"atrous_r2", make_shape(16, 16, 32, 16, 16, 32, 3, 1, 2, true)},
      // Extra (not a benchmark shape): TF VALID with k < s gives an output one
      // row/col larger than the full result, i.e. a negative trailing crop.
      {"x_valid_k1s2", make_shape(8, 8, 16, 16, 16, 16, 1, 2, 1, false)},
  };

  // The peers dispatch at run time to the widest instruction set: measure that one's peak.
  const convt_perf::fma_peak fma = convt_perf::measure_fma_peak_f32(convt_perf::widest_fma_lanes());
  const double peak = fma.gflops;
  std::printf("single-core f32 FMA peak: %.1f GFLOP/s (%s)\n\n", peak, fma.label().c_str());
  std::printf("%-13s %-4s %-8s %-8s %10s %10s %9s %8s %6s %6s  %s\n", "shape", "pads", "peer",
              "status", "max_abs", "rel_err", "median_us", "GFLOP/s", "%peak", "cpu/w",
              "impl");

  constexpr double tol_rel = 1e-4;
  bool all_ok = true;
  std::mt19937 rng(20240601u);
  std::uniform_real_distribution<float> dist(-1.f, 1.f);

  for (const named_shape& ns : shapes) {
    // Plain references, not a structured binding: clang 14 cannot capture
    // structured bindings in lambdas.
    const char* name = ns.name;
    const deconv_shape& s = ns.s;
    std::vector<float> in(s.in_size()), filt(s.filter_size()), ref(s.out_size());
    for (float& v : in) v = dist(rng);
    for (float& v : filt) v = dist(rng);
    convt_perf::naive_deconv(s, in.data(), filt.data(), ref.data());
    const double flops = 2.0 * s.useful_macs();
    char pads[32];
    std::snprintf(pads, sizeof pads, "%d%+d", s.pad_top, s.pad_bottom());

    // Runs one peer: construct, check accuracy, time. The output is poisoned
    // with NaN first so unwritten elements cannot pass.
    auto check = [&](const char* peer, auto make) {
      std::vector<float> out(s.out_size(), NAN);
      try {
        auto p = make();
        p.run(in.data(), out.data());
        const error_stats e = compare(out, ref);
        const bool ok = e.rel <= tol_rel;
        all_ok = all_ok && ok;
        const timing t = time_peer([&] { p.run(in.data(), out.data()); });
        const double gf = flops / (t.median_us * 1e3);
        std::string impl;
        if constexpr (requires { p.impl(); }) impl = p.impl();
        std::printf("%-13s %-4s %-8s %-8s %10.2e %10.2e %9.1f %8.1f %5.1f%% %6.2f  %s\n", name,
                    pads, peer, ok ? "ok" : "MISMATCH", e.max_abs, e.rel, t.median_us, gf,
                    100.0 * gf / peak, t.cpu_over_wall, impl.c_str());
      } catch (const std::exception& ex) {
        all_ok = false;
        std::printf("%-13s %-4s %-8s unsupported: %s\n", name, pads, peer, ex.what());
      }
    };
    // Factories return prvalues, so the non-copyable peers are built in place.
    check("oneDNN", [&] { return convt_perf::onednn_deconv(s, filt.data()); });
    check("XNNPACK", [&] { return convt_perf::xnnpack_deconv(s, filt.data()); });
  }
  std::printf("\n%s\n", all_ok ? "all peers agree with naive" : "SOME PEERS FAILED");
  return all_ok ? 0 : 1;
}
