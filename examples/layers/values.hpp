// examples/layers/values.hpp: the inputs and filters the firmware (firmware.cpp) runs each layer
// on, and from which expected.cpp computes, on the build machine and with the independent
// reference (test/reference.hpp), what each layer must give. Both sides compute them from this
// integer formula, so they are the same numbers on every target without a table.
#pragma once

namespace layers::values {

/// Element i of the tensor with the given salt: (k - 11) / 16 with k = (37 i + salt) mod 23, so
/// one of the 23 multiples of 1/16 in [-11/16, 11/16], exact in float (and in double).
constexpr float value(int i, int salt) noexcept { return float((i * 37 + salt) % 23 - 11) / 16.0f; }

/// The salts of each layer's input and filters (one pattern per tensor).
inline constexpr int upsample_2x_salts[2] = {11, 3};
inline constexpr int to_rgb_salts[2] = {5, 17};
inline constexpr int atrous_rate_2_salts[2] = {7, 13};

}  // namespace layers::values
