// test/abi/part_avx512.cpp: the layer built for AVX-512, emulated through SIMDe
// (-include test/emulation/avx512_on_simde.hpp).
#include "layer.hpp"

const char* run_layer_avx512(const float* x, const float* w, float* out) { return run_layer(x, w, out); }
