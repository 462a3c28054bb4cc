#!/usr/bin/env python3
"""Generates the differential sweep: seeded random configurations of conv2d_transpose and
atrous_conv2d_transpose, each checked against the independent reference (case_runner.hpp).

Usage:
    generate_sweep.py --seed S --count N --parts K --outdir DIR [--list]

Writes DIR/sweep_part_0.cpp .. DIR/sweep_part_{K-1}.cpp (--prefix P: P_0.cpp ..), the N
configurations dealt round-robin over the K files so that they compile in parallel
(boost_test_main.cpp holds Boost.Test's main). The output depends on the arguments only
(random.Random(S)), so a failing configuration is reproduced by its name and the seed.
--list prints the configurations and a coverage summary instead.

Ranges: kernel 1-11, stride 1-4, dilation 1-3, SAME/VALID/EXPLICIT, NHWC/NCHW, batch 1-3,
channels 1-40 (biased to the SIMD widths 4, 8 and 16 and their neighbours), float and double,
every spelling of strides/dilations (1, 2 or 4 values), both ops. Only calls the library accepts
are generated: output sizes come from the accepted ranges of SEMANTICS.md section 1. A quarter of
the configurations run on non-negative data (input and filters in [0, 1)), where |y| is close to
sum|terms| and small relative errors stand out; that choice comes from a stream of its own, so the
configurations are those of a sweep without it.

To add an op or an expression: append its name to OPS and teach emit_case() to spell it; every
configuration picks one entry of OPS.
"""

import argparse
import os
import random

# One entry per way of calling the library. The expression nodes join this list when they exist.
# "expression" is conv2d_transpose as relu(bias_add(conv2d_transpose(relu(x), w, ...), b)): an
# element-wise node on the input side, the bias folded into the kernel's sums and relu in its store
# (cases::check_expression_against_reference).
OPS = ["conv2d_transpose", "atrous_conv2d_transpose", "expression"]
OP_WEIGHTS = [3, 1, 1]

TYPES = ["float", "double"]
# The SIMD widths in elements are 2 (SSE2 double), 4, 8 and 16 (AVX-512 float): their neighbours
# exercise full vectors, tails of one element and vectors with one element missing.
BOUNDARY_CHANNELS = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 39, 40]


def channels(rng):
    return rng.choice(BOUNDARY_CHANNELS) if rng.random() < 0.75 else rng.randint(1, 40)


def accepted_range(pad, I, k, s, d):
    """The accepted output sizes (first, last) for SAME and VALID (SEMANTICS.md section 1)."""
    e = (k - 1) * d + 1
    if pad == "same":
        return (I - 1) * s + 1, I * s
    return (I - 1) * s + e, (I - 1) * s + e + s - 1


def axis(rng, pad, I, k, s, d):
    """(O, pad_before, pad_after) for one spatial dimension."""
    if pad != "explicit":
        return rng.randint(*accepted_range(pad, I, k, s, d)), 0, 0
    # EXPLICIT: (O + pb + pa - e + s) / s == I, that is O + pb + pa in the VALID range; O >= 1.
    first, last = accepted_range("valid", I, k, s, d)
    while True:
        total = rng.randint(first, last)
        pb, pa = rng.randint(0, k + 1), rng.randint(0, k + 1)
        if total - pb - pa >= 1:
            return total - pb - pa, pb, pa


