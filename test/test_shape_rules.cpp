// The shape rules: convt's accepted output sizes (a closed form, used by the checks) against
// TensorFlow's definition written out here from SEMANTICS.md section 1, with truncating division,
// over a grid of sizes, filters, strides, dilations and paddings; and the SAME padding split.
#include <boost/test/unit_test.hpp>

#include <convt/shape_rules.hpp>

namespace {

using convt::detail::padding_kind;

// TensorFlow's GetWindowedOutputSize, for an input of size O, as SEMANTICS.md states it.
int tf_forward_size(padding_kind p, int O, int k, int s, int d, int pb, int pa) {
  const int e = (k - 1) * d + 1;
  if (p == padding_kind::same) return (O + s - 1) / s;
  if (p == padding_kind::valid) return (O - e + s) / s;
  return (O + pb + pa - e + s) / s;
}

}  // namespace

BOOST_AUTO_TEST_CASE(accepted_range_is_exactly_the_sizes_tensorflow_accepts) {
  int checked = 0, mismatches = 0;
  for (padding_kind p : {padding_kind::same, padding_kind::valid, padding_kind::explicit_})
    for (int I = 0; I <= 6; ++I)
      for (int k = 1; k <= 5; ++k)
        for (int s = 1; s <= 4; ++s)
          for (int d = 1; d <= 3; ++d)
            for (int pb = 0; pb <= (p == padding_kind::explicit_ ? 3 : 0); ++pb)
              for (int pa = 0; pa <= (p == padding_kind::explicit_ ? 3 : 0); ++pa) {
                const auto run = convt::detail::accepted_output_sizes(p, I, k, s, d, pb, pa);
                for (int O = 0; O <= 40; ++O) {
                  const bool tf = tf_forward_size(p, O, k, s, d, pb, pa) == I;
                  const bool convt_accepts = run.first <= O && O <= run.last;
                  mismatches += tf != convt_accepts;
                  ++checked;
                }
              }
  BOOST_TEST(mismatches == 0);
  BOOST_TEST(checked > 10000);
}

BOOST_AUTO_TEST_CASE(same_padding_puts_the_odd_row_at_the_end_and_clamps) {
  // I = 4, k = 3, s = 2, O = 8: P = 3 * 2 + 3 - 8 = 1, before 0 (the extra row goes at the end)
  BOOST_TEST(convt::detail::padding_before(padding_kind::same, 4, 8, 3, 2, 1, 0) == 0);
  // I = 4, k = 4, s = 2, O = 8: P = 2, before 1
  BOOST_TEST(convt::detail::padding_before(padding_kind::same, 4, 8, 4, 2, 1, 0) == 1);
  // I = 24, k = 9, s = 3, O = 72: P = 69 + 9 - 72 = 6, before 3
  BOOST_TEST(convt::detail::padding_before(padding_kind::same, 24, 72, 9, 3, 1, 0) == 3);
  // I = 2, k = 1, s = 4, O = 8: raw P = 4 + 1 - 8 = -3, clamped to 0
  BOOST_TEST(convt::detail::padding_before(padding_kind::same, 2, 8, 1, 4, 1, 0) == 0);
  // dilation widens the filter: I = 5, k = 3, d = 2, s = 1, O = 5: P = 4 + 5 - 5 = 4, before 2
  BOOST_TEST(convt::detail::padding_before(padding_kind::same, 5, 5, 3, 1, 2, 0) == 2);
  BOOST_TEST(convt::detail::padding_before(padding_kind::valid, 5, 9, 5, 1, 1, 0) == 0);
  BOOST_TEST(convt::detail::padding_before(padding_kind::explicit_, 5, 9, 5, 1, 1, 3) == 3);
}
