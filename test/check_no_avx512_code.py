#!/usr/bin/env python3
"""Fails if any test program in a directory holds AVX-512 code.

The emulated AVX-512 configuration (-Darch=avx512_emulated) must run xsimd's AVX-512 kernels as
AVX2 code through SIMDe; a zmm or mask register, or an EVEX-only form, in its binaries would mean
that some of it runs real AVX-512 instructions (and that the configuration tests nothing on a CPU
without them). Usage: check_no_avx512_code.py BUILD_DIR [OBJDUMP]
"""
import os
import re
import subprocess
import sys

# objdump's AT&T syntax: zmm registers, mask registers %k0-%k7 as operands, the upper 16 xmm/ymm
# registers (EVEX only), embedded broadcasts {1toN}, masking {%kN} and explicit {evex} prefixes.
AVX512 = re.compile(r"%zmm\d|%k[0-7]\b|%[xy]mm(1[6-9]|2\d|3[01])\b|\{1to\d+\}|\{%k[0-7]\}|\{evex\}")


def programs(build_dir):
    for root, _, files in os.walk(build_dir):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.startswith("test_") and os.access(path, os.X_OK) and not name.endswith((".py", ".p")):
                with open(path, "rb") as f:
                    if f.read(4) == b"\x7fELF":
                        yield path


def main():
    build_dir = sys.argv[1]
    objdump = sys.argv[2] if len(sys.argv) > 2 else "objdump"
    checked = failed = 0
    for path in programs(build_dir):
        listing = subprocess.run([objdump, "-d", "--no-show-raw-insn", path], check=True, capture_output=True,
                                 text=True).stdout
        hits = [line.strip() for line in listing.splitlines() if AVX512.search(line)]
        checked += 1
        if hits:
            failed += 1
            print(f"{os.path.relpath(path, build_dir)}: {len(hits)} AVX-512 instructions, e.g. {hits[0]}")
        else:
            print(f"{os.path.relpath(path, build_dir)}: no AVX-512 instructions")
    print(f"{checked} programs checked, {failed} with AVX-512 code")
    sys.exit(0 if checked > 0 and failed == 0 else 1)


if __name__ == "__main__":
    main()
