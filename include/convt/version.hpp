// convt/version.hpp (API): the library's version, as preprocessor macros (no namespace, no
// includes).
//
//   CONVT_VERSION_MAJOR, CONVT_VERSION_MINOR, CONVT_VERSION_PATCH   integers
//   CONVT_VERSION_STRING                                             "MAJOR.MINOR.PATCH"
//
// It must agree with meson.build's project version, which the pkg-config file (convt.pc) and the
// CMake package (convtConfigVersion.cmake) carry: test/check_version.py fails when they differ.
#pragma once

#define CONVT_VERSION_MAJOR 0
#define CONVT_VERSION_MINOR 1
#define CONVT_VERSION_PATCH 0
#define CONVT_VERSION_STRING "0.1.0"
