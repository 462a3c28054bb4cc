// XNNPACK (Debian git snapshot 2022-02-16) peer for the conv2d_transpose
// benchmarks, using the operator API (not the subgraph API).
//
// The filter is transposed from TF's [kh, kw, cout, cin] to XNNPACK's
// [cout, kh, kw, cin] and handed to xnn_create_deconvolution2d_nhwc_f32,
// which packs it into its own layout; our copy is dropped afterwards.
// run() calls xnn_setup_* only when the buffers change, so a benchmark loop
// with fixed buffers measures just xnn_run_operator.
//
// Threading: a null pthreadpool makes XNNPACK run on the calling thread.
// Link: -lXNNPACK only. <xnnpack.h> includes <pthreadpool.h>
// (libpthreadpool-dev) for the pthreadpool_t type, but no pthreadpool symbol
// is referenced, so -lpthreadpool is not needed (libXNNPACK.so pulls in
// libpthreadpool/libcpuinfo itself at load time).
#pragma once

#include <xnnpack.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "deconv_shape.hpp"

namespace convt_perf {

namespace detail {
inline void xnn_check(xnn_status st, const char* what) {
  if (st != xnn_status_success)
    throw std::runtime_error(std::string("xnnpack_deconv: ") + what + " failed, status " +
                             std::to_string(int(st)));
}

// xnn_initialize must precede any operator creation; do it once per process
// (never deinitialized: the library lives until exit).
inline void xnn_init_once() {
  static const xnn_status st = xnn_initialize(nullptr);
  xnn_check(st, "xnn_initialize");
}
}  // namespace detail

class xnnpack_deconv {
 public:
  xnnpack_deconv(const deconv_shape& s, const float* filters_tf) : s_(s) {
    detail::xnn_init_once();
    if (s.pad_top < 0 || s.pad_left < 0)
      throw std::invalid_argument("xnnpack_deconv: negative leading padding");

    // XNNPACK output extent: (i-1)*s + (k-1)*d + 1 - pad_before - pad_after + adjustment,
    // with 0 <= adjustment < stride. A non-negative trailing crop maps to
    // padding; an output larger than the full result (TF VALID with k < s)
    // maps to an adjustment instead.
    const int pb = s.pad_bottom(), pr = s.pad_right();
    adj_h_ = pb < 0 ? uint32_t(-pb) : 0;
    adj_w_ = pr < 0 ? uint32_t(-pr) : 0;
    if (adj_h_ >= uint32_t(s.sh) || adj_w_ >= uint32_t(s.sw))
      throw std::invalid_argument("xnnpack_deconv: output too large for stride (adjustment)");

    // [kh, kw, cout, cin] -> [cout, kh, kw, cin]; the cin run stays contiguous.
    const std::size_t cin = std::size_t(s.cin);
    std::vector<float> w(s.filter_size());
    for (int p = 0; p < s.kh; ++p)
      for (int q = 0; q < s.kw; ++q)
        for (int oc = 0; oc < s.cout; ++oc) {
          const float* src = filters_tf + ((std::size_t(p) * s.kw + q) * s.cout + oc) * cin;
          float* dst = w.data() + ((std::size_t(oc) * s.kh + p) * s.kw + q) * cin;
          for (std::size_t ic = 0; ic < cin; ++ic) dst[ic] = src[ic];
        }

    // +-inf bounds = no activation clamp; null bias = zeros.
    detail::xnn_check(
        xnn_create_deconvolution2d_nhwc_f32(
            uint32_t(s.pad_top), uint32_t(pr < 0 ? 0 : pr), uint32_t(pb < 0 ? 0 : pb),
            uint32_t(s.pad_left), uint32_t(s.kh), uint32_t(s.kw), uint32_t(s.sh),
            uint32_t(s.sw), uint32_t(s.dh), uint32_t(s.dw), /*groups=*/1,
            /*group_input_channels=*/cin, /*group_output_channels=*/std::size_t(s.cout),
            /*input_pixel_stride=*/cin, /*output_pixel_stride=*/std::size_t(s.cout),
            w.data(), /*bias=*/nullptr, -INFINITY, INFINITY, /*flags=*/0, &op_),
        "xnn_create_deconvolution2d_nhwc_f32");
  }

  ~xnnpack_deconv() {
    if (op_) xnn_delete_operator(op_);
  }
  xnnpack_deconv(const xnnpack_deconv&) = delete;
  xnnpack_deconv& operator=(const xnnpack_deconv&) = delete;

  void run(const float* in_nhwc, float* out_nhwc) {
    // Setup builds the indirection buffer for these pointers; redo it only
    // when they change so the timed path is the compute alone.
    if (in_nhwc != last_in_ || out_nhwc != last_out_) {
      detail::xnn_check(
          xnn_setup_deconvolution2d_nhwc_f32(op_, std::size_t(s_.n), std::size_t(s_.ih),
                                             std::size_t(s_.iw), adj_h_, adj_w_, in_nhwc,
                                             out_nhwc, /*threadpool=*/nullptr),
          "xnn_setup_deconvolution2d_nhwc_f32");
      last_in_ = in_nhwc;
      last_out_ = out_nhwc;
    }
    detail::xnn_check(xnn_run_operator(op_, /*threadpool=*/nullptr), "xnn_run_operator");
  }

 private:
  deconv_shape s_;
  xnn_operator_t op_ = nullptr;
  uint32_t adj_h_ = 0, adj_w_ = 0;
  const float* last_in_ = nullptr;
  float* last_out_ = nullptr;
};

}  // namespace convt_perf
