// test/tools/catch_rates.cpp: how often the value tests' bounds catch planted defects, per
// sweep layer, simulated without convt. For each configuration of `generate_sweep.py --list` (same
// data as the sweep), the reference gives want, n and sum|terms|; a float or double scatter with
// fma stands in for a correct convt result, and each defect is planted into it:
//   dropped  every element reached by a term loses one x*w term of average size, sum|xw| / n_xw;
//   random   ... loses one of its own terms, picked at random (so often a small one);
//   lane     in every vector of 8 channels, lane 0 takes lane 1's value (where lane 1 exists);
//   1e-4     every element with sum|terms| > 0 is off by 1e-4 * sum|terms|; 1e-5 the same;
//   1e-4|y|  every element is off by 1e-4 * |exact sum| (small where the terms cancel).
// Elements whose stored value the defect leaves unchanged (two lanes both 0, a relu of a negative
// sum) are not counted. A defective element is caught by a bound when it lies outside it: "old"
// is the bound before per-element counts (K * eps * S, K = kh * kw * in_c, one more for a folded
// bias), "rig" the rigorous n * eps * S and "stat" c * sqrt(n) * eps * S (bounds.hpp). Percentages are of the
// defective elements; "T" marks a layer whose whole-tensor test (no element outside the rigorous
// bound, at most 1% above the statistical one) fails with the defect everywhere, "-" one where it
// passes. max_z is the largest |clean error| / (sqrt(n) * eps * S): it must stay below c.
//
// Build and run from the repository root (--mixed: every layer on mixed-sign data, as the sweep
// was before it had non-negative layers):
//   g++ -std=c++20 -O2 -Itest test/tools/catch_rates.cpp -o /tmp/catch_rates
//   python3 test/generate_sweep.py --seed 1 --count 100 --parts 1 --list | /tmp/catch_rates [--mixed]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "bounds.hpp"
#include "reference.hpp"

namespace {

struct layer {
  std::string name, op, type;
  reference::problem p{};
  std::uint32_t seed = 0;
  bool non_negative = false;
};

/// One `generate_sweep.py --list` line; false for the coverage summary.
bool parse(const std::string& line, layer& l) {
  static const std::regex head(R"(^(sweep_\d+): (\w+)<(\w+), spec\{(.*)\}>\((\d+)u(, cases::data_sign::non_negative)?\)$)");
  std::smatch m;
  if (!std::regex_match(line, m, head)) return false;
  l.name = m[1], l.op = m[2], l.type = m[3], l.seed = std::uint32_t(std::stoul(m[5]));
  l.non_negative = m[6].matched;
  reference::problem& p = l.p;
  p = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, reference::padding::same};
  const std::string fields = m[4];
  static const std::regex field(R"(\.(\w+) = ([\w:]+))");
  for (auto i = std::sregex_iterator(fields.begin(), fields.end(), field); i != std::sregex_iterator(); ++i) {
    const std::string key = (*i)[1], value = (*i)[2];
    if (key == "pad") {
      p.pad = value == "padding::same" ? reference::padding::same
              : value == "padding::valid" ? reference::padding::valid : reference::padding::explicit_;
      continue;
    }
    if (key == "nchw") { p.nchw = value == "true"; continue; }
    if (key == "window_form" || key == "atrous") continue;
    int* target = key == "n" ? &p.n : key == "ih" ? &p.ih : key == "iw" ? &p.iw : key == "ic" ? &p.ic
                  : key == "oh" ? &p.oh : key == "ow" ? &p.ow : key == "oc" ? &p.oc : key == "kh" ? &p.kh
                  : key == "kw" ? &p.kw : key == "sh" ? &p.sh : key == "sw" ? &p.sw : key == "dh" ? &p.dh
                  : key == "dw" ? &p.dw : key == "pt" ? &p.pad_top_explicit : key == "pb" ? &p.pad_bottom_explicit
                  : key == "pl" ? &p.pad_left_explicit : key == "pr" ? &p.pad_right_explicit : nullptr;
    if (target == nullptr) throw std::runtime_error("unknown field " + key);
    *target = std::stoi(value);
  }
  return true;
}

/// A correct result in precision T: the scatter of reference.hpp, each term added with one fma.
/// Returns the sums before any relu, and in `picked` one term of each element, drawn uniformly.
template <class T>
std::vector<T> scatter(const reference::problem& p, const std::vector<T>& x, const std::vector<T>& w,
                       const std::vector<T>& start, std::vector<double>& picked) {
  std::vector<T> y(start);
  std::vector<int> seen(y.size(), 0);
  picked.assign(y.size(), 0.0);
  std::mt19937 engine(12345);
  const int top = p.pad_top(), left = p.pad_left();
  for (int b = 0; b < p.n; ++b)
    for (int i = 0; i < p.ih; ++i)
      for (int j = 0; j < p.iw; ++j)
        for (int a = 0; a < p.kh; ++a)
          for (int c = 0; c < p.kw; ++c) {
            const int r = i * p.sh + a * p.dh - top, s = j * p.sw + c * p.dw - left;
            if (r < 0 || r >= p.oh || s < 0 || s >= p.ow) continue;
            for (int o = 0; o < p.oc; ++o)
              for (int q = 0; q < p.ic; ++q) {
                const std::size_t e = p.out_index(b, r, s, o);
                const T xe = x[p.in_index(b, i, j, q)], we = w[p.filter_index(a, c, o, q)];
                y[e] = std::fma(xe, we, y[e]);
                if (std::uniform_int_distribution<int>(0, seen[e]++)(engine) == 0) picked[e] = double(xe) * double(we);
              }
          }
  return y;
}

