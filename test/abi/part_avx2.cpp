// test/abi/part_avx2.cpp: the layer built for AVX2 (-march=haswell).
#include "layer.hpp"

const char* run_layer_avx2(const float* x, const float* w, float* out) { return run_layer(x, w, out); }
