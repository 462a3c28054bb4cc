#!/usr/bin/env python3
"""Compile one misuse-suite file and check that the compiler rejects it with the expected message.

Usage:
    run_misuse.py --source FILE --compiler CMD [ARGS...] -- [FLAGS...]

    --source FILE      the .cpp file; its first line is `// expect: TEXT`
    --compiler CMD...  the compiler command, possibly several words (e.g. `ccache g++`), up to `--`
    -- FLAGS...        extra compiler flags, typically `-I/path/to/include`
    --single-error     (optional, before --compiler) also fail when more than one error line is printed

A file about sizes also has a line `// numbers: CHECK NAME=VALUE ...` (VALUE an integer or a shape
`{1,4,8,8}`): the failing check is convt::checks::CHECK, and the compiler must print these values
of its last template parameters next to the error, so that the user sees the offending number and
the accepted ones. g++ prints them in `In instantiation of 'constexpr bool
convt::checks::CHECK() [with ...; int NAME = VALUE; ...]'`, clang++ in `in instantiation of
function template specialization 'convt::checks::CHECK<..., VALUE, ...>'` (without the names:
the values must be the last template arguments, in order).

The file is compiled with `CMD -std=c++20 -fsyntax-only FLAGS... FILE`.
  * `// expect: compiles`  passes when the compile succeeds (the positive control).
  * `// expect: TEXT`      passes when the compile fails AND TEXT occurs in an error line of the
                           compiler output, i.e. in the static_assert message itself (g++:
                           "error: static assertion failed: TEXT", clang++: "error: static_assert
                           failed due to requirement '...' "TEXT""), not merely in a source
                           excerpt or a note.
Prints the number of error lines (lines containing "error:") and the first one; on failure also
the full compiler output. Exit status: 0 pass, 1 fail, 2 usage error.

The helpers (read_expectation, compile_case, judge) are also used by report.py.
"""

import re
import subprocess
import sys

EXPECT_PREFIX = "// expect:"
NUMBERS_PREFIX = "// numbers:"
COMPILES = "compiles"
TIMEOUT_SECONDS = 300

# A diagnostic line of severity error, as g++ and clang++ print it:
#   file.hpp:12:5: error: ...      cc1plus: error: ...      clang: error: ...      fatal error: ...
ERROR_LINE = re.compile(r"(^|: )(fatal )?error: ")


def read_expectation(path):
    """The text after `// expect:` on the first line of `path`."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    if not first.startswith(EXPECT_PREFIX):
        raise ValueError(f"{path}: first line must be '{EXPECT_PREFIX} <text>', found {first!r}")
    text = first[len(EXPECT_PREFIX):].strip()
    if not text:
        raise ValueError(f"{path}: empty expectation")
    return text


def read_numbers(path):
    """(check, [(name, value), ...]) from the `// numbers:` line of `path`, or None."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(NUMBERS_PREFIX):
                words = line[len(NUMBERS_PREFIX):].split()
                if len(words) < 2 or not all(re.fullmatch(r"\w+=(-?\d+|\{-?\d+(,-?\d+)*\})", w) for w in words[1:]):
                    raise ValueError(f"{path}: malformed numbers line {line.strip()!r}")
                return words[0], [tuple(w.split("=", 1)) for w in words[1:]]
    return None


def split_template_arguments(text):
    """Top-level comma-separated arguments of a template argument list (braces and <> nest)."""
    args, depth, current = [], 0, ""
    for ch in text:
        if ch in "<{(":
            depth += 1
        elif ch in ">})":
            depth -= 1
        if ch == "," and depth == 0:
            args.append(current.strip())
            current = ""
        else:
            current += ch
    args.append(current.strip())
    return args