def configuration(rng):
    c = {"op": rng.choices(OPS, OP_WEIGHTS)[0], "type": rng.choice(TYPES), "n": rng.randint(1, 3),
         "ic": channels(rng), "oc": channels(rng), "kh": rng.randint(1, 11), "kw": rng.randint(1, 11)}
    # Mostly small images; some of at least 8x8, where raw filters are packed for the broadcast tile.
    big = rng.random() < 0.2
    c["ih"], c["iw"] = (rng.randint(8, 10), rng.randint(8, 10)) if big else (rng.randint(1, 7), rng.randint(1, 7))
    if c["op"] == "atrous_conv2d_transpose":
        # NHWC, strides 1, dilations = rate, SAME or VALID (SEMANTICS.md section 5).
        rate = rng.randint(1, 3)
        c.update(sh=1, sw=1, dh=rate, dw=rate, pad=rng.choice(["same", "valid"]), nchw=False, form=2)
    else:
        c["form"] = rng.choice([1, 2, 4])
        c["sh"], c["dh"] = rng.randint(1, 4), rng.randint(1, 3)
        c["sw"], c["dw"] = (c["sh"], c["dh"]) if c["form"] == 1 else (rng.randint(1, 4), rng.randint(1, 3))
        c["pad"] = rng.choice(["same", "valid", "explicit"])
        c["nchw"] = rng.random() < 0.3
    c["oh"], c["pt"], c["pb"] = axis(rng, c["pad"], c["ih"], c["kh"], c["sh"], c["dh"])
    c["ow"], c["pl"], c["pr"] = axis(rng, c["pad"], c["iw"], c["kw"], c["sw"], c["dw"])
    if c["op"] == "atrous_conv2d_transpose":
        # atrous SAME requires O == I, VALID O == I + (k-1)*rate: the first of each range.
        c["oh"] = accepted_range(c["pad"], c["ih"], c["kh"], 1, c["dh"])[0]
        c["ow"] = accepted_range(c["pad"], c["iw"], c["kw"], 1, c["dw"])[0]
    return c


def spec_text(c):
    fields = [f".{f} = {c[f]}" for f in ("n", "ih", "iw", "ic", "oh", "ow", "oc", "kh", "kw", "sh", "sw", "dh", "dw")]
    fields.append(".pad = padding::" + {"same": "same", "valid": "valid", "explicit": "explicit_"}[c["pad"]])
    if c["pad"] == "explicit":
        fields += [f".pt = {c['pt']}", f".pb = {c['pb']}", f".pl = {c['pl']}", f".pr = {c['pr']}"]
    if c["nchw"]:
        fields.append(".nchw = true")
    fields.append(f".window_form = {c['form']}")
    if c["op"] == "atrous_conv2d_transpose":
        fields.append(".atrous = true")
    return "spec{" + ", ".join(fields) + "}"


def value_seed(seed, index):
    return seed * 100003 + 2 * index


def arguments_text(c, seed, index):
    sign = ", cases::data_sign::non_negative" if c["non_negative"] else ""
    return f"({value_seed(seed, index)}u{sign})"


def emit_case(index, c, seed):
    name = f"sweep_{index:05d}"
    if c["op"] in ("conv2d_transpose", "atrous_conv2d_transpose"):
        function = "check_against_reference"
    elif c["op"] == "expression":
        function = "check_expression_against_reference"
    else:
        raise ValueError(f"no spelling for op {c['op']!r}")
    call = f"cases::{function}<{c['type']}, {spec_text(c)}>{arguments_text(c, seed, index)};"
    return f"BOOST_AUTO_TEST_CASE({name}) {{\n  {call}\n}}\n"


NON_NEGATIVE_FRACTION = 0.25


def generate(seed, count):
    rng, sign_rng = random.Random(seed), random.Random(f"data sign {seed}")
    configs = [configuration(rng) for _ in range(count)]
    for c in configs:
        c["non_negative"] = sign_rng.random() < NON_NEGATIVE_FRACTION
    return configs


