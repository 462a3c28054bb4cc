#!/usr/bin/env python3
"""Runs a program that must abort (SIGABRT, or the exit code 134 of a shell or wrapper reporting
it) with TEXT on its standard error, as a failed assert prints it. Any other outcome fails:
a clean exit, another signal (a segfault), or an abort without TEXT.

Usage: test/expect_abort.py TEXT PROGRAM [ARGUMENTS...]
"""
import os
import shlex
import signal
import subprocess
import sys

text, command = sys.argv[1], sys.argv[2:]
# Meson passes a cross build's runner (qemu-aarch64) here rather than wrapping a script's arguments.
command = shlex.split(os.environ.get("MESON_EXE_WRAPPER", "")) + command
run = subprocess.run(command, capture_output=True, text=True)
sys.stdout.write(run.stdout)
sys.stderr.write(run.stderr)
aborted = run.returncode in (-signal.SIGABRT, 128 + signal.SIGABRT)
if not aborted:
    print("FAIL: expected an abort (SIGABRT), got exit status %d" % run.returncode)
    sys.exit(1)
if text not in run.stderr:
    print("FAIL: aborted, but the standard error lacks the assert's text: %r" % text)
    sys.exit(1)
print("aborted with the expected message")
