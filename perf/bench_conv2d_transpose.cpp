// perf/bench_conv2d_transpose.cpp: convt against oneDNN, XNNPACK and a naive loop, single core,
// f32, batch 1, same inputs, same process (Google Benchmark).
//
// For every shape of the table it first checks that all outputs agree with the naive loop
// (max |difference| <= 1e-4 * max |reference|; exit code 1 otherwise), then times every
// implementation with Google Benchmark (repetitions, random interleaving, medians), measures the
// core's f32 FMA peak at the kernels' vector width with a probe in the same run, and prints a
// table: microseconds, GFLOP/s, fraction of that peak, and each peer's time divided by convt's
// (above 1: convt is faster).
// The "fused" column times relu(bias_add(conv, b)) as one convt expression (the epilogue runs in
// the micro-kernel's store) and "fused/convt" is its time over the bare convolution's.
// Where the kernels are AVX-512, "no AVX-512" times the same convt built without it
// (bench_without_avx512.cpp, same process), and "no AVX-512/convt" is its time over convt's: below 1,
// AVX-512 made the layer slower.
// Useful FLOPs: 2 * N * I_h * I_w * C_in * C_out * k_h * k_w.
//
// Google Benchmark's own flags pass through (e.g. --benchmark_filter=tiny, --benchmark_repetitions=5).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <convt/convt.hpp>

#include "layers.hpp"
#include "peers/fma_peak.hpp"
#if defined(CONVT_PERF_ONEDNN)
#include "peers/onednn_deconv.hpp"
#endif
#if defined(CONVT_PERF_XNNPACK)
#include "peers/xnnpack_deconv.hpp"
#endif

#if defined(CONVT_PERF_WITHOUT_AVX512)
namespace convt_perf {
/// perf/bench_without_avx512.cpp: registers convt built without AVX-512 as "LAYER/no_avx512".
void register_layers_without_avx512();
}  // namespace convt_perf
#endif

namespace {

using namespace convt_perf;

/// Registers every implementation of layer L, after checking their outputs.
template <layer_shape l>
void register_layer(const named_layer& L) {
  auto data = std::make_shared<layer_data>(l);
  const double flops = useful_flops(l);
  rows.push_back({L.name, flops, {}});

  auto ours = std::make_shared<convt_layer<l>>();
  std::copy(data->input.begin(), data->input.end(), ours->x.begin());
  std::copy(data->filters.begin(), data->filters.end(), ours->w.begin());
  ours->run();
  check(L.name, "convt", ours->y.data(), data->reference);
  add(std::string(L.name) + "/convt", flops, [ours] { ours->run(); });

  auto prepacked = std::make_shared<convt_layer<l, convt::prepacked_filters<float, l.k, l.k, l.oc, l.ic>>>();
  prepacked->x = ours->x;
  convt::prepack(ours->w, prepacked->w);  // in place: dcgan_l2's filters are 8 MB
  prepacked->run();
  check(L.name, "convt prepacked", prepacked->y.data(), data->reference);
  add(std::string(L.name) + "/prepacked", flops, [prepacked] { prepacked->run(); });

  // relu(bias_add(conv, b)), fused, against the naive result with the bias and relu applied. It
  // runs on the bare convolution's own tensors, so that fused/convt differs only by the epilogue,
  // not by where a second copy of the tensors lies.
  std::vector<float> fused_reference(data->reference);
  for (int c = 0; c < l.oc; ++c) ours->b(c) = 0.25f * float(c % 5) - 0.5f;
  for (std::size_t e = 0; e < fused_reference.size(); ++e)
    fused_reference[e] = std::max(fused_reference[e] + ours->b(int(e % l.oc)), 0.0f);
  ours->run_fused();
  check(L.name, "convt fused", ours->y.data(), fused_reference);
  add(std::string(L.name) + "/fused", flops, [ours] { ours->run_fused(); });

  auto naive_out = std::make_shared<std::vector<float>>(data->reference.size());
  const auto shape = peer_shape(l);
  add(std::string(L.name) + "/naive", flops,
      [data, naive_out, shape] { convt_perf::naive_deconv(shape, data->input.data(), data->filters.data(), naive_out->data()); });

#if defined(CONVT_PERF_ONEDNN)
  auto onednn = std::make_shared<convt_perf::onednn_deconv>(shape, data->filters.data());
  auto onednn_out = std::make_shared<std::vector<float>>(data->reference.size());
  onednn->run(data->input.data(), onednn_out->data());
  check(L.name, "oneDNN", onednn_out->data(), data->reference);
  add(std::string(L.name) + "/oneDNN", flops, [onednn, data, onednn_out] { onednn->run(data->input.data(), onednn_out->data()); });
#endif
#if defined(CONVT_PERF_XNNPACK)
  auto xnnpack = std::make_shared<convt_perf::xnnpack_deconv>(shape, data->filters.data());
  auto xnnpack_out = std::make_shared<std::vector<float>>(data->reference.size());
  xnnpack->run(data->input.data(), xnnpack_out->data());
  check(L.name, "XNNPACK", xnnpack_out->data(), data->reference);
  add(std::string(L.name) + "/XNNPACK", flops,
      [xnnpack, data, xnnpack_out] { xnnpack->run(data->input.data(), xnnpack_out->data()); });
#endif
}

/// Keeps Google Benchmark's console output and collects each benchmark's median.
class median_collector : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type != Run::RT_Aggregate || run.aggregate_name != "median") continue;
      const std::string name = run.run_name.function_name;
      const auto slash = name.find('/');
      for (row& r : rows)
        if (r.name == name.substr(0, slash)) r.microseconds[name.substr(slash + 1)] = run.GetAdjustedRealTime();
    }
  }
};