enum { dropped, random_term, lane, offset, small_offset, relative, defects };
const char* const defect_names[defects] = {"dropped term", "random term", "wrong lane",
                                           "1e-4 * S",     "1e-5 * S",    "1e-4 * |y|"};
enum { old_bound, rigorous, statistical, bounds_ };

struct rates {
  long affected[defects] = {}, caught[defects][bounds_] = {};
  int tensor_caught_before[defects] = {}, tensor_caught_after[defects] = {}, layers[defects] = {};
  void add(const rates& r) {
    for (int d = 0; d < defects; ++d) {
      affected[d] += r.affected[d];
      for (int k = 0; k < bounds_; ++k) caught[d][k] += r.caught[d][k];
      tensor_caught_before[d] += r.tensor_caught_before[d];
      tensor_caught_after[d] += r.tensor_caught_after[d];
      layers[d] += r.layers[d];
    }
  }
  double percent(int d, int k) const { return affected[d] == 0 ? NAN : 100.0 * double(caught[d][k]) / double(affected[d]); }
};

struct layer_result {
  rates r;
  double max_z = 0;
  int clean_violations = 0;
  std::size_t clean_above = 0;
  int n_min = 0, n_max = 0;
};

template <class T>
layer_result simulate(const layer& l) {
  const reference::problem& p = l.p;
  const auto sign = l.non_negative ? reference::data_sign::non_negative : reference::data_sign::mixed;
  const bool expression = l.op == "expression";
  std::vector<T> xs = reference::random_values<T>(p.input_size(), l.seed, sign);
  const std::vector<T> ws = reference::random_values<T>(p.filter_size(), l.seed + 1, sign);
  if (expression)
    for (T& v : xs) v = std::max(v, T(0));
  const reference::result conv = reference::conv2d_transpose(p, xs, ws);
  reference::result want = conv;
  const std::size_t count = p.output_size();
  std::vector<T> start(count, T(0));
  auto channel = [&](std::size_t e) { return int(p.nchw ? e / (std::size_t(p.oh) * p.ow) % p.oc : e % p.oc); };
  if (expression) {
    const std::vector<T> bs = reference::random_values<T>(std::size_t(p.oc), l.seed + 2);
    for (std::size_t e = 0; e < count; ++e) {
      start[e] = bs[channel(e)];
      cases::fold_bias(want, e, double(bs[channel(e)]));
    }
  }
  const std::vector<double> exact_sums = want.value;
  if (expression)
    for (double& v : want.value) v = std::max(v, 0.0);
  std::vector<double> picked;
  const std::vector<T> sums = scatter(p, xs, ws, start, picked);
  auto store = [&](double v) { return expression ? std::max(T(v), T(0)) : T(v); };  // the relu in the store
  std::vector<T> clean(count);
  for (std::size_t e = 0; e < count; ++e) clean[e] = store(sums[e]);

  layer_result out;
  const int K = p.reduction_length() + (expression ? 1 : 0);
  auto outside = [&](T got, std::size_t e, int k) {
    const double error = std::fabs(double(got) - want.value[e]);
    const double bound = k == old_bound  ? cases::rigorous_bound<T>(K, want.magnitude[e])
                         : k == rigorous ? cases::rigorous_bound<T>(want.terms[e], want.magnitude[e])
                                         : cases::statistical_bound<T>(want.terms[e], want.magnitude[e]);
    return !(error <= bound);
  };
  out.clean_violations = cases::count_out_of_bound(count, clean.data(), want, [](auto...) {});
  out.clean_above = cases::count_above_statistical(count, clean.data(), want);
  out.n_min = count ? *std::min_element(want.terms.begin(), want.terms.end()) : 0;
  out.n_max = count ? *std::max_element(want.terms.begin(), want.terms.end()) : 0;
  for (std::size_t e = 0; e < count; ++e)
    if (want.terms[e] > 0 && want.magnitude[e] > 0)
      out.max_z = std::max(out.max_z, std::fabs(double(clean[e]) - want.value[e]) /
                                          cases::statistical_bound<T>(want.terms[e], want.magnitude[e]) *
                                          cases::statistical_c);

  for (int d = 0; d < defects; ++d) {
    std::vector<T> got(clean);
    std::vector<char> affected(count, 0);
    for (std::size_t e = 0; e < count; ++e) {
      if (d == dropped && conv.terms[e] > 0) {
        got[e] = store(double(sums[e]) - conv.magnitude[e] / conv.terms[e]);
      } else if (d == random_term && conv.terms[e] > 0) {
        got[e] = store(double(sums[e]) - picked[e]);
      } else if (d == lane && channel(e) % 8 == 0 && channel(e) + 1 < p.oc) {
        got[e] = clean[p.nchw ? e + std::size_t(p.oh) * p.ow : e + 1];
      } else if ((d == offset || d == small_offset) && want.magnitude[e] > 0) {
        got[e] = store(double(sums[e]) + (d == offset ? 1e-4 : 1e-5) * want.magnitude[e]);
      } else if (d == relative && exact_sums[e] != 0) {
        got[e] = store(double(sums[e]) + 1e-4 * std::fabs(exact_sums[e]));
      } else {
        continue;
      }
      affected[e] = got[e] != clean[e];  // a stored value left as it was is no defect
    }
    rates& r = out.r;
    bool before = false;
    for (std::size_t e = 0; e < count; ++e) {
      if (!affected[e]) continue;
      ++r.affected[d];
      for (int k = 0; k < bounds_; ++k) r.caught[d][k] += outside(got[e], e, k);
      before = before || outside(got[e], e, old_bound);
    }
    if (r.affected[d] == 0) continue;
    const bool after = cases::count_out_of_bound(count, got.data(), want, [](auto...) {}) != 0 ||
                       cases::count_above_statistical(count, got.data(), want) > cases::statistical_allowance(count);
    r.layers[d] = 1;
    r.tensor_caught_before[d] = before;
    r.tensor_caught_after[d] = after;
  }
  return out;
}

