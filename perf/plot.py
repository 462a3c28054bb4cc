#!/usr/bin/python3
"""Draws perf/run's results as a PNG: GFLOP/s per layer (medians) for convt with raw and with
prepacked filters (and built without AVX-512, on an AVX-512 machine), oneDNN and XNNPACK, with the run's FMA peak as a horizontal line.

Usage: perf/plot.py RESULTS.json OUT.png [--commit HASH]
RESULTS.json is Google Benchmark's --benchmark_out (JSON) of perf/bench_conv2d_transpose, whose
"FLOPs" counter is useful FLOPs per second and whose context carries the probe's peak.
Runs with Debian's /usr/bin/python3 and python3-matplotlib.
"""
import argparse
import json
import platform

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)

SERIES = [("convt", "convt"), ("prepacked", "convt prepacked"), ("no_avx512", "convt without AVX-512"),
          ("oneDNN", "oneDNN"), ("XNNPACK", "XNNPACK")]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def medians(benchmarks):
    """{layer: {implementation: GFLOP/s}} from the median aggregates, layers in the order the
    benchmark registers them (family_index: the run itself interleaves them at random)."""
    table = {}
    for b in sorted(benchmarks, key=lambda b: b.get("family_index", 0)):
        if b.get("run_type") != "aggregate" or b.get("aggregate_name") != "median" or "FLOPs" not in b:
            continue
        # run_name is LAYER/IMPLEMENTATION, then Google Benchmark's suffixes ("/real_time").
        layer, implementation = b["run_name"].split("/")[:2]
        table.setdefault(layer, {})[implementation] = b["FLOPs"] / 1e9
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("out")
    parser.add_argument("--commit", default="")
    args = parser.parse_args()
    with open(args.results) as f:
        results = json.load(f)
    context = results["context"]
    table = medians(results["benchmarks"])
    if not table:
        raise SystemExit("perf/plot.py: no median with a FLOPs counter in " + args.results)
    layers = list(table)
    series = [(key, label) for key, label in SERIES if any(key in table[layer] for layer in layers)]

    figure, axes = plt.subplots(figsize=(max(6.0, 1.1 * len(layers) + 2), 4.5))
    width = 0.8 / len(series)
    for i, (key, label) in enumerate(series):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(layers))]
        axes.bar(xs, [table[layer].get(key, 0.0) for layer in layers], width, label=label)
    peak = float(context.get("fma_peak_gflops", 0))
    if peak > 0:
        axes.axhline(peak, color="black", linestyle="--", linewidth=1,
                     label="FMA peak (%s)" % context.get("fma_peak_label", ""))
    axes.set_xticks(range(len(layers)))
    axes.set_xticklabels(layers, rotation=30, ha="right")
    axes.set_ylabel("GFLOP/s (useful FLOPs, median)")
    axes.set_title("conv2d_transpose, f32, batch 1, single core", fontsize=11, pad=42)
    caption = "%s; %s kernels; %s; %s" % (context.get("date", "")[:10], context.get("convt_kernels", "?"),
                                          cpu_model(), context.get("compiler", "").split(" (")[0])
    if args.commit:
        caption += "; commit " + args.commit
    figure.text(0.01, 0.01, caption, fontsize=7)
    # Above the bars, under the title: inside the axes it covers the tallest bars.
    axes.legend(fontsize=8, ncol=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    figure.tight_layout(rect=(0, 0.04, 1, 1))
    figure.savefig(args.out, dpi=110)
    print("plot: " + args.out)


if __name__ == "__main__":
    main()