def numbers_shown(numbers, output):
    """Whether the compiler output shows every value of `numbers`; returns (ok, what is missing)."""
    check, values = numbers
    gcc = re.search(r"In instantiation of .constexpr bool convt::checks::" + check + r"\(\) \[with (.*)\]", output)
    clang = re.search(r"in instantiation of function template specialization 'convt::checks::" + check + r"<(.*)>'",
                      output)
    if gcc:
        bindings = gcc.group(1)
        missing = [f"{name} = {value}" for name, value in values
                   if not re.search(r"\b" + name + r" = " + (
                       r"[^;]*" + re.escape("{" + value.strip("{}").replace(",", ", ") + "}") if value.startswith("{")
                       else re.escape(value) + r"(;|$)"), bindings)]
        return not missing, ", ".join(missing)
    if clang:
        shown = [a.replace(" ", "") for a in split_template_arguments(clang.group(1))][-len(values):]
        wanted = ["{" + v + "}" if v.startswith("{") else v for _, v in values]  # clang: {{1, 4, 8, 8}}
        return shown == wanted, "" if shown == wanted else f"last template arguments {shown}, expected {wanted}"
    return False, f"no instantiation of convt::checks::{check} in the output"


def compile_case(compiler, flags, source):
    """Runs the compiler; returns (return code, combined stdout and stderr)."""
    command = list(compiler) + ["-std=c++20", "-fsyntax-only", "-fdiagnostics-color=never"] + list(flags) + [source]
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              errors="replace", timeout=TIMEOUT_SECONDS)
    except FileNotFoundError as e:
        return 127, f"cannot run {command[0]!r}: {e}"
    except subprocess.TimeoutExpired:
        return 124, f"compiler timed out after {TIMEOUT_SECONDS} s"
    return done.returncode, done.stdout


def error_lines(output):
    return [line for line in output.splitlines() if ERROR_LINE.search(line)]


def judge(expectation, returncode, output, single_error=False, numbers=None):
    """Returns (passed, found, errors, reason): found is whether the expectation was met by the text
    (and, when `numbers` is given, the numbers are shown)."""
    errors = error_lines(output)
    if expectation == COMPILES:
        found = returncode == 0
        return found, found, errors, "compiled" if found else "the positive control did not compile"
    if returncode == 0:
        return False, False, errors, "compiled, but a rejection was expected"
    if returncode in (124, 127):
        return False, False, errors, "the compiler did not run to completion"
    found = any(expectation in line for line in errors)
    if not found:
        return False, False, errors, "rejected, but the expected message is not in any error line"
    if numbers is not None:
        shown, missing = numbers_shown(numbers, output)
        if not shown:
            return False, False, errors, f"rejected with the expected message, but the numbers are not shown: {missing}"
    reason = "rejected with the expected message" + (" and numbers" if numbers is not None else "")
    if single_error and len(errors) != 1:
        return False, True, errors, f"{reason}, but with {len(errors)} error lines"
    return True, True, errors, reason


def parse_arguments(argv):
    source, compiler, flags, single_error = None, [], [], False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--source" and i + 1 < len(argv):
            source = argv[i + 1]
            i += 2
        elif arg == "--single-error":
            single_error = True
            i += 1
        elif arg == "--compiler":
            i += 1
            while i < len(argv) and argv[i] != "--":
                compiler.append(argv[i])
                i += 1
            flags = argv[i + 1:]
            break
        else:
            raise ValueError(f"unexpected argument {arg!r}")
    if source is None or not compiler:
        raise ValueError("--source FILE and --compiler CMD are required")
    return source, compiler, flags, single_error


def main(argv):
    try:
        source, compiler, flags, single_error = parse_arguments(argv)
        expectation = read_expectation(source)
        numbers = read_numbers(source)
    except (ValueError, OSError) as e:
        print(f"run_misuse.py: {e}\n{__doc__}", file=sys.stderr)
        return 2
    returncode, output = compile_case(compiler, flags, source)
    passed, _, errors, reason = judge(expectation, returncode, output, single_error, numbers)
    print(f"source:      {source}")
    print(f"compiler:    {' '.join(compiler)}")
    print(f"expect:      {expectation}")
    print(f"exit status: {returncode}")
    if numbers is not None:
        print(f"numbers:     {numbers[0]} " + " ".join(f"{n}={v}" for n, v in numbers[1]))
    print(f"error lines: {len(errors)}")
    if errors:
        print(f"first error: {errors[0]}")
    print(f"{'PASS' if passed else 'FAIL'}: {reason}")
    if not passed:
        print("---- full compiler output ----")
        print(output, end="" if output.endswith("\n") else "\n")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
