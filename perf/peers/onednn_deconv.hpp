// oneDNN (DNNL 2.6) peer for the conv2d_transpose benchmarks.
//
// src/dst are plain NHWC memory wrapping the caller's buffers; the weights are
// reordered once, in the constructor, into whatever blocked layout the chosen
// implementation prefers (format_tag::any), so run() is a bare execute.
//
// Threading / link flags
// ----------------------
// Debian's libdnnl 2.6.3 is built with DNNL_CPU_RUNTIME == DNNL_RUNTIME_OMP and
// links libgomp (see `ldd /usr/lib/x86_64-linux-gnu/libdnnl.so.2`). oneDNN sizes
// its parallel regions with omp_get_max_threads(), so one core is enforced by
// setting the calling thread's OpenMP thread count to 1 before the primitive
// is created and before each execute:
//   * built with -fopenmp (_OPENMP defined): omp_set_num_threads(1) directly;
//   * otherwise: omp_set_num_threads is looked up with dlsym in the OpenMP
//     runtime libdnnl already loaded, so only `-ldnnl` is needed on the link
//     line (plus -ldl on glibc < 2.34, where dlsym is not yet in libc).
// Exporting OMP_NUM_THREADS=1 as well is harmless and keeps libgomp from
// starting idle worker threads at all.
#pragma once

#include <oneapi/dnnl/dnnl.hpp>

#include <stdexcept>
#include <string>
#include <unordered_map>

#include "deconv_shape.hpp"

#if DNNL_CPU_THREADING_RUNTIME == DNNL_RUNTIME_OMP
#if defined(_OPENMP)
#include <omp.h>
#else
#include <dlfcn.h>
#endif
#endif

namespace convt_perf {

namespace detail {
// Returns true when oneDNN is known to run on a single thread afterwards.
inline bool onednn_limit_to_one_thread() {
#if DNNL_CPU_THREADING_RUNTIME == DNNL_RUNTIME_OMP
#if defined(_OPENMP)
  omp_set_num_threads(1);
  return true;
#else
  using set_fn = void (*)(int);
  // Resolved once; libgomp (or libomp) is a load-time dependency of libdnnl.
  static const set_fn set_threads =
      reinterpret_cast<set_fn>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
  if (set_threads) set_threads(1);
  return set_threads != nullptr;
#endif
#elif DNNL_CPU_THREADING_RUNTIME == DNNL_RUNTIME_SEQ
  return true;
#else
  return false;  // TBB/threadpool builds: caller must restrict the runtime.
#endif
}
}  // namespace detail

class onednn_deconv {
 public:
  onednn_deconv(const deconv_shape& s, const float* filters_tf)
      : eng_(dnnl::engine::kind::cpu, 0), strm_(eng_) {
    using dnnl::memory;
    using tag = memory::format_tag;
    const auto f32 = memory::data_type::f32;

    if (s.pad_top < 0 || s.pad_left < 0)
      throw std::invalid_argument("onednn_deconv: negative leading padding");
    // Must precede primitive creation: oneDNN picks its blocking/work split
    // from the thread count visible at that point.
    detail::onednn_limit_to_one_thread();

    const memory::desc src_md({s.n, s.cin, s.ih, s.iw}, f32, tag::nhwc);
    const memory::desc dst_md({s.n, s.cout, s.oh, s.ow}, f32, tag::nhwc);
    const memory::desc any_w_md({s.cout, s.cin, s.kh, s.kw}, f32, tag::any);

    // oneDNN dilation counts the gaps (0 = dense); a negative right/bottom
    // pad means the output extends past the full result (zeros there).
    const dnnl::deconvolution_forward::desc d(
        dnnl::prop_kind::forward_inference, dnnl::algorithm::deconvolution_direct, src_md,
        any_w_md, dst_md, {s.sh, s.sw}, {s.dh - 1, s.dw - 1}, {s.pad_top, s.pad_left},
        {s.pad_bottom(), s.pad_right()});

    // User-managed scratchpad: allocated here once so execute() never allocates.
    dnnl::primitive_attr attr;
    attr.set_scratchpad_mode(dnnl::scratchpad_mode::user);
    const dnnl::deconvolution_forward::primitive_desc pd(d, attr, eng_);
    impl_ = pd.impl_info_str();
    prim_ = dnnl::deconvolution_forward(pd);

    // TF filter [kh, kw, cout, cin] seen as oneDNN's logical [O, I, H, W]
    // through explicit strides, then reordered into the preferred layout.
    const memory::desc tf_w_md({s.cout, s.cin, s.kh, s.kw}, f32,
                               memory::dims{s.cin, 1, s.kw * s.cout * s.cin, s.cout * s.cin});
    memory tf_w(tf_w_md, eng_, const_cast<float*>(filters_tf));
    weights_ = memory(pd.weights_desc(), eng_);  // library-allocated
    dnnl::reorder(tf_w, weights_).execute(strm_, tf_w, weights_);
    strm_.wait();

    src_ = memory(pd.src_desc(), eng_, DNNL_MEMORY_NONE);
    dst_ = memory(pd.dst_desc(), eng_, DNNL_MEMORY_NONE);
    scratch_ = memory(pd.scratchpad_desc(), eng_);
    args_ = {{DNNL_ARG_SRC, src_},
             {DNNL_ARG_WEIGHTS, weights_},
             {DNNL_ARG_DST, dst_},
             {DNNL_ARG_SCRATCHPAD, scratch_}};
  }

  void run(const float* in_nhwc, float* out_nhwc) {
    // Re-pointing plain NHWC memory is a pointer store; skip it when unchanged.
    if (in_nhwc != last_in_) {
      src_.set_data_handle(const_cast<float*>(in_nhwc));
      last_in_ = in_nhwc;
    }
    if (out_nhwc != last_out_) {
      dst_.set_data_handle(out_nhwc);
      last_out_ = out_nhwc;
    }
    // Cheap (thread-local ICV store); keeps run() single threaded even if it
    // is called from a different thread than the constructor.
    detail::onednn_limit_to_one_thread();
    prim_.execute(strm_, args_);
    strm_.wait();
  }

  // Implementation oneDNN selected, e.g. "jit_deconvolution:avx2".
  const std::string& impl() const { return impl_; }

 private:
  dnnl::engine eng_;
  dnnl::stream strm_;
  dnnl::deconvolution_forward prim_;
  dnnl::memory weights_, src_, dst_, scratch_;
  std::unordered_map<int, dnnl::memory> args_;
  const float* last_in_ = nullptr;
  float* last_out_ = nullptr;
  std::string impl_;
};

}  // namespace convt_perf
