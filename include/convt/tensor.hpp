// convt/tensor.hpp (API): the two containers of the library.
//
//   convt::tensor<T, D...>       owns its elements (row-major, 64-byte aligned, zero-filled, no heap)
//   convt::tensor_view<T, D...>  the same interface over caller memory; T may be const
//
// Dimensions are signed so that a negative one reaches our own message instead of a narrowing
// error. Both are literal types: they can be created, filled and read in constant expressions.
#pragma once

#include "abi.hpp"

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace convt::inline CONVT_ABI {

namespace detail {

// Number of elements of a shape; negative dimensions count as 0 so that the static_assert below is
// the only error a user sees for them (an array of negative size would be a second one).
template <int... D>
inline constexpr std::size_t element_count = (std::size_t{1} * ... * std::size_t(D > 0 ? D : 0));

// Row-major offset of (i0, i1, ..., i_{r-1}) in a shape (D0, ..., D_{r-1}):
//   offset = ((i0 * D1 + i1) * D2 + i2) * ... , evaluated left to right (Horner form).
template <int... D, class... I>
constexpr std::size_t row_major_offset(I... index) noexcept {
  std::size_t offset = 0;
  ((offset = offset * std::size_t(D) + std::size_t(index)), ...);
  return offset;
}

template <int... D>
constexpr bool all_dimensions_non_negative = ((D >= 0) && ...);

}  // namespace detail

/// Owning, contiguous, row-major tensor of static shape D...; zero-filled on construction.
template <class T, int... D>
struct alignas(64) tensor {
  static_assert(detail::all_dimensions_non_negative<D...>,
                "convt::tensor<T, dims...> requires every dimension to be >= 0");

  using value_type = T;
  static constexpr int rank = sizeof...(D);
  static constexpr std::array<int, sizeof...(D)> shape{D...};

  static constexpr std::size_t size() noexcept { return detail::element_count<D...>; }

  // A zero-sized tensor still holds one (unused) element: C++ has no arrays of size 0.
  T storage[size() == 0 ? 1 : size()]{};

  constexpr tensor() noexcept = default;

  /// Evaluates an expression into a new tensor (`convt::tensor<T, dims...> y = expr;`).
  /// Defined in eval.hpp, where expressions are known.
  template <class Expression>
    requires requires { typename std::remove_cvref_t<Expression>::is_convt_expression; }
  constexpr tensor(const Expression& expression) noexcept;

  /// Evaluates an expression into this tensor (`y = expr;`); defined in eval.hpp.
  template <class Expression>
    requires requires { typename std::remove_cvref_t<Expression>::is_convt_expression; }
  constexpr tensor& operator=(const Expression& expression) noexcept;

  constexpr T* data() noexcept { return storage; }
  constexpr const T* data() const noexcept { return storage; }
  constexpr T* begin() noexcept { return storage; }
  constexpr T* end() noexcept { return storage + size(); }
  constexpr const T* begin() const noexcept { return storage; }
  constexpr const T* end() const noexcept { return storage + size(); }

  template <class... I>
  constexpr T& operator()(I... index) noexcept {
    static_assert(sizeof...(I) == sizeof...(D), "convt::tensor(i...) requires one index per dimension");
    if constexpr (sizeof...(I) == sizeof...(D)) return storage[detail::row_major_offset<D...>(index...)];
    else return storage[0];  // not reached: the static_assert has failed
  }
  template <class... I>
  constexpr const T& operator()(I... index) const noexcept {
    static_assert(sizeof...(I) == sizeof...(D), "convt::tensor(i...) requires one index per dimension");
    if constexpr (sizeof...(I) == sizeof...(D)) return storage[detail::row_major_offset<D...>(index...)];
    else return storage[0];  // not reached: the static_assert has failed
  }
};

/// Non-owning view of static shape D... over contiguous row-major caller memory.
/// `tensor_view<const float, ...>` is read-only. The pointer needs no alignment beyond the
/// element's own (alignof(T), as for any T*): the kernels load and store unaligned vectors, so a
/// view may start at any element. A pointer that is not even aligned to alignof(T) (an odd byte
/// address for float) cannot point at a T in C++; it fails the assert below (unless NDEBUG).
template <class T, int... D>
struct tensor_view {
  static_assert(detail::all_dimensions_non_negative<D...>,
                "convt::tensor_view<T, dims...> requires every dimension to be >= 0");

  using value_type = std::remove_const_t<T>;
  static constexpr int rank = sizeof...(D);
  static constexpr std::array<int, sizeof...(D)> shape{D...};

  static constexpr std::size_t size() noexcept { return detail::element_count<D...>; }

  T* pointer = nullptr;

  constexpr explicit tensor_view(T* data) noexcept : pointer(data) {
    if (!std::is_constant_evaluated())
      assert(reinterpret_cast<std::uintptr_t>(data) % alignof(T) == 0 &&
             "convt::tensor_view<T, ...>{pointer} requires a pointer aligned to alignof(T)");
  }
  // The two conversions below are templates so that merely considering them (e.g. for a view
  // built from a pointer) does not instantiate tensor<value_type, D...>, which for a negative
  // dimension would report the same mistake a second time.

  /// A view of a whole tensor of the same shape; a const tensor only gives a view of const T.
  template <class Whole>
    requires std::is_same_v<std::remove_const_t<Whole>, tensor<value_type, D...>> &&
             (std::is_const_v<T> || !std::is_const_v<Whole>)
  constexpr tensor_view(Whole& whole) noexcept : pointer(whole.data()) {}

  /// A mutable view converts to a read-only one.
  template <class Other>
    requires std::is_const_v<T> && std::is_same_v<Other, tensor_view<value_type, D...>>
  constexpr tensor_view(const Other& other) noexcept : pointer(other.pointer) {}

  constexpr T* data() const noexcept { return pointer; }
  constexpr T* begin() const noexcept { return pointer; }
  constexpr T* end() const noexcept { return pointer + size(); }

  template <class... I>
  constexpr T& operator()(I... index) const noexcept {
    static_assert(sizeof...(I) == sizeof...(D), "convt::tensor_view(i...) requires one index per dimension");
    if constexpr (sizeof...(I) == sizeof...(D)) return pointer[detail::row_major_offset<D...>(index...)];
    else return pointer[0];  // not reached: the static_assert has failed
  }
};

// ---- traits --------------------------------------------------------------------------------------

template <class X>
struct is_tensor : std::false_type {};
template <class T, int... D>
struct is_tensor<tensor<T, D...>> : std::true_type {};

template <class X>
struct is_tensor_view : std::false_type {};
template <class T, int... D>
struct is_tensor_view<tensor_view<T, D...>> : std::true_type {};

/// A tensor or a tensor_view (ignoring references and cv-qualifiers on the object itself).
template <class X>
inline constexpr bool is_tensor_like_v =
    is_tensor<std::remove_cvref_t<X>>::value || is_tensor_view<std::remove_cvref_t<X>>::value;

namespace detail {

/// Whether a tensor-like type has no negative dimension, read from its template arguments alone:
/// clang marks a class whose static_assert failed as invalid, and reading its members afterwards
/// would add errors to the one the class already reported.
template <class X>
inline constexpr bool has_valid_dimensions = true;
template <class T, int... D>
inline constexpr bool has_valid_dimensions<tensor<T, D...>> = all_dimensions_non_negative<D...>;
template <class T, int... D>
inline constexpr bool has_valid_dimensions<tensor_view<T, D...>> = all_dimensions_non_negative<D...>;

}  // namespace detail
}  // namespace convt
