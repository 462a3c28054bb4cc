#!/usr/bin/env python3
"""Fails when a header under include/convt/ is missing from include/convt/meson.build's
install_headers() list (a consumer of `meson install` would then miss it)."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1]) / "include" / "convt"
listed = set(re.findall(r"'([^']+\.hpp)'", (root / "meson.build").read_text()))
present = {str(p.relative_to(root)) for p in root.rglob("*.hpp")}
missing, stale = sorted(present - listed), sorted(listed - present)
for name in missing:
    print(f"not installed: {name}")
for name in stale:
    print(f"listed but absent: {name}")
print(f"{len(present)} headers, {len(missing)} missing, {len(stale)} stale")
sys.exit(1 if missing or stale else 0)
