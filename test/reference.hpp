// test/reference.hpp: an independent, obviously-correct reference for the tests.
//
// Nothing here uses convt: the sizes are run-time numbers, the padding is recomputed from
// SEMANTICS.md section 2, and conv2d_transpose is written as the *scatter* of section 3 (loop over
// every input element and filter tap, add to the output element it reaches), while the library
// gathers. Sums are in double. Alongside each value it returns the sum of |terms| and the number n
// of terms (products) that reach the element, which bound the rounding error of any summation
// order: |computed - exact| <= n * u * sum|terms|, u = eps/2 (Jeannerod and Rump, SIAM J. Matrix
// Anal. Appl. 34(2), 2013; test/bounds.hpp turns this into the tests' bounds).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace reference {

enum class padding { same, valid, explicit_ };

/// One conv2d_transpose problem in run-time numbers.
/// Layouts: input [n, ih, iw, ic] (NHWC) or [n, ic, ih, iw] (NCHW); filters [kh, kw, oc, ic];
/// output [n, oh, ow, oc] (NHWC) or [n, oc, oh, ow] (NCHW).
struct problem {
  int n, ih, iw, ic, oh, ow, oc, kh, kw, sh, sw, dh, dw;
  padding pad;
  int pad_top_explicit = 0, pad_bottom_explicit = 0, pad_left_explicit = 0, pad_right_explicit = 0;
  bool nchw = false;

  // SEMANTICS.md section 2, written out again here on purpose.
  int pad_top() const { return pad_before(ih, oh, kh, sh, dh, pad_top_explicit); }
  int pad_left() const { return pad_before(iw, ow, kw, sw, dw, pad_left_explicit); }
  int pad_before(int I, int O, int k, int s, int d, int explicit_before) const {
    if (pad == padding::valid) return 0;
    if (pad == padding::explicit_) return explicit_before;
    const int total = std::max(0, (I - 1) * s + (k - 1) * d + 1 - O);
    return total / 2;
  }

  std::size_t in_index(int b, int i, int j, int c) const {
    return nchw ? ((std::size_t(b) * ic + c) * ih + i) * iw + j : ((std::size_t(b) * ih + i) * iw + j) * ic + c;
  }
  std::size_t out_index(int b, int y, int x, int c) const {
    return nchw ? ((std::size_t(b) * oc + c) * oh + y) * ow + x : ((std::size_t(b) * oh + y) * ow + x) * oc + c;
  }
  std::size_t filter_index(int a, int b, int o, int i) const {
    return ((std::size_t(a) * kw + b) * oc + o) * ic + i;
  }
  std::size_t input_size() const { return std::size_t(n) * ih * iw * ic; }
  std::size_t output_size() const { return std::size_t(n) * oh * ow * oc; }
  std::size_t filter_size() const { return std::size_t(kh) * kw * oc * ic; }
  /// Longest reduction (terms summed into one output element) of this problem; result::terms has
  /// each element's own count.
  int reduction_length() const { return std::max(1, kh * kw * ic); }
};

struct result {
  std::vector<double> value;      // the exact-ish result (double sums)
  std::vector<double> magnitude;  // sum of |terms| per element, for the error bound
  std::vector<int> terms;         // number of terms (products, zero ones included) per element
};

/// conv2d_transpose as the scatter of SEMANTICS.md section 3.
template <class T>
result conv2d_transpose(const problem& p, const std::vector<T>& input, const std::vector<T>& filters) {
  result r{std::vector<double>(p.output_size(), 0.0), std::vector<double>(p.output_size(), 0.0),
           std::vector<int>(p.output_size(), 0)};
  const int top = p.pad_top(), left = p.pad_left();
  for (int b = 0; b < p.n; ++b)
    for (int i = 0; i < p.ih; ++i)
      for (int j = 0; j < p.iw; ++j)
        for (int a = 0; a < p.kh; ++a)
          for (int c = 0; c < p.kw; ++c) {
            const int y = i * p.sh + a * p.dh - top;
            const int x = j * p.sw + c * p.dw - left;
            if (y < 0 || y >= p.oh || x < 0 || x >= p.ow) continue;
            for (int o = 0; o < p.oc; ++o) {
              const std::size_t e = p.out_index(b, y, x, o);
              for (int q = 0; q < p.ic; ++q) {
                const double term = double(input[p.in_index(b, i, j, q)]) * double(filters[p.filter_index(a, c, o, q)]);
                r.value[e] += term;
                r.magnitude[e] += term < 0 ? -term : term;
              }
              r.terms[e] += p.ic;
            }
          }
  return r;
}