/// The kernels' f32 vector width: the probe measures the peak of this width, so that "% of peak"
/// compares the kernels with their own instruction set.
#if defined(CONVT_SCALAR_ONLY)
constexpr int kernel_lanes = 1;
#else
constexpr int kernel_lanes = int(convt::kernels::simd::vector<float>::size);
#endif

std::string compiler_name() {
#if defined(__clang__)
  return "clang++ " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

double geometric_mean(const std::vector<double>& v) {
  double log_sum = 0;
  for (double x : v) log_sum += std::log(x);
  return v.empty() ? 0 : std::exp(log_sum / double(v.size()));
}

void print_table(const convt_perf::fma_peak& peak) {
  const char* peers[] = {"oneDNN", "XNNPACK"};
  const double peak_gflops = peak.gflops;
  std::printf("\nconvt %s kernels, single core, f32, batch 1; medians of the repetitions; FMA peak %.1f GFLOP/s "
              "(%s; probe, same run)\n\n",
              convt::kernels::simd_arch_name(), peak_gflops, peak.label().c_str());
  std::printf("| shape | convt us | GFLOP/s | %% of peak | prepacked us | %% of peak | oneDNN us | XNNPACK us | naive us | "
              "oneDNN/convt | XNNPACK/convt | naive/convt | best peer/convt | best peer/prepacked | fused us | fused/convt | "
              "no AVX-512 us | no AVX-512/convt |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  std::vector<double> best_ratios_prepacked;
  std::vector<double> best_ratios;
  for (const row& r : rows) {
    if (r.microseconds.empty()) continue;  // filtered out (--benchmark_filter)
    auto time = [&](const char* impl) {
      const auto it = r.microseconds.find(impl);
      return it == r.microseconds.end() ? 0.0 : it->second;
    };
    const double ours = time("convt");
    // One table cell: value printed with format, or n/a when a time it derives from was not
    // measured.
    auto formatted = [](const char* format, double value, bool measured) {
      char buffer[32];
      if (measured) std::snprintf(buffer, sizeof buffer, format, value);
      else std::snprintf(buffer, sizeof buffer, "n/a");
      return std::string(buffer);
    };
    auto cell = [&](double us) { return formatted("%.2f", us, us > 0); };
    auto ratio_to = [&](double us, double of) { return formatted("%.2f", us / of, us > 0 && of > 0); };
    auto ratio = [&](double us) { return ratio_to(us, ours); };
    auto gflops = [&](double us) { return formatted("%.1f", r.flops / (us * 1e3), us > 0); };
    auto of_peak = [&](double us) { return formatted("%.0f%%", 100 * r.flops / (us * 1e3) / peak_gflops, us > 0); };
    double best_peer = 0;
    for (const char* p : peers)
      if (time(p) > 0 && (best_peer == 0 || time(p) < best_peer)) best_peer = time(p);
    if (best_peer > 0 && ours > 0) best_ratios.push_back(best_peer / ours);
    const double packed = time("prepacked");
    if (best_peer > 0 && packed > 0) best_ratios_prepacked.push_back(best_peer / packed);
    std::printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                r.name.c_str(),
                cell(ours).c_str(), gflops(ours).c_str(), of_peak(ours).c_str(), cell(packed).c_str(),
                of_peak(packed).c_str(), cell(time("oneDNN")).c_str(),
                cell(time("XNNPACK")).c_str(), cell(time("naive")).c_str(), ratio(time("oneDNN")).c_str(),
                ratio(time("XNNPACK")).c_str(), ratio(time("naive")).c_str(), ratio(best_peer).c_str(), ratio_to(best_peer, packed).c_str(),
                cell(time("fused")).c_str(), ratio(time("fused")).c_str(), cell(time("no_avx512")).c_str(),
                ratio(time("no_avx512")).c_str());
  }
  if (!best_ratios.empty())
    std::printf("\ngeometric mean of best peer / convt over %zu shapes: %.2f (raw filters), %.2f (prepacked)\n",
                best_ratios.size(), geometric_mean(best_ratios), geometric_mean(best_ratios_prepacked));
}

}  // namespace

