// A tensor_view over a pointer that is not aligned to alignof(T) (here a float at an odd byte
// address, which C++ does not allow to point at a float) is rejected by the assert in
// tensor_view's constructor: this program must abort (meson: should_fail). It aborts before any
// element is read, so the failure is the check's, not a crash of the kernels.
#undef NDEBUG  // the check is an assert: keep it on whatever the build type
#include <convt/convt.hpp>

#include <cstdio>

int main() {
  alignas(16) static unsigned char memory[64 * sizeof(float) + 1];
  float* odd = reinterpret_cast<float*>(memory + 1);
  convt::tensor_view<float, 1, 4, 4, 4> view{odd};
  std::puts("not rejected: tensor_view accepted a float pointer at an odd byte address");
  return view.size() == 64 ? 0 : 2;
}
