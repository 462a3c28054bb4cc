// The Boost.Test framework (header-only, from libboost-dev) and its main(), compiled once per build
// and linked into every Boost.Test program (test/meson.build). Each test program includes
// <boost/test/unit_test.hpp> only: compiling the framework into each of them cost about 28 s of
// g++ per program in the sanitized build (10 s with clang++, 15 s at -O1).
#define BOOST_TEST_MODULE convt
#include <boost/test/included/unit_test.hpp>