int main(int argc, char** argv) {
  // Defaults that make the medians meaningful on a noisy machine: many short repetitions,
  // interleaved, so that a noisy stretch hits only some repetitions of each benchmark. (On
  // 2026-12-01, with a busy neighbour, 21 repetitions of 50 ms gave tiny's fused/convt 0.89 and
  // 1.31 in two runs; 101 of 10 ms gave 1.06 and 1.04.) Command-line flags override them.
  std::vector<char*> args(argv, argv + argc);
  std::string repetitions = "--benchmark_repetitions=101", interleave = "--benchmark_enable_random_interleaving=true",
              aggregates = "--benchmark_report_aggregates_only=true", min_time = "--benchmark_min_time=0.01";
  args.insert(args.begin() + 1, {repetitions.data(), interleave.data(), aggregates.data(), min_time.data()});
  int count = int(args.size());
  benchmark::Initialize(&count, args.data());

  const convt_perf::fma_peak peak_before = convt_perf::measure_fma_peak_f32(kernel_lanes);
  std::printf("FMA peak probe: %.1f GFLOP/s (%s)\n", peak_before.gflops, peak_before.label().c_str());
  for_each_layer([]<layer_shape l>(const named_layer& layer) { register_layer<l>(layer); });
#if defined(CONVT_PERF_WITHOUT_AVX512)
  register_layers_without_avx512();
#endif
  if (!outputs_agree) {
    std::fprintf(stderr, "outputs disagree: no timings\n");
    return 1;
  }
  // The run's context, in --benchmark_out's JSON for perf/plot.py: the peak is the probe's before
  // the timings (the table takes the larger of before and after).
  benchmark::AddCustomContext("convt_kernels", convt::kernels::simd_arch_name());
  benchmark::AddCustomContext("fma_peak_gflops", std::to_string(peak_before.gflops));
  benchmark::AddCustomContext("fma_peak_label", peak_before.label());
  benchmark::AddCustomContext("compiler", compiler_name());
  median_collector reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const convt_perf::fma_peak peak_after = convt_perf::measure_fma_peak_f32(kernel_lanes);
  print_table(peak_after.gflops > peak_before.gflops ? peak_after : peak_before);
  benchmark::Shutdown();
  return 0;
}
