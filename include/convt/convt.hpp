// convt/convt.hpp (API): the whole library. TensorFlow's conv2d_transpose and
// atrous_conv2d_transpose, and the forward conv2d and atrous_conv2d, with every shape known at
// compile time.
#pragma once

#include "bias_add.hpp"
#include "conv2d.hpp"
#include "conv2d_transpose.hpp"
#include "data_format.hpp"
#include "elementwise.hpp"
#include "eval.hpp"
#include "output_shape.hpp"
#include "padding.hpp"
#include "prepacked.hpp"
#include "tensor.hpp"
#include "version.hpp"
#include "window.hpp"
