#!/usr/bin/env python3
"""Fails when the places that state convt's version disagree.

Usage: test/check_version.py SOURCE_ROOT BUILD_ROOT

Reads, and requires to be equal:
  * include/convt/version.hpp: CONVT_VERSION_MAJOR, _MINOR, _PATCH and CONVT_VERSION_STRING;
  * meson.build: the project's `version:`;
  * BUILD_ROOT/meson-info/intro-projectinfo.json: the version meson configured, when present;
  * BUILD_ROOT/meson-private/convt.pc: the `Version:` line of the generated pkg-config file;
  * BUILD_ROOT/cmake/convtConfigVersion.cmake: PACKAGE_VERSION of the generated CMake package
    version file (cmake/meson.build configures it from meson.project_version()).
Prints every value it read, then "versions agree: X" or what differs, and exits 1 on any
difference or on a file or value it cannot find.
"""
import json
import pathlib
import re
import sys


class Missing(Exception):
    pass


def read(path):
    if not path.is_file():
        raise Missing(f"{path}: no such file")
    return path.read_text()


def match(pattern, text, where, flags=re.MULTILINE):
    found = re.search(pattern, text, flags)
    if not found:
        raise Missing(f"{where}: no match for {pattern!r}")
    return found.group(1)


def header_versions(source):
    path = source / "include" / "convt" / "version.hpp"
    text = read(path)
    parts = [match(rf"^\s*#\s*define\s+CONVT_VERSION_{name}\s+(\d+)\s*$", text, path)
             for name in ("MAJOR", "MINOR", "PATCH")]
    return {
        f"{path} (CONVT_VERSION_MAJOR.MINOR.PATCH)": ".".join(str(int(p)) for p in parts),
        f"{path} (CONVT_VERSION_STRING)": match(r'^\s*#\s*define\s+CONVT_VERSION_STRING\s+"([^"]*)"', text, path),
    }


def meson_version(source):
    path = source / "meson.build"
    text = read(path)
    # The project() call runs to its closing parenthesis; its version: keyword holds one string.
    project = match(r"^\s*project\s*\((.*?)\)\s*$", text, path, re.MULTILINE | re.DOTALL)
    return {f"{path} (project version)": match(r"\bversion\s*:\s*'([^']*)'", project, path)}


def configured_version(build):
    path = build / "meson-info" / "intro-projectinfo.json"
    if not path.is_file():
        return {}  # an older meson, or a build dir not yet configured: meson.build is read above
    return {f"{path} (version)": json.loads(path.read_text())["version"]}


def pkgconfig_version(build):
    path = build / "meson-private" / "convt.pc"
    return {f"{path} (Version:)": match(r"^Version:\s*(\S+)\s*$", read(path), path)}


def cmake_version(build):
    path = build / "cmake" / "convtConfigVersion.cmake"
    if not path.is_file():
        # Wherever meson put it (cmake/meson.build configures it into its own build subdir).
        found = sorted(p for p in build.rglob("convtConfigVersion.cmake") if "meson-" not in str(p))
        if not found:
            raise Missing(f"{build}: no convtConfigVersion.cmake (cmake/meson.build generates it)")
        path = found[0]
    return {f"{path} (PACKAGE_VERSION)": match(r'set\s*\(\s*PACKAGE_VERSION\s+"([^"]*)"\s*\)', read(path), path)}


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    source, build = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    versions = {}
    errors = []
    for reader, root in ((header_versions, source), (meson_version, source), (configured_version, build),
                         (pkgconfig_version, build), (cmake_version, build)):
        try:
            versions.update(reader(root))
        except Missing as missing:
            errors.append(f"cannot read a version: {missing}")
    for where, version in versions.items():
        print(f"{version:>10}  {where}")
    distinct = sorted(set(versions.values()))
    if len(distinct) > 1:
        errors.append("versions differ: " + ", ".join(
            f"{v} in {len([w for w in versions if versions[w] == v])} place(s)" for v in distinct)
            + " (version.hpp must match meson.build's project version, which convt.pc and the CMake package carry)")
    for error in errors:
        print(f"FAIL {error}")
    if errors:
        return 1
    print(f"versions agree: {distinct[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
