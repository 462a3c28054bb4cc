#!/usr/bin/env python3
"""Runs the whole misuse suite under several compilers and prints a markdown table.

Usage:
    report.py [--jobs N] [--include DIR] [--] [COMPILER ...]

    COMPILER    a compiler command, quoted if it has several words ("ccache g++");
                default: g++ clang++
    --include   convt's include directory; default: ../../include next to this script
    --jobs      compiles run in parallel; default 2

Every *.cpp file next to this script is compiled as run_misuse.py does it
(`-std=c++20 -fsyntax-only -I<include>`). The table has one row per file: whether the expectation
was met under every compiler (for control_compiles.cpp: whether it compiled; for the others:
whether the compile failed with the expected static_assert message in an error line), and the
number of error lines each compiler printed (1 means no cascade). Files whose row is not
"yes" with 1 error line under every compiler are listed again after the table.
Exit status: 0 when every expectation was met, 1 otherwise.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import run_misuse  # noqa: E402  (the same compile and judgement as the meson tests)


def listed_in_meson(names):
    """Names of .cpp files that test/misuse/meson.build does not list (to keep the two in step)."""
    try:
        with open(os.path.join(HERE, "meson.build"), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    listed = set(re.findall(r"'([A-Za-z0-9_]+)'", text))
    return [n for n in names if n not in listed]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--include", default=os.path.normpath(os.path.join(HERE, "..", "..", "include")))
    parser.add_argument("compilers", nargs="*", default=["g++", "clang++"])
    args = parser.parse_args(argv)

    compilers = [shlex.split(c) for c in args.compilers]
    labels = [" ".join(c) for c in compilers]
    flags = ["-I" + args.include]
    names = sorted(f[:-4] for f in os.listdir(HERE) if f.endswith(".cpp"))
    # The positive control first, then the misuse files in alphabetical order.
    names.sort(key=lambda n: (n != "control_compiles", n))
    expectations = {n: run_misuse.read_expectation(os.path.join(HERE, n + ".cpp")) for n in names}
    numbers = {n: run_misuse.read_numbers(os.path.join(HERE, n + ".cpp")) for n in names}

    def run(name, compiler):
        source = os.path.join(HERE, name + ".cpp")
        returncode, output = run_misuse.compile_case(compiler, flags, source)
        return run_misuse.judge(expectations[name], returncode, output, numbers=numbers[name])

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {(n, i): pool.submit(run, n, c) for n in names for i, c in enumerate(compilers)}
        results = {key: f.result() for key, f in futures.items()}

    header = ["file", "expected message (and numbers) found", "numbers"] + [f"error lines ({label})" for label in labels]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    all_met, remarks = True, []
    for name in names:
        met = all(results[(name, i)][1] for i in range(len(compilers)))
        all_met &= met
        counts = [len(results[(name, i)][2]) for i in range(len(compilers))]
        found = ("yes (compiles)" if met else "no (does not compile)") if name == "control_compiles" else (
            "yes" if met else "no")
        shown = " ".join(f"{n}={v}" for n, v in numbers[name][1]) if numbers[name] else ""
        print(f"| {name}.cpp | {found} | {shown} | " + " | ".join(str(c) for c in counts) + " |")
        expected_count = 0 if name == "control_compiles" else 1
        for i, label in enumerate(labels):
            _, ok, errors, reason = results[(name, i)]
            if not ok or len(errors) != expected_count:
                first = errors[0] if errors else "(no error line)"
                remarks.append(f"- {name}.cpp, {label}: {reason}; {len(errors)} error lines; first: {first}")
    print()
    print(f"{len(names)} files, {len(labels)} compilers: " + (
        "every expectation met." if all_met else "SOME EXPECTATIONS NOT MET."))
    if remarks:
        print("\nNot a single expected error:")
        print("\n".join(remarks))
    unlisted = listed_in_meson(names)
    if unlisted:
        print("\nNot listed in meson.build: " + ", ".join(n + ".cpp" for n in unlisted))
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
