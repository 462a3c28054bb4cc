#!/usr/bin/env python3
"""perf/plot.py draws a table like perf/run's: Google Benchmark JSON whose run names carry the
"/real_time" suffix, aggregates in the run's interleaved order. The plot must come out, its layers
in registration order (family_index), every implementation's median read, and the peak drawn.

Usage: check_perf_plot.py SOURCE_ROOT BUILD_DIR. Runs plot.py with Debian's /usr/bin/python3 (it
needs python3-matplotlib, which .ci/run and install-deps install).
"""
import importlib.util
import json
import os
import subprocess
import sys

source_root, build_dir = sys.argv[1], sys.argv[2]
plot = os.path.join(source_root, "perf", "plot.py")

# Two layers registered in the order beta, alpha (family_index), reported alpha first; medians of
# 2 and 4 GFLOP/s per implementation, mean and stddev aggregates that must be ignored.
benchmarks = []
for family, layer in [(1, "alpha"), (0, "beta")]:
    for k, implementation in enumerate(["convt", "prepacked", "no_avx512", "oneDNN", "XNNPACK"]):
        for aggregate, flops in [("mean", 99e9), ("median", (2 + 2 * family + k) * 1e9), ("stddev", 1e9)]:
            benchmarks.append({"name": "%s/%s/real_time_%s" % (layer, implementation, aggregate),
                               "run_name": "%s/%s/real_time" % (layer, implementation), "run_type": "aggregate",
                               "aggregate_name": aggregate, "family_index": family * 5 + k, "FLOPs": flops})
results = {"context": {"date": "2026-12-06T00:00:00", "convt_kernels": "test", "compiler": "c++",
                       "fma_peak_gflops": 10.0, "fma_peak_label": "test"}, "benchmarks": benchmarks}
json_path = os.path.join(build_dir, "perf_plot_sample.json")
png_path = os.path.join(build_dir, "perf_plot_sample.png")
with open(json_path, "w") as f:
    json.dump(results, f)
if os.path.exists(png_path):
    os.remove(png_path)

run = subprocess.run(["/usr/bin/python3", plot, json_path, png_path, "--commit", "abc1234"], capture_output=True, text=True)
failures = []
if run.returncode != 0:
    failures.append("plot.py exited %d: %s" % (run.returncode, run.stderr.strip()[-400:]))
elif not os.path.exists(png_path) or os.path.getsize(png_path) < 1000:
    failures.append("plot.py wrote no PNG at " + png_path)

# The table it draws, read with the same interpreter (matplotlib imports at module level).
probe = ("import importlib.util, json, sys\n"
         "s = importlib.util.spec_from_file_location('plot', sys.argv[1]); m = importlib.util.module_from_spec(s)\n"
         "s.loader.exec_module(m)\n"
         "print(json.dumps(m.medians(json.load(open(sys.argv[2]))['benchmarks'])))\n")
table_run = subprocess.run(["/usr/bin/python3", "-c", probe, plot, json_path], capture_output=True, text=True)
if table_run.returncode != 0:
    failures.append("reading plot.py's table failed: " + table_run.stderr.strip()[-400:])
else:
    table = json.loads(table_run.stdout)
    want = {"beta": {"convt": 2.0, "prepacked": 3.0, "no_avx512": 4.0, "oneDNN": 5.0, "XNNPACK": 6.0},
            "alpha": {"convt": 4.0, "prepacked": 5.0, "no_avx512": 6.0, "oneDNN": 7.0, "XNNPACK": 8.0}}
    if list(table) != ["beta", "alpha"]:
        failures.append("layers in the order %s, want registration order ['beta', 'alpha']" % list(table))
    if table != want:
        failures.append("medians %s, want %s" % (table, want))

for failure in failures:
    print("FAIL: " + failure)
print("perf/plot.py: %s" % ("ok" if not failures else "%d failures" % len(failures)))
sys.exit(1 if failures else 0)