std::string shape(const layer& l) {
  const reference::problem& p = l.p;
  char text[160];
  std::snprintf(text, sizeof text, "%s %s %s%s %dx%dx%dx%d>%dx%dx%d k%dx%d s%dx%d d%dx%d", l.name.c_str() + 6,
                l.op == "expression" ? "expr" : l.op == "conv2d_transpose" ? "conv" : "atrous",
                l.type == "float" ? "f" : "d", l.non_negative ? "+" : "", p.n, p.ih, p.iw, p.ic, p.oh, p.ow, p.oc, p.kh,
                p.kw, p.sh, p.sw, p.dh, p.dw);
  return text;
}

std::string cell(const rates& r, int d) {
  if (r.affected[d] == 0) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.0f / %.0f / %.0f %s%s", r.percent(d, old_bound), r.percent(d, rigorous),
                r.percent(d, statistical), r.tensor_caught_before[d] ? "T" : "-", r.tensor_caught_after[d] ? "T" : "-");
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  const bool all_mixed = argc > 1 && std::string(argv[1]) == "--mixed";
  std::printf("Cells: %% of defective elements caught by old / rig / stat, then the whole-tensor test before/after "
              "(T caught, - passed). Layer: index, op, f/d (+ non-negative data), n x ih x iw x ic > oh x ow x oc, "
              "kernel, strides, dilations.\n\n");
  std::printf("| layer | K | n |");
  for (const char* name : defect_names) std::printf(" %s |", name);
  std::printf(" clean max_z |\n|---|---|---|");
  for (int d = 0; d <= defects; ++d) std::printf("---|");
  std::printf("\n");
  rates totals[2][2];  // [double?][non-negative?]
  int problems = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    layer l;
    if (!parse(line, l)) continue;
    l.non_negative = l.non_negative && !all_mixed;
    const layer_result x = l.type == "float" ? simulate<float>(l) : simulate<double>(l);
    if (x.clean_violations != 0 || x.clean_above > cases::statistical_allowance(l.p.output_size())) ++problems;
    totals[l.type == "double"][l.non_negative].add(x.r);
    std::printf("| %s | %d | %d-%d |", shape(l).c_str(), l.p.reduction_length(), x.n_min, x.n_max);
    for (int d = 0; d < defects; ++d) std::printf(" %s |", cell(x.r, d).c_str());
    std::printf(" %.3f%s |\n", x.max_z, x.clean_violations ? " (clean outside rig!)" : "");
  }
  std::printf("\nPooled over the elements of each group; then the layers whose tensor test catches the defect, "
              "before -> after, of the layers where it applies.\n\n| group |");
  for (const char* name : defect_names) std::printf(" %s |", name);
  std::printf("\n|---|");
  for (int d = 0; d < defects; ++d) std::printf("---|");
  std::printf("\n");
  const char* const group_names[2][2] = {{"float, mixed", "float, non-negative"}, {"double, mixed", "double, non-negative"}};
  for (int t = 0; t < 2; ++t)
    for (int s = 0; s < 2; ++s) {
      const rates& r = totals[t][s];
      std::printf("| %s |", group_names[t][s]);
      for (int d = 0; d < defects; ++d)
        std::printf(" %.1f / %.1f / %.1f%%, %d -> %d of %d |", r.percent(d, old_bound), r.percent(d, rigorous),
                    r.percent(d, statistical), r.tensor_caught_before[d], r.tensor_caught_after[d], r.layers[d]);
      std::printf("\n");
    }
  std::printf("\n%d layers with a clean result outside a bound\n", problems);
  return problems == 0 ? 0 : 1;
}