/// The forward conv2d that conv2d_transpose is the adjoint of, written as TensorFlow defines it:
/// its input is shaped like the transpose's output ([n, oh, ow, oc] here) and its result like the
/// transpose's input ([n, ih, iw, ic]), with the same filters, strides, dilations and padding:
///   fwd[b, i, j, q] = sum over a, c, o of  x[b, i*sh + a*dh - top, j*sw + c*dw - left, o] * f[a, c, o, q]
/// (taps outside the x tensor read zero padding).
/// With the sum of |terms| of each element (for the rounding bound of a tested conv2d).
template <class T>
result conv2d_with_magnitude(const problem& p, const std::vector<T>& x, const std::vector<T>& filters) {
  result r{std::vector<double>(p.input_size(), 0.0), std::vector<double>(p.input_size(), 0.0),
           std::vector<int>(p.input_size(), 0)};
  const int top = p.pad_top(), left = p.pad_left();
  for (int b = 0; b < p.n; ++b)
    for (int i = 0; i < p.ih; ++i)
      for (int j = 0; j < p.iw; ++j)
        for (int q = 0; q < p.ic; ++q) {
          double sum = 0, magnitude = 0;
          int terms = 0;
          for (int a = 0; a < p.kh; ++a)
            for (int c = 0; c < p.kw; ++c) {
              const int y = i * p.sh + a * p.dh - top, xx = j * p.sw + c * p.dw - left;
              if (y < 0 || y >= p.oh || xx < 0 || xx >= p.ow) continue;
              terms += p.oc;
              for (int o = 0; o < p.oc; ++o) {
                const double term = double(x[p.out_index(b, y, xx, o)]) * double(filters[p.filter_index(a, c, o, q)]);
                sum += term;
                magnitude += term < 0 ? -term : term;
              }
            }
          r.value[p.in_index(b, i, j, q)] = sum;
          r.magnitude[p.in_index(b, i, j, q)] = magnitude;
          r.terms[p.in_index(b, i, j, q)] = terms;
        }
  return r;
}

template <class T>
std::vector<double> conv2d(const problem& p, const std::vector<T>& x, const std::vector<T>& filters) {
  return conv2d_with_magnitude(p, x, filters).value;
}

/// TensorFlow's conv2d output size per spatial axis (GetWindowedOutputSize), for input size I,
/// filter size k, stride s, dilation d, explicit padding pb, pa; C++ division truncates as
/// TensorFlow's does, and TensorFlow rejects a negative result.
inline int forward_output_size(padding pad, int I, int k, int s, int d, int pb, int pa) {
  const int e = (k - 1) * d + 1;
  switch (pad) {
    case padding::same: return (I + s - 1) / s;
    case padding::valid: return (I - e + s) / s;
    case padding::explicit_: return (I + pb + pa - e + s) / s;
  }
  return -1;
}

/// A forward conv2d in TensorFlow's terms: input [n, ih, iw, ic] (NHWC) or [n, ic, ih, iw] (NCHW),
/// filters [kh, kw, ic, oc], result [n, oh, ow, oc] or [n, oc, oh, ow] with oh, ow from
/// forward_output_size. as_transpose() is the same problem in the frame of `problem` (the
/// transpose's input is the forward result), whose conv2d() above computes it: the memory layout
/// of the filters is the same, [kh, kw, ic, oc] read as the transpose's [kh, kw, out_c, in_c].
struct forward_problem {
  int n, ih, iw, ic, oc, kh, kw, sh, sw, dh, dw;
  padding pad;
  int pt = 0, pb = 0, pl = 0, pr = 0;
  bool nchw = false;

  int oh() const { return forward_output_size(pad, ih, kh, sh, dh, pt, pb); }
  int ow() const { return forward_output_size(pad, iw, kw, sw, dw, pl, pr); }
  problem as_transpose() const {
    return {n, oh(), ow(), oc, ih, iw, ic, kh, kw, sh, sw, dh, dw, pad, pt, pb, pl, pr, nchw};
  }
};

/// The signs of random data: mixed, or all >= 0, where |sum| is close to sum|terms| and so small
/// relative errors stand out.
enum class data_sign { mixed, non_negative };

/// Reproducible values in [-1, 1), or [0, 1).
template <class T>
std::vector<T> random_values(std::size_t count, std::uint32_t seed, data_sign sign = data_sign::mixed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> uniform(sign == data_sign::mixed ? -1.0 : 0.0, 1.0);
  std::vector<T> v(count);
  for (auto& e : v) e = T(uniform(engine));
  return v;
}

}  // namespace reference
