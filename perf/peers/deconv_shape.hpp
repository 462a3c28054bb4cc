// Shape description shared by the benchmark peers, plus a naive reference.
//
// Conventions follow TensorFlow's conv2d_transpose:
//   input  NHWC [n, ih, iw, cin]
//   filter      [kh, kw, cout, cin]   (TF layout for conv2d_transpose)
//   output NHWC [n, oh, ow, cout]
// The "full" transposed-convolution output has extent
//   (ih-1)*sh + (kh-1)*dh + 1   (rows; likewise for columns)
// and the requested output is the window starting pad_top/pad_left rows/cols
// into it. The bottom/right crop is derived from the requested size.
#pragma once

#include <cstddef>

namespace convt_perf {

struct deconv_shape {
  int n, ih, iw, cin;     // input NHWC [n, ih, iw, cin]
  int oh, ow, cout;       // output NHWC [n, oh, ow, cout]
  int kh, kw;             // filter TF layout [kh, kw, cout, cin]
  int sh, sw, dh, dw;     // strides, dilations (1 = none)
  int pad_top, pad_left;  // rows/cols cropped at the start of the full output

  // Extent of the uncropped transposed-convolution output.
  constexpr int full_h() const { return (ih - 1) * sh + (kh - 1) * dh + 1; }
  constexpr int full_w() const { return (iw - 1) * sw + (kw - 1) * dw + 1; }
  // Rows/cols cropped at the end. Negative means the requested output extends
  // past the full output (TF VALID with k < s); those rows/cols are zeros.
  constexpr int pad_bottom() const { return full_h() - oh - pad_top; }
  constexpr int pad_right() const { return full_w() - ow - pad_left; }

  constexpr std::size_t in_size() const { return std::size_t(n) * ih * iw * cin; }
  constexpr std::size_t out_size() const { return std::size_t(n) * oh * ow * cout; }
  constexpr std::size_t filter_size() const { return std::size_t(kh) * kw * cout * cin; }
  // Useful multiply-adds (every input pixel meets every tap, whether or not
  // the tap lands inside the cropped output) -> 2*macs() flops, the figure
  // usually quoted for a transposed convolution.
  constexpr double macs() const {
    return double(n) * ih * iw * cin * double(kh) * kw * cout;
  }
  // Multiply-adds that actually reach the cropped output (<= macs()); the
  // honest work count when the crop is a sizeable fraction (large k, small O).
  constexpr double useful_macs() const {
    const auto hits = [](int in, int k, int st, int dil, int pad, int out) {
      long long c = 0;  // (input, tap) pairs whose target lies in [0, out)
      for (int i = 0; i < in; ++i)
        for (int p = 0; p < k; ++p) {
          const int y = i * st + p * dil - pad;
          c += (y >= 0 && y < out);
        }
      return double(c);
    };
    return double(n) * hits(ih, kh, sh, dh, pad_top, oh) * hits(iw, kw, sw, dw, pad_left, ow) *
           cin * double(cout);
  }
};

// Naive reference. Every element of `out` is written (no pre-zeroing needed):
//   out[b,y,x,oc] = sum in[b,i,j,ic] * filt[p,q,oc,ic]
//   with y = i*sh + p*dh - pad_top, x = j*sw + q*dw - pad_left,
//   kept only when 0 <= y < oh and 0 <= x < ow.
// Accumulates in double so it can serve as the accuracy yardstick.
inline void naive_deconv(const deconv_shape& s, const float* in, const float* filt,
                         float* out) {
  for (int b = 0; b < s.n; ++b) {
    float* ob = out + std::size_t(b) * s.oh * s.ow * s.cout;
    for (int y = 0; y < s.oh; ++y) {
      for (int x = 0; x < s.ow; ++x) {
        for (int oc = 0; oc < s.cout; ++oc) {
          double acc = 0.0;
          // Gather form: for output row y, visit every (i, p) with
          // i*sh + p*dh - pad_top == y (likewise for columns).
          for (int p = 0; p < s.kh; ++p) {
            const int ty = y + s.pad_top - p * s.dh;
            if (ty < 0 || ty % s.sh != 0) continue;
            const int i = ty / s.sh;
            if (i >= s.ih) continue;
            for (int q = 0; q < s.kw; ++q) {
              const int tx = x + s.pad_left - q * s.dw;
              if (tx < 0 || tx % s.sw != 0) continue;
              const int j = tx / s.sw;
              if (j >= s.iw) continue;
              const float* px = in + ((std::size_t(b) * s.ih + i) * s.iw + j) * s.cin;
              const float* w = filt + ((std::size_t(p) * s.kw + q) * s.cout + oc) * s.cin;
              for (int ic = 0; ic < s.cin; ++ic) acc += double(px[ic]) * double(w[ic]);
            }
          }
          ob[(std::size_t(y) * s.ow + x) * s.cout + oc] = float(acc);
        }
      }
    }
  }
}

}  // namespace convt_perf
