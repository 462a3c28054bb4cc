# Sourced by test/run: the configurations and steps of the embedded and packaging targets.
#
# aarch64 Linux with NEON, cross-compiled and run under qemu-aarch64 (the cross file's
# exe_wrapper): the Boost.Test programs and test_embedded (no misuse suite: it depends on the
# compiler only). test_embedded checks that the kernels are xsimd's neon64 ("arm64+neon").
# Cortex-M7 bare metal: builds and links the example firmware with the scalar kernel, no
# exceptions, no RTTI, checks each layer's code and stack size (examples/layers/code_size.py), and
# runs the firmware on QEMU's mps2-an500 board (qemu-system-arm, semihosting), where it checks
# every layer's output against the reference's values (firmware_qemu; it prints "kernels: scalar").
CONFIGS+=(
  "gcc-aarch64|g++|--cross-file cross/aarch64-linux-gnu.ini -Dmisuse=disabled -Doptimization=1 -Drelease_sweep_seed=15||qemu-aarch64"
  "cortex-m7|g++|--cross-file cross/cortex-m7.ini||qemu-system-arm"
)
# name | command whose last output line ends with "N passed, N failed"
STEPS+=(
  "consumers|test/consumers/run"
)
