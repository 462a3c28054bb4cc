// expect: prepacked_filters<T, k_h, k_w, out_c, in_c, block_channels> requires block_channels from 0 (TensorFlow's layout) to out_c
// Misuse: asked for blocks of 16 output channels of filters that have 8.
#include <convt/convt.hpp>

convt::prepacked_filters<float, 3, 3, 8, 4, 16> packed;
