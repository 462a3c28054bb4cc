// The differential sweep's main: the cases are generated into sweep_part_*.cpp by
// test/generate_sweep.py (see test/meson.build and the `sweep` option).
#define BOOST_TEST_MODULE convt sweep
#include <boost/test/included/unit_test.hpp>