# What a sweep of at least 500 configurations must cover (issue 6): the generator refuses to write
# one that misses a value, so a change to the distributions cannot silently narrow the sweep.
REQUIRED = {
    "kernel": (lambda c: (c["kh"], c["kw"]), set(range(1, 12))),
    "stride": (lambda c: (c["sh"], c["sw"]), set(range(1, 5))),
    "dilation": (lambda c: (c["dh"], c["dw"]), set(range(1, 4))),
    "padding": (lambda c: (c["pad"],), {"same", "valid", "explicit"}),
    "nchw": (lambda c: (c["nchw"],), {False, True}),
    "batch": (lambda c: (c["n"],), {1, 2, 3}),
    "channels": (lambda c: (c["ic"], c["oc"]), set(BOUNDARY_CHANNELS)),
    "type": (lambda c: (c["type"],), set(TYPES)),
    "op": (lambda c: (c["op"],), set(OPS)),
    "stride and dilation > 1 together": (lambda c: (max(c["sh"], c["sw"]) > 1 and max(c["dh"], c["dw"]) > 1,), {True}),
}


# Configurations on non-negative data, at least so many of each type and of each op.
MIN_NON_NEGATIVE = 4


def missing_coverage(configs):
    missing = []
    for label, (key, required) in REQUIRED.items():
        absent = required - {v for c in configs for v in key(c)}
        if absent:
            missing.append(f"{label}: {sorted(absent, key=str)}")
    for field, values in (("type", TYPES), ("op", OPS)):
        for v in values:
            found = sum(c["non_negative"] and c[field] == v for c in configs)
            if found < MIN_NON_NEGATIVE:
                missing.append(f"non-negative data with {field} {v}: {found} configurations, not {MIN_NON_NEGATIVE}")
    if len({repr(sorted(c.items())) for c in configs}) != len(configs):
        missing.append("some configurations are repeated")
    return missing


def summary(configs):
    def seen(key):
        return sorted({v for c in configs for v in key(c)})
    lines = [f"{len(configs)} configurations, {len({repr(sorted(c.items())) for c in configs})} distinct"]
    for label, key in [("kernel", lambda c: (c["kh"], c["kw"])), ("stride", lambda c: (c["sh"], c["sw"])),
                       ("dilation", lambda c: (c["dh"], c["dw"])), ("padding", lambda c: (c["pad"],)),
                       ("nchw", lambda c: (c["nchw"],)), ("batch", lambda c: (c["n"],)),
                       ("channels", lambda c: (c["ic"], c["oc"])), ("type", lambda c: (c["type"],)),
                       ("op", lambda c: (c["op"],))]:
        lines.append(f"  {label}: {seen(key)}")
    lines.append(f"  non-negative data: {sum(c['non_negative'] for c in configs)}")
    return "\n".join(lines)


HEADER = """// Generated by test/generate_sweep.py --seed {seed} --count {count} --parts {parts}: part {part}.
// Do not edit; each case runs one configuration against the independent reference (case_runner.hpp).
#include <boost/test/unit_test.hpp>

#include "case_runner.hpp"

using cases::padding;
using cases::spec;

BOOST_AUTO_TEST_SUITE(sweep_seed_{seed}_part_{part})

"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--parts", type=int, required=True)
    parser.add_argument("--outdir", default=".")
    parser.add_argument("--prefix", default="sweep_part", help="file names: PREFIX_0.cpp ..")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()

    configs = generate(args.seed, args.count)
    missing = missing_coverage(configs) if args.count >= 500 else []
    if missing:
        raise SystemExit("generate_sweep.py: the sweep does not cover\n  " + "\n  ".join(missing))
    if args.list:
        for i, c in enumerate(configs):
            print(f"sweep_{i:05d}: {c['op']}<{c['type']}, {spec_text(c)}>{arguments_text(c, args.seed, i)}")
        print(summary(configs))
        return
    parts = [[] for _ in range(args.parts)]
    for i, c in enumerate(configs):
        parts[i % args.parts].append(emit_case(i, c, args.seed))
    for p, cases in enumerate(parts):
        text = HEADER.format(seed=args.seed, count=args.count, parts=args.parts, part=p) + "\n".join(cases)
        text += "\nBOOST_AUTO_TEST_SUITE_END()\n"
        with open(os.path.join(args.outdir, f"{args.prefix}_{p}.cpp"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
