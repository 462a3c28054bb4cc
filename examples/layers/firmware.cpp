// examples/layers/firmware.cpp: the three example layers chained in one program. On Cortex-M7 it
// is the firmware image (built and linked with newlib, not run); on hosted targets it runs and
// prints a checksum. Buffers are static: nothing is allocated, and the filters could be const
// data in flash.
#include <cstdio>

#include "layers.hpp"

namespace {

float buffer_a[1 * 32 * 32 * 3];
float buffer_b[1 * 32 * 32 * 3];
float filters[4 * 4 * 3 * 8 > 3 * 3 * 8 * 16 ? 4 * 4 * 3 * 8 : 3 * 3 * 8 * 16];

void fill(float* values, int count, float scale) {
  for (int i = 0; i < count; ++i) values[i] = scale * float((i * 37) % 17 - 8);
}

}  // namespace

int main() {
  fill(buffer_a, layers::upsample_2x_sizes[0], 0.125f);
  fill(filters, layers::upsample_2x_sizes[1], 0.0625f);
  layers::upsample_2x(buffer_a, filters, buffer_b);  // [1, 16, 16, 8]
  fill(filters, layers::to_rgb_sizes[1], 0.0625f);
  layers::to_rgb(buffer_b, filters, buffer_a);       // [1, 32, 32, 3]
  fill(filters, layers::atrous_rate_2_sizes[1], 0.0625f);
  layers::atrous_rate_2(buffer_a, filters, buffer_b);  // the first 12*12*8 values as [1, 12, 12, 8]
  float checksum = 0;
  for (int i = 0; i < layers::atrous_rate_2_sizes[2]; ++i) checksum += buffer_b[i];
  std::printf("checksum %g\n", double(checksum));
  return 0;
}
