#!/usr/bin/env python3
"""Code and stack size of each example layer, as built (meson test code_size; see meson.build).

For every layer: the .text bytes of its object (Berkeley `size` of its one-object archive), built
as configured and with -DCONVT_OPTIMIZE_SIZE, and its worst-case stack use: the largest sum of
frame sizes along a call path from the layer function, from GCC's -fcallgraph-info=su graph
(frames from -fstack-usage). Calls that leave the object (memset, memcpy) are listed, since their
frames are not in the graph. Prints a Markdown table and fails when a size exceeds its budget, when
a frame is dynamic and unbounded, or when CONVT_OPTIMIZE_SIZE gives more code.
"""
import argparse
import pathlib
import re
import subprocess
import sys


def text_bytes(size_tool, archive):
    out = subprocess.run([size_tool, archive], check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines()[1:] if line.strip()]
    return sum(int(row[0]) for row in rows)


def callgraph_file(archive):
    """The .ci file GCC wrote next to the archive's one object (meson: <archive>.p/<source>.ci)."""
    found = sorted(pathlib.Path(archive + '.p').glob('*.ci'))
    return found[0] if found else None


def worst_stack(ci_path, function):
    """(bytes, dynamic, external calls) of the deepest path from the function named `function`."""
    text = ci_path.read_text()
    frames, names, edges, qualifier = {}, {}, {}, {}
    for title, label in re.findall(r'node: \{ title: "([^"]*)" label: "((?:[^"\\]|\\.)*)"', text):
        names[title] = label.split('\\n')[0]
        m = re.search(r'(\d+) bytes \((\w+(?:,\w+)*)\)', label)
        if m:
            frames[title] = int(m.group(1))
            qualifier[title] = m.group(2)
    for source, target in re.findall(r'edge: \{ sourcename: "([^"]*)" targetname: "([^"]*)"', text):
        edges.setdefault(source, []).append(target)
    roots = [t for t, n in names.items() if re.search(r'\blayers::' + function + r'\(', n)]
    if not roots:
        raise SystemExit(f'{ci_path}: no node for layers::{function}')
    external = set()
    dynamic = False

    def deepest(node, seen):
        nonlocal dynamic
        if node not in frames:
            external.add(names.get(node, node))
            return 0
        if qualifier[node] not in ('static', 'dynamic,bounded'):  # bounded: GCC gives the bound
            dynamic = True
        below = [deepest(t, seen | {node}) for t in edges.get(node, []) if t not in seen]
        return frames[node] + max(below, default=0)

    return deepest(roots[0], frozenset()), dynamic, sorted(external)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--size', required=True)
    parser.add_argument('--names', nargs='+', required=True)
    parser.add_argument('--as-configured', nargs='+', required=True)
    parser.add_argument('--optimize-size', nargs='+', required=True)
    parser.add_argument('--text-budget', type=int, required=True)
    parser.add_argument('--stack-budget', type=int, required=True)
    args = parser.parse_args()

    failures = []
    print('| layer | .text bytes | .text bytes, CONVT_OPTIMIZE_SIZE | worst-case stack bytes | '
          'stack, CONVT_OPTIMIZE_SIZE | calls outside the object |')
    print('|---|---|---|---|---|---|')
    for name, default, small in zip(args.names, args.as_configured, args.optimize_size):
        text_default, text_small = text_bytes(args.size, default), text_bytes(args.size, small)
        stacks = []
        external = set()
        for archive in (default, small):
            ci = callgraph_file(archive)
            if ci is None:
                stacks.append(None)
                continue
            stack, dynamic, calls = worst_stack(ci, name)
            external.update(calls)
            if dynamic:
                failures.append(f'{name}: a frame on its call graph is not of static size')
            stacks.append(stack)
        shown = ['n/a (no -fcallgraph-info)' if s is None else str(s) for s in stacks]
        print(f'| {name} | {text_default} | {text_small} | {shown[0]} | {shown[1]} | '
              f'{", ".join(external) or "none"} |')
        for label, value in (('.text', text_default), ('.text with CONVT_OPTIMIZE_SIZE', text_small)):
            if value > args.text_budget:
                failures.append(f'{name}: {label} {value} bytes > budget {args.text_budget}')
        for stack in stacks:
            if stack is not None and stack > args.stack_budget:
                failures.append(f'{name}: stack {stack} bytes > budget {args.stack_budget}')
        if text_small > text_default:
            failures.append(f'{name}: CONVT_OPTIMIZE_SIZE gives more code ({text_small} > {text_default} bytes)')
    for failure in failures:
        print('FAIL', failure)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
