#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace forbear {

/// What went wrong in a checked arithmetic operation.
enum class ArithmeticError : std::uint8_t { none, overflow, division_by_zero };

/// A value plus the error of the operation that produced it (value is meaningless unless error == none).
template <typename T>
struct Checked {
  T value{};
  ArithmeticError error = ArithmeticError::none;

  /// True when the operation succeeded and `value` holds its result.
  bool ok() const noexcept { return error == ArithmeticError::none; }
};

/// Why Decimal::parse rejected a text.
enum class DecimalParseError : std::uint8_t {
  none,         ///< parsed successfully
  syntax,       ///< not of the form [+-]digits[.digits][(e|E)[+-]digits]
  too_precise,  ///< a non-zero digit lies beyond the 6th decimal place
  overflow,     ///< magnitude does not fit in the signed 64-bit count of millionths
};

/// Exact decimal number: a signed 64-bit count of millionths (6 decimal places, range about +-9.2e12).
class Decimal {
 public:
  static constexpr int kPlaces = 6;
  static constexpr std::int64_t kOne = 1'000'000;

  /// Zero.
  constexpr Decimal() noexcept = default;

  /// The decimal whose value is millionths / 10^6 (every int64 is a valid raw value).
  static constexpr Decimal from_raw(std::int64_t millionths) noexcept {
    Decimal d;
    d.raw_ = millionths;
    return d;
  }

  /// The integer v as a Decimal; overflow if |v| * 10^6 does not fit in int64.
  static Checked<Decimal> from_int(std::int64_t v) noexcept;

  /// Parses "12", "-0.5", "+3.25", "1e-3", "1.5E+3", "0.000001" (no surrounding whitespace,
  /// "1." and ".5" are syntax errors). Returns nullopt on bad syntax, on a non-zero digit past
  /// the 6th decimal place after applying the exponent ("1.50000000" is fine, "0.0000001" is not),
  /// or on overflow.
  static std::optional<Decimal> parse(std::string_view text) noexcept;

  /// Same grammar as parse(text); reports why it failed (overflow wins when a text is both too
  /// large and too precise). `out` is written only on success.
  static DecimalParseError parse(std::string_view text, Decimal& out) noexcept;

  /// The signed count of millionths.
  constexpr std::int64_t raw() const noexcept { return raw_; }

  /// Shortest exact text: "0.3", "12", "-1.05", "0.000001"; zero prints "0", never "-0".
  std::string to_string() const;

  /// Exactly `places` decimals (negative counts as 0; beyond 6 pads with zeros), rounding half away
  /// from zero: to_string(2) of 1.005 -> "1.01", of 3 -> "3.00". A result that rounds to zero has no sign.
  std::string to_string(int places) const;

  /// True when the value has no fractional part.
  bool is_integer() const noexcept;

  /// Numeric ordering.
  friend constexpr auto operator<=>(Decimal, Decimal) noexcept = default;
  /// Numeric equality.
  friend constexpr bool operator==(Decimal, Decimal) noexcept = default;

 private:
  std::int64_t raw_ = 0;
};

/// a + b; overflow when the sum is out of range.
Checked<Decimal> add(Decimal a, Decimal b) noexcept;
/// a - b; overflow when the difference is out of range.
Checked<Decimal> subtract(Decimal a, Decimal b) noexcept;
/// a * b, the exact product rounded half away from zero to 6 places; overflow when out of range.
Checked<Decimal> multiply(Decimal a, Decimal b) noexcept;
/// a / b rounded half away from zero to 6 places; division_by_zero when b == 0, overflow when out of range.
Checked<Decimal> divide(Decimal a, Decimal b) noexcept;
/// -a; overflow only for the most negative raw value.
Checked<Decimal> negate(Decimal a) noexcept;
/// |a|; overflow only for the most negative raw value.
Checked<Decimal> abs(Decimal a) noexcept;

/// The greatest integral Decimal <= a. Values below -9223372036854, whose floor is not
/// representable, yield -9223372036854 (the most negative integral Decimal) instead.
Decimal floor(Decimal a) noexcept;
/// The least integral Decimal >= a. Values above 9223372036854, whose ceiling is not
/// representable, yield 9223372036854 (the greatest integral Decimal) instead.
Decimal ceil(Decimal a) noexcept;
/// a rounded half away from zero to `places` decimals (places is clamped to [0, 6]);
/// overflow when rounding away from zero leaves the range.
Checked<Decimal> round(Decimal a, int places = 0) noexcept;

/// The integral part as int64 (a must be integral, else truncates toward zero).
std::int64_t to_int64(Decimal a) noexcept;

/// a + b; overflow when the sum does not fit in int64.
Checked<std::int64_t> add(std::int64_t a, std::int64_t b) noexcept;
/// a - b; overflow when the difference does not fit in int64.
Checked<std::int64_t> subtract(std::int64_t a, std::int64_t b) noexcept;
/// a * b; overflow when the product does not fit in int64.
Checked<std::int64_t> multiply(std::int64_t a, std::int64_t b) noexcept;
/// -a; overflow for INT64_MIN.
Checked<std::int64_t> negate(std::int64_t a) noexcept;
/// |a|; overflow for INT64_MIN.
Checked<std::int64_t> abs(std::int64_t a) noexcept;

}  // namespace forbear
