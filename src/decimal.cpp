#include "forbear/decimal.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace forbear {
namespace {

// __extension__ keeps -Wpedantic quiet about the non-standard 128-bit type.
__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();
// Largest whole number n with n * kOne representable.
constexpr std::int64_t kMaxWhole = kInt64Max / Decimal::kOne;

constexpr std::int64_t kPowersOfTen[] = {
    1LL,
    10LL,
    100LL,
    1'000LL,
    10'000LL,
    100'000LL,
    1'000'000LL,
    10'000'000LL,
    100'000'000LL,
    1'000'000'000LL,
    10'000'000'000LL,
    100'000'000'000LL,
    1'000'000'000'000LL,
    10'000'000'000'000LL,
    100'000'000'000'000LL,
    1'000'000'000'000'000LL,
    10'000'000'000'000'000LL,
    100'000'000'000'000'000LL,
    1'000'000'000'000'000'000LL,
};

Checked<Decimal> overflow() noexcept { return {Decimal{}, ArithmeticError::overflow}; }

Checked<Decimal> from_wide(Int128 raw) noexcept {
  if (raw > kInt64Max || raw < kInt64Min) return overflow();
  return {Decimal::from_raw(static_cast<std::int64_t>(raw)), ArithmeticError::none};
}

// n / d rounded half away from zero; d must be non-zero.
Int128 divide_rounded(Int128 n, Int128 d) noexcept {
  Int128 quotient = n / d;
  Int128 remainder = n % d;
  Int128 abs_remainder = remainder < 0 ? -remainder : remainder;
  Int128 abs_divisor = d < 0 ? -d : d;
  if (2 * abs_remainder >= abs_divisor) quotient += ((n < 0) != (d < 0)) ? -1 : 1;
  return quotient;
}

std::uint64_t magnitude(std::int64_t v) noexcept {
  // Unsigned negation is well defined for INT64_MIN as well.
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

void append_padded(std::string& out, std::uint64_t value, int width) {
  std::string digits = std::to_string(value);
  const auto wanted = static_cast<std::size_t>(width);
  if (digits.size() < wanted) out.append(wanted - digits.size(), '0');
  out += digits;
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

}  // namespace

Checked<Decimal> Decimal::from_int(std::int64_t v) noexcept {
  std::int64_t raw = 0;
  if (__builtin_mul_overflow(v, kOne, &raw)) return overflow();
  return {from_raw(raw), ArithmeticError::none};
}

std::optional<Decimal> Decimal::parse(std::string_view text) noexcept {
  Decimal result;
  if (parse(text, result) != DecimalParseError::none) return std::nullopt;
  return result;
}

DecimalParseError Decimal::parse(std::string_view text, Decimal& out) noexcept {
  const std::size_t n = text.size();
  std::size_t i = 0;
  bool negative = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  const std::size_t int_begin = i;
  while (i < n && is_digit(text[i])) ++i;
  const std::size_t int_end = i;
  if (int_end == int_begin) return DecimalParseError::syntax;

  std::size_t frac_begin = i;
  std::size_t frac_end = i;
  if (i < n && text[i] == '.') {
    ++i;
    frac_begin = i;
    while (i < n && is_digit(text[i])) ++i;
    frac_end = i;
    if (frac_end == frac_begin) return DecimalParseError::syntax;
  }

  // Saturating: any exponent this large already decides overflow or too_precise.
  constexpr std::int64_t kExponentLimit = 1'000'000'000;
  std::int64_t exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
      exponent_negative = text[i] == '-';
      ++i;
    }
    const std::size_t exponent_begin = i;
    while (i < n && is_digit(text[i])) {
      exponent = std::min(exponent * 10 + (text[i] - '0'), kExponentLimit);
      ++i;
    }
    if (i == exponent_begin) return DecimalParseError::syntax;
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return DecimalParseError::syntax;

  // The mantissa digits are the integer digits followed by the fraction digits; the digit at
  // position p (0-based) has weight 10^(int_len - 1 - p + exponent).
  const std::size_t int_len = int_end - int_begin;
  const std::size_t total = int_len + (frac_end - frac_begin);
  auto digit_at = [&](std::size_t p) {
    return p < int_len ? text[int_begin + p] : text[frac_begin + (p - int_len)];
  };
  std::size_t first = 0;
  while (first < total && digit_at(first) == '0') ++first;
  if (first == total) {
    out = Decimal{};
    return DecimalParseError::none;
  }
  std::size_t last = total - 1;
  while (digit_at(last) == '0') --last;

  auto weight = [&](std::size_t p) {
    return static_cast<std::int64_t>(int_len) - 1 - static_cast<std::int64_t>(p) + exponent;
  };
  // Weights in millionths: the raw value is sum(digit * 10^(weight + kPlaces)).
  const std::int64_t top = weight(first) + kPlaces;
  const std::int64_t bottom = weight(last) + kPlaces;
  if (top > 18) return DecimalParseError::overflow;

  // Digits that land on whole millionths; any below them make the text too precise, but the size
  // check comes first so that a huge, over-precise number is reported as overflow.
  std::uint64_t mag = 0;
  for (std::size_t p = first; p <= last && weight(p) + kPlaces >= 0; ++p) {
    mag = mag * 10 + static_cast<std::uint64_t>(digit_at(p) - '0');  // at most 19 digits: no wrap
  }
  if (bottom > 0 &&
      __builtin_mul_overflow(mag, static_cast<std::uint64_t>(kPowersOfTen[bottom]), &mag)) {
    return DecimalParseError::overflow;
  }
  const std::uint64_t limit = negative ? magnitude(kInt64Min) : static_cast<std::uint64_t>(kInt64Max);
  // Equal to the limit with digits left below the millionths means just beyond it.
  if (mag > limit || (mag == limit && bottom < 0)) return DecimalParseError::overflow;
  if (bottom < 0) return DecimalParseError::too_precise;
  out = from_raw(static_cast<std::int64_t>(negative ? std::uint64_t{0} - mag : mag));
  return DecimalParseError::none;
}

std::string Decimal::to_string() const {
  const std::uint64_t mag = magnitude(raw_);
  const std::uint64_t one = static_cast<std::uint64_t>(kOne);
  std::string out;
  if (raw_ < 0) out += '-';
  out += std::to_string(mag / one);
  const std::uint64_t fraction = mag % one;
  if (fraction != 0) {
    out += '.';
    append_padded(out, fraction, kPlaces);
    out.erase(out.find_last_not_of('0') + 1);
  }
  return out;
}

std::string Decimal::to_string(int places) const {
  const int kept = std::clamp(places, 0, kPlaces);
  const std::uint64_t divisor = static_cast<std::uint64_t>(kPowersOfTen[kPlaces - kept]);
  // mag <= 2^63 and divisor / 2 <= 500000, so the sum cannot wrap.
  const std::uint64_t scaled = (magnitude(raw_) + divisor / 2) / divisor;
  const std::uint64_t unit = static_cast<std::uint64_t>(kPowersOfTen[kept]);
  std::string out;
  if (raw_ < 0 && scaled != 0) out += '-';
  out += std::to_string(scaled / unit);
  if (places > 0) {
    out += '.';
    if (kept > 0) append_padded(out, scaled % unit, kept);
    out.append(static_cast<std::size_t>(places - kept), '0');
  }
  return out;
}

bool Decimal::is_integer() const noexcept { return raw_ % kOne == 0; }

Checked<Decimal> add(Decimal a, Decimal b) noexcept {
  std::int64_t raw = 0;
  if (__builtin_add_overflow(a.raw(), b.raw(), &raw)) return overflow();
  return {Decimal::from_raw(raw), ArithmeticError::none};
}

Checked<Decimal> subtract(Decimal a, Decimal b) noexcept {
  std::int64_t raw = 0;
  if (__builtin_sub_overflow(a.raw(), b.raw(), &raw)) return overflow();
  return {Decimal::from_raw(raw), ArithmeticError::none};
}

Checked<Decimal> multiply(Decimal a, Decimal b) noexcept {
  const Int128 product = static_cast<Int128>(a.raw()) * b.raw();
  return from_wide(divide_rounded(product, Decimal::kOne));
}

Checked<Decimal> divide(Decimal a, Decimal b) noexcept {
  if (b.raw() == 0) return {Decimal{}, ArithmeticError::division_by_zero};
  const Int128 numerator = static_cast<Int128>(a.raw()) * Decimal::kOne;
  return from_wide(divide_rounded(numerator, b.raw()));
}

Checked<Decimal> negate(Decimal a) noexcept {
  if (a.raw() == kInt64Min) return overflow();
  return {Decimal::from_raw(-a.raw()), ArithmeticError::none};
}

Checked<Decimal> abs(Decimal a) noexcept {
  if (a.raw() == kInt64Min) return overflow();
  return {Decimal::from_raw(a.raw() < 0 ? -a.raw() : a.raw()), ArithmeticError::none};
}

Decimal floor(Decimal a) noexcept {
  std::int64_t whole = a.raw() / Decimal::kOne;
  if (a.raw() % Decimal::kOne < 0) --whole;
  return Decimal::from_raw(std::max(whole, -kMaxWhole) * Decimal::kOne);
}

Decimal ceil(Decimal a) noexcept {
  std::int64_t whole = a.raw() / Decimal::kOne;
  if (a.raw() % Decimal::kOne > 0) ++whole;
  return Decimal::from_raw(std::min(whole, kMaxWhole) * Decimal::kOne);
}

Checked<Decimal> round(Decimal a, int places) noexcept {
  const int kept = std::clamp(places, 0, Decimal::kPlaces);
  const std::int64_t divisor = kPowersOfTen[Decimal::kPlaces - kept];
  return from_wide(divide_rounded(a.raw(), divisor) * divisor);
}

std::int64_t to_int64(Decimal a) noexcept { return a.raw() / Decimal::kOne; }

Checked<std::int64_t> add(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t result = 0;
  if (__builtin_add_overflow(a, b, &result)) return {0, ArithmeticError::overflow};
  return {result, ArithmeticError::none};
}

Checked<std::int64_t> subtract(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t result = 0;
  if (__builtin_sub_overflow(a, b, &result)) return {0, ArithmeticError::overflow};
  return {result, ArithmeticError::none};
}

Checked<std::int64_t> multiply(std::int64_t a, std::int64_t b) noexcept {
  std::int64_t result = 0;
  if (__builtin_mul_overflow(a, b, &result)) return {0, ArithmeticError::overflow};
  return {result, ArithmeticError::none};
}

Checked<std::int64_t> negate(std::int64_t a) noexcept {
  if (a == kInt64Min) return {0, ArithmeticError::overflow};
  return {-a, ArithmeticError::none};
}

Checked<std::int64_t> abs(std::int64_t a) noexcept {
  if (a == kInt64Min) return {0, ArithmeticError::overflow};
  return {a < 0 ? -a : a, ArithmeticError::none};
}

}  // namespace forbear
