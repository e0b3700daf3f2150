#include "forbear/decimal.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace Catch {
template <>
struct StringMaker<forbear::Decimal> {
  static std::string convert(forbear::Decimal d) { return d.to_string(); }
};
}  // namespace Catch

namespace {

using forbear::ArithmeticError;
using forbear::Checked;
using forbear::Decimal;
using forbear::DecimalParseError;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Decimal dec(std::string_view text) {
  auto parsed = Decimal::parse(text);
  if (!parsed) throw std::invalid_argument("test literal does not parse: " + std::string(text));
  return *parsed;
}

// Renders a checked result so one string comparison covers both the value and the error.
std::string show(const Checked<Decimal>& result) {
  switch (result.error) {
    case ArithmeticError::none: return result.value.to_string();
    case ArithmeticError::overflow: return "overflow";
    case ArithmeticError::division_by_zero: return "division_by_zero";
  }
  return "?";
}

DecimalParseError parse_error(std::string_view text) {
  Decimal out = Decimal::from_raw(42);
  DecimalParseError error = Decimal::parse(text, out);
  if (error != DecimalParseError::none) CHECK(out.raw() == 42);  // untouched on failure
  return error;
}

}  // namespace

TEST_CASE("Decimal parses plain, signed and exponent forms", "[util][decimal]") {
  CHECK(dec("12").raw() == 12'000'000);
  CHECK(dec("-0.5").raw() == -500'000);
  CHECK(dec("+3.25").raw() == 3'250'000);
  CHECK(dec("1e-3").raw() == 1'000);
  CHECK(dec("1.5E+3").raw() == 1'500'000'000);
  CHECK(dec("1.5e3").raw() == 1'500'000'000);
  CHECK(dec("25E-1").raw() == 2'500'000);
  CHECK(dec("0.000001").raw() == 1);
  CHECK(dec("1.50000000").raw() == 1'500'000);
  CHECK(dec("0.0000010").raw() == 1);
  CHECK(dec("100e-8").raw() == 1);  // trailing zeros of the mantissa absorb the exponent
  CHECK(dec("0.00000000000001e14").raw() == 1'000'000);
  CHECK(dec("0").raw() == 0);
  CHECK(dec("-0").raw() == 0);
  CHECK(dec("-0.000").raw() == 0);
  CHECK(dec("0e999999999999999999999").raw() == 0);
  CHECK(dec("007.5").raw() == 7'500'000);
  CHECK(dec("1e12").raw() == 1'000'000'000'000'000'000);
}

TEST_CASE("Decimal parse accepts exactly the int64 range", "[util][decimal]") {
  CHECK(dec("9223372036854.775807").raw() == kMax);
  CHECK(dec("-9223372036854.775808").raw() == kMin);
  CHECK(dec("9223372036854775807e-6").raw() == kMax);
  CHECK(parse_error("9223372036854.775808") == DecimalParseError::overflow);
  CHECK(parse_error("-9223372036854.775809") == DecimalParseError::overflow);
  CHECK(parse_error("9223372036855") == DecimalParseError::overflow);
  CHECK(parse_error("1e13") == DecimalParseError::overflow);
  CHECK(parse_error("1e400") == DecimalParseError::overflow);
  CHECK(parse_error("-1e400") == DecimalParseError::overflow);
  CHECK(parse_error("1e99999999999999999999") == DecimalParseError::overflow);
  CHECK(parse_error("99999999999999999999999999") == DecimalParseError::overflow);
  CHECK_FALSE(Decimal::parse("1e400").has_value());
  // Both too large and too precise: the size is what gets reported.
  CHECK(parse_error("9999950024336.758656415") == DecimalParseError::overflow);
  CHECK(parse_error("9223372036854.7758071") == DecimalParseError::overflow);
  CHECK(parse_error("-9223372036854.7758081") == DecimalParseError::overflow);
  CHECK(parse_error("9223372036854.7758069") == DecimalParseError::too_precise);
  CHECK(parse_error("-9223372036854.7758079") == DecimalParseError::too_precise);
}

TEST_CASE("Decimal parse rejects digits beyond six places", "[util][decimal]") {
  CHECK(parse_error("0.0000001") == DecimalParseError::too_precise);
  CHECK(parse_error("1.1234567") == DecimalParseError::too_precise);
  CHECK(parse_error("-1.0000001") == DecimalParseError::too_precise);
  CHECK(parse_error("123456e-11") == DecimalParseError::too_precise);
  CHECK(parse_error("1e-7") == DecimalParseError::too_precise);
  CHECK(parse_error("1e-400") == DecimalParseError::too_precise);
  CHECK_FALSE(Decimal::parse("0.0000001").has_value());
}

TEST_CASE("Decimal parse rejects malformed text as syntax", "[util][decimal]") {
  for (const char* text : {"", "abc", "1.", ".5", "-", "+", "-.5", "1e", "1e+", "1E-", "e5", "1.5.2", " 1",
                           "1 ", "--1", "+-1", "1,5", "0x10", "1e5.5", "1e1e1", "inf", "NaN", "1_000",
                           "\xef\xbc\x91"}) {
    INFO("text: " << text);
    CHECK(parse_error(text) == DecimalParseError::syntax);
    CHECK_FALSE(Decimal::parse(text).has_value());
  }
  CHECK(parse_error(std::string_view("1\0", 2)) == DecimalParseError::syntax);
}

TEST_CASE("Decimal to_string prints the shortest exact text", "[util][decimal]") {
  CHECK(dec("12").to_string() == "12");
  CHECK(dec("-1.05").to_string() == "-1.05");
  CHECK(dec("0.000001").to_string() == "0.000001");
  CHECK(dec("-0.000001").to_string() == "-0.000001");
  CHECK(dec("1.50000000").to_string() == "1.5");
  CHECK(dec("100.010").to_string() == "100.01");
  CHECK(dec("-0").to_string() == "0");
  CHECK(Decimal{}.to_string() == "0");
  CHECK(Decimal::from_raw(kMax).to_string() == "9223372036854.775807");
  CHECK(Decimal::from_raw(kMin).to_string() == "-9223372036854.775808");
}

TEST_CASE("Decimal to_string with places rounds half away from zero", "[util][decimal]") {
  CHECK(dec("1.005").to_string(2) == "1.01");
  CHECK(dec("-1.005").to_string(2) == "-1.01");
  CHECK(dec("1.004999").to_string(2) == "1.00");
  CHECK(dec("3").to_string(2) == "3.00");
  CHECK(dec("2.5").to_string(0) == "3");
  CHECK(dec("-2.5").to_string(0) == "-3");
  CHECK(dec("0.4").to_string(0) == "0");
  CHECK(dec("-0.4").to_string(0) == "0");       // never "-0"
  CHECK(dec("-0.001").to_string(2) == "0.00");  // never "-0.00"
  CHECK(dec("-0.005").to_string(2) == "-0.01");
  CHECK(dec("0.999999").to_string(3) == "1.000");
  CHECK(dec("1.234567").to_string(6) == "1.234567");
  CHECK(dec("1.5").to_string(8) == "1.50000000");
  CHECK(dec("-1.5").to_string(-3) == "-2");
  CHECK(Decimal::from_raw(kMax).to_string(0) == "9223372036855");
  CHECK(Decimal::from_raw(kMin).to_string(2) == "-9223372036854.78");
}

TEST_CASE("Decimal add and subtract are exact and report overflow", "[util][decimal]") {
  CHECK(show(forbear::add(dec("0.1"), dec("0.2"))) == "0.3");
  CHECK(forbear::add(dec("0.1"), dec("0.2")).value == dec("0.3"));
  CHECK(show(forbear::add(dec("-1.25"), dec("1.25"))) == "0");
  CHECK(show(forbear::subtract(dec("1"), dec("3"))) == "-2");
  CHECK(show(forbear::subtract(dec("0.3"), dec("0.1"))) == "0.2");
  CHECK(show(forbear::add(Decimal::from_raw(kMax), Decimal::from_raw(1))) == "overflow");
  CHECK(show(forbear::add(Decimal::from_raw(kMin), Decimal::from_raw(-1))) == "overflow");
  CHECK(show(forbear::subtract(Decimal::from_raw(kMin), Decimal::from_raw(1))) == "overflow");
  CHECK(show(forbear::subtract(Decimal{}, Decimal::from_raw(kMin))) == "overflow");
  CHECK(forbear::add(Decimal::from_raw(kMax), Decimal{}).value.raw() == kMax);
}

TEST_CASE("Decimal multiply rounds the exact product half away from zero", "[util][decimal]") {
  CHECK(forbear::multiply(dec("0.5"), dec("0.5")).value == dec("0.25"));
  CHECK(show(forbear::multiply(dec("0.5"), dec("0.5"))) == "0.25");
  CHECK(show(forbear::multiply(dec("1.5"), dec("-2"))) == "-3");
  CHECK(show(forbear::multiply(dec("-1.5"), dec("-2"))) == "3");
  CHECK(show(forbear::multiply(dec("19.99"), dec("3"))) == "59.97");
  CHECK(show(forbear::multiply(dec("0.000001"), dec("0.5"))) == "0.000001");
  CHECK(show(forbear::multiply(dec("-0.000001"), dec("0.5"))) == "-0.000001");
  CHECK(show(forbear::multiply(dec("0.000001"), dec("0.4"))) == "0");
  CHECK(show(forbear::multiply(dec("-0.000001"), dec("0.4"))) == "0");
  CHECK(show(forbear::multiply(dec("1000000"), dec("1000000"))) == "1000000000000");
  CHECK(show(forbear::multiply(dec("3000000"), dec("4000000"))) == "overflow");
  CHECK(show(forbear::multiply(Decimal::from_raw(kMax), dec("1"))) == "9223372036854.775807");
  CHECK(show(forbear::multiply(Decimal::from_raw(kMin), dec("-1"))) == "overflow");
}

TEST_CASE("Decimal divide rounds half away from zero and reports division by zero", "[util][decimal]") {
  CHECK(show(forbear::divide(dec("1"), dec("3"))) == "0.333333");
  CHECK(show(forbear::divide(dec("2"), dec("3"))) == "0.666667");
  CHECK(show(forbear::divide(dec("-2"), dec("3"))) == "-0.666667");
  CHECK(show(forbear::divide(dec("2"), dec("-3"))) == "-0.666667");
  CHECK(show(forbear::divide(dec("-2"), dec("-3"))) == "0.666667");
  CHECK(show(forbear::divide(dec("10"), dec("4"))) == "2.5");
  CHECK(show(forbear::divide(dec("1"), dec("8"))) == "0.125");
  CHECK(show(forbear::divide(dec("0.000001"), dec("2"))) == "0.000001");
  CHECK(show(forbear::divide(dec("-0.000001"), dec("2"))) == "-0.000001");
  CHECK(show(forbear::divide(dec("0.000001"), dec("3"))) == "0");
  CHECK(show(forbear::divide(dec("1"), dec("0"))) == "division_by_zero");
  CHECK(show(forbear::divide(dec("0"), dec("0"))) == "division_by_zero");
  CHECK(forbear::divide(dec("1"), dec("0")).error == ArithmeticError::division_by_zero);
  CHECK(show(forbear::divide(Decimal::from_raw(kMax), dec("0.5"))) == "overflow");
  CHECK(show(forbear::divide(dec("9000000000000"), dec("0.000001"))) == "overflow");
  CHECK(show(forbear::divide(Decimal::from_raw(kMin), dec("-1"))) == "overflow");
  CHECK(show(forbear::divide(Decimal::from_raw(kMin), dec("1"))) == "-9223372036854.775808");
}

TEST_CASE("Decimal negate and abs", "[util][decimal]") {
  CHECK(show(forbear::negate(dec("1.5"))) == "-1.5");
  CHECK(show(forbear::negate(dec("-1.5"))) == "1.5");
  CHECK(show(forbear::negate(Decimal{})) == "0");
  CHECK(forbear::negate(Decimal::from_raw(kMax)).value.raw() == -kMax);
  CHECK(show(forbear::negate(Decimal::from_raw(kMin))) == "overflow");
  CHECK(show(forbear::abs(dec("-1.5"))) == "1.5");
  CHECK(show(forbear::abs(dec("1.5"))) == "1.5");
  CHECK(show(forbear::abs(Decimal::from_raw(kMin))) == "overflow");
}

TEST_CASE("Decimal floor and ceil", "[util][decimal]") {
  CHECK(forbear::floor(dec("-1.5")) == dec("-2"));
  CHECK(forbear::floor(dec("1.5")) == dec("1"));
  CHECK(forbear::floor(dec("-2")) == dec("-2"));
  CHECK(forbear::floor(dec("0")) == dec("0"));
  CHECK(forbear::floor(dec("-0.000001")) == dec("-1"));
  CHECK(forbear::floor(dec("0.999999")) == dec("0"));
  CHECK(forbear::ceil(dec("-1.5")) == dec("-1"));
  CHECK(forbear::ceil(dec("1.5")) == dec("2"));
  CHECK(forbear::ceil(dec("2")) == dec("2"));
  CHECK(forbear::ceil(dec("0.000001")) == dec("1"));
  CHECK(forbear::ceil(dec("-0.999999")).to_string() == "0");
  // The floor/ceil of the extreme raw values is not representable; they clamp toward zero.
  CHECK(forbear::floor(Decimal::from_raw(kMin)).to_string() == "-9223372036854");
  CHECK(forbear::floor(Decimal::from_raw(kMax)).to_string() == "9223372036854");
  CHECK(forbear::ceil(Decimal::from_raw(kMax)).to_string() == "9223372036854");
  CHECK(forbear::ceil(Decimal::from_raw(kMin)).to_string() == "-9223372036854");
}

TEST_CASE("Decimal round is half away from zero", "[util][decimal]") {
  CHECK(forbear::round(dec("2.5")).value == dec("3"));
  CHECK(forbear::round(dec("-2.5")).value == dec("-3"));
  CHECK(show(forbear::round(dec("2.499999"))) == "2");
  CHECK(show(forbear::round(dec("-2.499999"))) == "-2");
  CHECK(show(forbear::round(dec("-0.4"))) == "0");
  CHECK(forbear::round(dec("1.005"), 2).value == dec("1.01"));
  CHECK(show(forbear::round(dec("-1.005"), 2)) == "-1.01");
  CHECK(show(forbear::round(dec("1.234567"), 4)) == "1.2346");
  CHECK(show(forbear::round(dec("1.234567"), 6)) == "1.234567");
  CHECK(show(forbear::round(dec("1.234567"), 9)) == "1.234567");  // clamped to 6
  CHECK(show(forbear::round(dec("1.5"), -1)) == "2");            // clamped to 0
  CHECK(show(forbear::round(Decimal::from_raw(kMax))) == "overflow");
  CHECK(show(forbear::round(Decimal::from_raw(kMin))) == "overflow");
  CHECK(show(forbear::round(Decimal::from_raw(kMax), 6)) == "9223372036854.775807");
  CHECK(show(forbear::round(Decimal::from_raw(kMax), 5)) == "overflow");
  CHECK(show(forbear::round(Decimal::from_raw(kMax - 7), 5)) == "9223372036854.7758");
}

TEST_CASE("Decimal from_int, to_int64 and is_integer", "[util][decimal]") {
  CHECK(Decimal::from_int(9'300'000'000'000).error == ArithmeticError::overflow);
  CHECK(Decimal::from_int(-9'300'000'000'000).error == ArithmeticError::overflow);
  CHECK(Decimal::from_int(9'223'372'036'855).error == ArithmeticError::overflow);
  CHECK(show(Decimal::from_int(9'223'372'036'854)) == "9223372036854");
  CHECK(show(Decimal::from_int(-9'223'372'036'854)) == "-9223372036854");
  CHECK(show(Decimal::from_int(-5)) == "-5");
  CHECK(Decimal::from_int(0).value.raw() == 0);
  CHECK(Decimal::from_int(kMax).error == ArithmeticError::overflow);

  CHECK(forbear::to_int64(dec("12")) == 12);
  CHECK(forbear::to_int64(dec("-7")) == -7);
  CHECK(forbear::to_int64(dec("2.9")) == 2);
  CHECK(forbear::to_int64(dec("-2.9")) == -2);
  CHECK(forbear::to_int64(Decimal::from_raw(kMin)) == -9'223'372'036'854);

  CHECK(dec("3").is_integer());
  CHECK(dec("-2").is_integer());
  CHECK(Decimal{}.is_integer());
  CHECK(dec("1.50000000e1").is_integer());
  CHECK_FALSE(dec("3.5").is_integer());
  CHECK_FALSE(dec("-0.000001").is_integer());
}

TEST_CASE("Decimal compares numerically", "[util][decimal]") {
  static_assert(Decimal::from_raw(5).raw() == 5);
  static_assert(Decimal::from_raw(1) < Decimal::from_raw(2));
  static_assert(Decimal{} == Decimal::from_raw(0));
  CHECK(dec("0.1") < dec("0.2"));
  CHECK(dec("-1") < dec("0"));
  CHECK(dec("1.50") == dec("1.5"));
  CHECK(dec("15e-1") == dec("1.5"));
  CHECK(dec("2") > dec("1.999999"));
  CHECK((dec("-3") <=> dec("-3.000001")) == std::strong_ordering::greater);
  CHECK(dec("1") != dec("1.000001"));
}

TEST_CASE("Checked int64 arithmetic reports overflow", "[util][decimal]") {
  using I = std::int64_t;
  CHECK(forbear::add(I{2}, I{3}).value == 5);
  CHECK(forbear::add(kMax, I{0}).value == kMax);
  CHECK(forbear::add(kMax, I{1}).error == ArithmeticError::overflow);
  CHECK(forbear::add(kMin, I{-1}).error == ArithmeticError::overflow);
  CHECK(forbear::add(kMax, kMin).value == -1);
  CHECK(forbear::subtract(I{2}, I{5}).value == -3);
  CHECK(forbear::subtract(kMin, I{1}).error == ArithmeticError::overflow);
  CHECK(forbear::subtract(I{0}, kMin).error == ArithmeticError::overflow);
  CHECK(forbear::subtract(I{-1}, kMin).value == kMax);
  CHECK(forbear::multiply(I{-4}, I{6}).value == -24);
  CHECK(forbear::multiply(I{3'037'000'499}, I{3'037'000'499}).value == 9'223'372'030'926'249'001);
  CHECK(forbear::multiply(I{3'037'000'500}, I{3'037'000'500}).error == ArithmeticError::overflow);
  CHECK(forbear::multiply(kMax, I{2}).error == ArithmeticError::overflow);
  CHECK(forbear::multiply(kMin, I{-1}).error == ArithmeticError::overflow);
  CHECK(forbear::multiply(kMin, I{1}).value == kMin);
  CHECK(forbear::negate(I{5}).value == -5);
  CHECK(forbear::negate(kMax).value == -kMax);
  CHECK(forbear::negate(kMin).error == ArithmeticError::overflow);
  CHECK(forbear::abs(I{-7}).value == 7);
  CHECK(forbear::abs(kMax).value == kMax);
  CHECK(forbear::abs(kMin).error == ArithmeticError::overflow);
  CHECK(forbear::abs(kMin + 1).ok());
  CHECK_FALSE(forbear::abs(kMin).ok());
}
