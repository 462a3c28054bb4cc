// Values from TensorFlow's own tests (SEMANTICS.md), with arange inputs 1..N, in NHWC and, with
// the data transposed, in NCHW.
#include <boost/test/unit_test.hpp>

#include <numeric>
#include <vector>

#include <convt/convt.hpp>

namespace {

template <class Tensor>
void arange(Tensor& t) {
  std::iota(t.begin(), t.end(), typename Tensor::value_type(1));
}

template <class Tensor>
std::vector<double> values_of(const Tensor& t) {
  return std::vector<double>(t.begin(), t.end());
}

}  // namespace

BOOST_AUTO_TEST_CASE(depth_1) {
  convt::tensor<float, 1, 1, 2, 1> x;
  convt::tensor<float, 2, 2, 1, 1> w;
  arange(x);
  arange(w);
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 2, 3, 1>, convt::strides<1>, convt::valid));
  const std::vector<double> want{1, 4, 4, 3, 10, 8};
  BOOST_TEST(values_of(y) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(depth_3) {
  convt::tensor<float, 1, 1, 2, 3> x;
  convt::tensor<float, 2, 2, 3, 3> w;
  arange(x);
  arange(w);
  convt::tensor<float, 1, 2, 3, 3> y =
      convt::conv2d_transpose(x, w, convt::output_shape<1, 2, 3, 3>, convt::strides<1>, convt::valid);
  const std::vector<double> want{14, 32, 50, 100, 163, 226, 167, 212, 257, 122, 140, 158, 478, 541, 604, 437, 482, 527};
  BOOST_TEST(values_of(y) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(depth_3_nchw) {
  // The same problem with input and result in NCHW: x_nchw[0, c, 0, j] = x_nhwc[0, 0, j, c].
  convt::tensor<float, 1, 1, 2, 3> x_nhwc;
  arange(x_nhwc);
  convt::tensor<float, 1, 3, 1, 2> x;
  for (int c = 0; c < 3; ++c)
    for (int j = 0; j < 2; ++j) x(0, c, 0, j) = x_nhwc(0, 0, j, c);
  convt::tensor<float, 2, 2, 3, 3> w;
  arange(w);
  convt::tensor<float, 1, 3, 2, 3> y;
  convt::assign(y, convt::conv2d_transpose(x, w, convt::output_shape<1, 3, 2, 3>, convt::strides<1>, convt::valid,
                                           convt::nchw));
  const double want_nhwc[] = {14, 32, 50, 100, 163, 226, 167, 212, 257, 122, 140, 158, 478, 541, 604, 437, 482, 527};
  for (int yy = 0; yy < 2; ++yy)
    for (int xx = 0; xx < 3; ++xx)
      for (int c = 0; c < 3; ++c) BOOST_TEST(y(0, c, yy, xx) == want_nhwc[(yy * 3 + xx) * 3 + c]);
}

BOOST_AUTO_TEST_CASE(stride_1x2) {
  convt::tensor<float, 1, 2, 3, 1> x;
  convt::tensor<float, 2, 2, 1, 1> w;
  arange(x);
  arange(w);
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 3, 6, 1>, convt::strides<1, 2>, convt::valid));
  const std::vector<double> want{1, 2, 2, 4, 3, 6, 7, 12, 11, 18, 15, 24, 12, 16, 15, 20, 18, 24};
  BOOST_TEST(values_of(y) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filter_1x1_stride_2_same) {
  convt::tensor<double, 1, 2, 2, 1> x;
  convt::tensor<double, 1, 1, 1, 1> w;
  arange(x);
  arange(w);
  // padding defaults to SAME, as in TensorFlow
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<1, 4, 4, 1>, convt::strides<2>));
  const std::vector<double> want{1, 0, 2, 0, 0, 0, 0, 0, 3, 0, 4, 0, 0, 0, 0, 0};
  BOOST_TEST(values_of(y) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(all_ones_stride_2_same) {
  // input ones [2,6,4,3], filters ones [3,3,2,3], output_shape [2,12,8,2]: every element is
  // in_channels (3) times the number of taps reaching it; rows 0-1 read 3 3 6 3 6 3 6 3, then
  // rows 2, 4, ..., 10 read 6 6 12 6 12 6 12 6 and rows 3, 5, ..., 11 read 3 3 6 3 6 3 6 3.
  convt::tensor<float, 2, 6, 4, 3> x;
  convt::tensor<float, 3, 3, 2, 3> w;
  std::fill(x.begin(), x.end(), 1.0f);
  std::fill(w.begin(), w.end(), 1.0f);
  auto y = convt::eval(convt::conv2d_transpose(x, w, convt::output_shape<2, 12, 8, 2>, convt::strides<2>, convt::same));
  const double odd_row[] = {3, 3, 6, 3, 6, 3, 6, 3};
  const double even_row[] = {6, 6, 12, 6, 12, 6, 12, 6};
  for (int n = 0; n < 2; ++n)
    for (int r = 0; r < 12; ++r)
      for (int c = 0; c < 8; ++c) {
        const double want = (r >= 2 && r % 2 == 0) ? even_row[c] : odd_row[c];
        for (int ch = 0; ch < 2; ++ch) BOOST_TEST(y(n, r, c, ch) == want);
      }
}

BOOST_AUTO_TEST_CASE(atrous_equals_dilated_conv2d_transpose) {
  // atrous_conv2d_transpose(value, filters, output_shape, rate, padding) is conv2d_transpose with
  // strides 1 and dilations rate; with ones, each element counts the taps that reach it.
  convt::tensor<float, 1, 5, 5, 2> x;
  convt::tensor<float, 3, 3, 1, 2> w;
  std::fill(x.begin(), x.end(), 1.0f);
  std::fill(w.begin(), w.end(), 1.0f);
  auto y = convt::eval(convt::atrous_conv2d_transpose(x, w, convt::output_shape<1, 5, 5, 1>, convt::rate<2>, convt::same));
  // SAME, e = 5: pad_top = (4 + 5 - 5) / 2 = 2; row y is reached by kh with 0 <= y + 2 - 2 kh <= 4,
  // i.e. kh in {0,1,2} clipped: y = 0 -> kh in {0,1} (2 taps), y = 1 -> {0,1} (2), y = 2 -> 3 taps,
  // y = 3 -> {1,2} (2), y = 4 -> {1,2} (2). Elements are 2 channels * taps_h * taps_w.
  const int taps[] = {2, 2, 3, 2, 2};
  for (int r = 0; r < 5; ++r)
    for (int c = 0; c < 5; ++c) BOOST_TEST(y(0, r, c, 0) == 2.0f * taps[r] * taps[c]);
}
