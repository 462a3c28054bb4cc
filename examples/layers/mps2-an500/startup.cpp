// examples/layers/mps2-an500/startup.cpp: the vector table and reset handler of the firmware on
// QEMU's mps2-an500 board (Cortex-M7), linked by link.ld with newlib's semihosting startup
// (--specs=rdimon.specs: rdimon-crt0's _start, which asks the debugger, here QEMU, for the stack
// and heap, zeroes .bss, runs the constructors, calls main and exits with its result).
#include <cstdint>

extern "C" {
void _start();          // rdimon-crt0
extern char __stack[];  // link.ld: the top of SRAM, the stack until _start sets its own
[[noreturn]] void reset_handler();
[[noreturn]] void fault_handler();
}

namespace {

/// One semihosting call (bkpt 0xab on M-profile): operation op, parameter arg.
inline void semihosting(std::uint32_t op, std::uintptr_t arg) {
  register std::uint32_t r0 asm("r0") = op;
  register std::uintptr_t r1 asm("r1") = arg;
  asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
}

struct vector_table {
  void* initial_stack;
  void (*handlers[15])();  // reset, then NMI, HardFault, ..., SysTick (no interrupt is enabled)
};

}  // namespace

/// Enables the FPU (CP10 and CP11 full access: CPACR, 0xE000ED88, bits 20-23) before anything
/// built with -mfloat-abi=hard runs, then newlib's startup. Nothing is copied to RAM: link.ld
/// links .data where QEMU's -kernel loads it.
void reset_handler() {
  *reinterpret_cast<volatile std::uint32_t*>(0xE000ED88) |= 0xFu << 20;
  asm volatile("dsb\n\tisb" ::: "memory");
  _start();
  for (;;) {
  }
}

/// Any exception other than reset: says so over semihosting and stops QEMU with exit status 1
/// (SYS_EXIT with ADP_Stopped_RunTimeErrorUnknown), so that a fault fails the test at once.
void fault_handler() {
  semihosting(0x04, reinterpret_cast<std::uintptr_t>("firmware: fault (an exception other than reset)\n"));  // SYS_WRITE0
  semihosting(0x18, 0x20023);  // SYS_EXIT
  for (;;) {
  }
}

// At address 0 (link.ld), where the Cortex-M7 reads its initial stack pointer and reset vector.
[[gnu::section(".vectors"), gnu::used]] const vector_table vectors = {
    __stack,
    {reset_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
     fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler, fault_handler,
     fault_handler},
};
