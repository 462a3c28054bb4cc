// The containers: tensor owns zero-filled, 64-byte aligned, row-major storage; tensor_view gives
// the same interface over caller memory; both work in constant expressions.
#define BOOST_TEST_MODULE convt tensor
#include <boost/test/included/unit_test.hpp>

#include <cstdint>
#include <type_traits>

#include <convt/convt.hpp>

static_assert(std::is_trivially_copyable_v<convt::tensor<float, 2, 3>>);
static_assert(alignof(convt::tensor<float, 1>) == 64);
static_assert(convt::tensor<float, 2, 3, 4>::size() == 24);
static_assert(convt::tensor<float, 2, 0, 4>::size() == 0);
static_assert(convt::tensor<double, 2, 3>::rank == 2);
static_assert(convt::tensor_view<const float, 5, 7>::size() == 35);
static_assert(std::is_same_v<convt::tensor_view<const float, 5>::value_type, float>);

// Literal type: built, written and read by the compiler.
static_assert([] {
  convt::tensor<int, 2, 3> t;
  bool zero = true;
  for (int v : t) zero = zero && v == 0;
  t(1, 2) = 7;
  return zero && t.data()[5] == 7 && t(1, 2) == 7;
}());

BOOST_AUTO_TEST_CASE(tensor_is_zero_filled_aligned_and_row_major) {
  convt::tensor<float, 2, 3, 4> t;
  BOOST_TEST(reinterpret_cast<std::uintptr_t>(t.data()) % 64 == 0u);
  for (float v : t) BOOST_TEST(v == 0.0f);
  for (int a = 0; a < 2; ++a)
    for (int b = 0; b < 3; ++b)
      for (int c = 0; c < 4; ++c) t(a, b, c) = float(100 * a + 10 * b + c);
  // row-major: offset (a * 3 + b) * 4 + c
  BOOST_TEST(t.data()[(1 * 3 + 2) * 4 + 3] == 123.0f);
  BOOST_TEST(t.end() - t.begin() == 24);
}

BOOST_AUTO_TEST_CASE(view_reads_and_writes_caller_memory) {
  float memory[2 * 5 + 1] = {};
  convt::tensor_view<float, 2, 5> v{memory + 1};  // any address: no alignment needed
  v(1, 4) = 3.5f;
  BOOST_TEST(memory[1 + 9] == 3.5f);
  convt::tensor_view<const float, 2, 5> r = v;  // mutable converts to read-only
  BOOST_TEST(r(1, 4) == 3.5f);
  BOOST_TEST(r.data() == memory + 1);
  convt::tensor<float, 2, 5> owned;
  convt::tensor_view<float, 2, 5> of_owned = owned;
  of_owned(0, 0) = 1.0f;
  BOOST_TEST(owned(0, 0) == 1.0f);
}

BOOST_AUTO_TEST_CASE(evaluation_paths_agree) {
  // eval, assign into a tensor, assign into a view over caller memory, initialisation and
  // assignment all give the same values.
  convt::tensor<float, 1, 3, 3, 2> x;
  convt::tensor<float, 3, 3, 4, 2> w;
  for (std::size_t i = 0; i < x.size(); ++i) x.data()[i] = float(i % 7) - 3.0f;
  for (std::size_t i = 0; i < w.size(); ++i) w.data()[i] = float(i % 5) - 2.0f;
  const auto e = convt::conv2d_transpose(x, w, convt::output_shape<1, 6, 6, 4>, convt::strides<2>, convt::same);
  const auto a = convt::eval(e);
  convt::tensor<float, 1, 6, 6, 4> b;
  convt::assign(b, e);
  float memory[144];
  convt::assign(convt::tensor_view<float, 1, 6, 6, 4>{memory}, e);
  convt::tensor<float, 1, 6, 6, 4> c = e;
  convt::tensor<float, 1, 6, 6, 4> d;
  d = e;
  // read-only views of the operands give the same result too
  const auto f = convt::eval(convt::conv2d_transpose(convt::tensor_view<const float, 1, 3, 3, 2>{x.data()}, w,
                                                     convt::output_shape<1, 6, 6, 4>, convt::strides<2>));
  bool any_nonzero = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST(a.data()[i] == b.data()[i]);
    BOOST_TEST(a.data()[i] == memory[i]);
    BOOST_TEST(a.data()[i] == c.data()[i]);
    BOOST_TEST(a.data()[i] == d.data()[i]);
    BOOST_TEST(a.data()[i] == f.data()[i]);
    any_nonzero = any_nonzero || a.data()[i] != 0.0f;
  }
  BOOST_TEST(any_nonzero);
}
