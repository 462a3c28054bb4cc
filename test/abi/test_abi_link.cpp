// Files built for different instruction sets link safely (abi.hpp): an AVX2 file and an
// (emulated) AVX-512 file instantiate the same convt templates with the same arguments, and each
// must run its own kernels. Without the instruction set in the symbols, the linker keeps one
// instantiation for both and one of the two names below, and its values, are the other's.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

#include "../reference.hpp"
#include "parts.hpp"

int main() {
  reference::problem p{1, 5, 5, 32, 10, 10, 16, 3, 3, 2, 2, 1, 1, reference::padding::same};
  const std::vector<float> x = reference::random_values<float>(p.input_size(), 11);
  const std::vector<float> w = reference::random_values<float>(p.filter_size(), 12);
  const reference::result want = reference::conv2d_transpose(p, x, w);
  // Each element within n * eps * sum|terms| of the reference, n its own number of terms (bounds.hpp).
  const double eps = std::numeric_limits<float>::epsilon();

  int failed = 0;
  const auto check = [&](const char* part, const char* (*run)(const float*, const float*, float*), const char* arch) {
    std::vector<float> y(p.output_size());
    const char* ran = run(x.data(), w.data(), y.data());
    if (std::strcmp(ran, arch) != 0) {
      std::printf("%s part ran the %s kernels, want %s\n", part, ran, arch);
      ++failed;
    }
    int wrong = 0;
    for (std::size_t e = 0; e < y.size(); ++e)
      if (!(std::abs(y[e] - want.value[e]) <= double(want.terms[e]) * eps * want.magnitude[e])) ++wrong;
    if (wrong != 0) {
      std::printf("%s part: %d of %zu elements outside the bound\n", part, wrong, y.size());
      ++failed;
    }
    std::printf("%s part: %s kernels, %zu elements checked\n", part, ran, y.size());
  };
  check("AVX2", run_layer_avx2, "fma3+avx2");
  check("AVX-512", run_layer_avx512, "avx512bw");
  std::printf("abi link: %d failed\n", failed);
  return failed == 0 ? 0 : 1;
}
