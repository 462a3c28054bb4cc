// test/abi/parts.hpp: the entry points of test_abi_link's two parts (layer.hpp), the only
// symbols its main file names.
#pragma once

/// y = conv2d_transpose(x, w) into out (1600 floats); returns the kernel set that computed it.
const char* run_layer_avx2(const float* x, const float* w, float* out);
const char* run_layer_avx512(const float* x, const float* w, float* out);
