// perf/bench_without_avx512.cpp: convt's layers built without AVX-512 (-mno-avx512f, so xsimd
// takes AVX2 with FMA), in the same process as the AVX-512 build, for the table's "no AVX-512"
// column: a layer that AVX-512 makes slower shows as a ratio below 1. Built by perf/meson.build
// only where the compiler targets AVX-512.
#if defined(__AVX512F__)
#error "perf/bench_without_avx512.cpp must be built without AVX-512 (-mno-avx512f)"
#endif

#include <memory>
#include <string>

#include "layers.hpp"

namespace convt_perf {

void register_layers_without_avx512() {
  for_each_layer([]<layer_shape l>(const named_layer& layer) {
    auto data = std::make_shared<layer_data>(l);
    auto ours = std::make_shared<convt_layer<l>>();
    std::copy(data->input.begin(), data->input.end(), ours->x.begin());
    std::copy(data->filters.begin(), data->filters.end(), ours->w.begin());
    ours->run();
    check(layer.name, (std::string("convt ") + convt::kernels::simd_arch_name()).c_str(), ours->y.data(),
          data->reference);
    add(std::string(layer.name) + "/no_avx512", useful_flops(l), [ours] { ours->run(); });
  });
}

}  // namespace convt_perf
