// Hostile case JSON: parse_case_json answers each malformed, oversized or ambiguous input with one
// clear error (where possible with its line and column), reads numbers exactly, and parse_case
// holds a host's JSON value to the same limits.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::CaseResult;
using forbear::Limits;
using nlohmann::json;

const forbear::RuleSet& rules() {
  static const forbear::RuleSet loaded = forbear::test::load(R"(
ruleset t version "1"
fact n: int
fact amount: number
fact name: text
fact kind: enum(a, b)
fact flag: bool
strategy s { en: "S" }
output twice = amount * 2
rule r when n > 1 then s += 1
)");
  return loaded;
}

// Every error as "field: message", with "@LINE:COLUMN " in front when it has a place.
std::vector<std::string> errors(const CaseResult& result) {
  std::vector<std::string> out;
  for (const auto& e : result.errors) {
    std::string where = e.line > 0 ? "@" + std::to_string(e.line) + ":" + std::to_string(e.column) + " " : "";
    out.push_back(where + e.field + ": " + e.message);
  }
  return out;
}

std::vector<std::string> read(const std::string& text, const Limits& limits = Limits{}) {
  return errors(forbear::parse_case_json(rules(), text, limits));
}

// The value of fact `name` in a case that must read without error.
forbear::Value fact(const std::string& text, std::size_t slot) {
  const auto result = forbear::parse_case_json(rules(), text);
  INFO(forbear::test::case_errors(result));
  REQUIRE(result.ok());
  return result.value->facts()[slot];
}

}  // namespace

TEST_CASE("case limits: malformed JSON text is one error at its line and column", "[limits][case]") {
  CHECK(read("") == std::vector<std::string>{"@1:1 : invalid JSON: empty input (expected a JSON object of facts)"});
  CHECK(read(" \n\t ") == std::vector<std::string>{"@1:1 : invalid JSON: empty input (expected a JSON object of facts)"});
  CHECK(read(R"({"n": 1} xyz)") ==
        std::vector<std::string>{"@1:10 : invalid JSON: syntax error while parsing value - invalid literal; last read: '1} x'; "
                                 "expected end of input"});
  CHECK(read("{\"n\": 1}\n{}") ==
        std::vector<std::string>{"@2:1 : invalid JSON: syntax error while parsing value - unexpected '{'; expected end of input"});
  CHECK(read(R"({"n": NaN})") ==
        std::vector<std::string>{"@1:7 : invalid JSON: syntax error while parsing value - invalid literal; last read: '\"n\": N'"});
  CHECK(read(R"({"amount": Infinity})") ==
        std::vector<std::string>{"@1:12 : invalid JSON: syntax error while parsing value - invalid literal; last read: '\"amount\": I'"});
  CHECK(read(R"({"amount": -Infinity})") ==
        std::vector<std::string>{"@1:13 : invalid JSON: syntax error while parsing value - invalid number; expected digit after '-'; "
                                 "last read: '-I'"});
  CHECK(read(R"({"amount": 1e400})") == std::vector<std::string>{": invalid JSON: number overflow parsing '1e400'"});
  // The byte after 0xE9 shows that it does not start a character.
  CHECK(read("{\"name\": \"caf\xE9\"}") ==
        std::vector<std::string>{"@1:15 : invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
                                 "last read: '\"caf<0xE9>\"'"});
  CHECK(read("{\"n\": 1") ==
        std::vector<std::string>{"@1:8 : invalid JSON: syntax error while parsing object - unexpected end of input; expected '}'"});
  // nlohmann's reader would stop at a NUL and ignore what follows it.
  CHECK(read(std::string("{\"n\": 1}") + '\0' + "{\"n\": 2}") ==
        std::vector<std::string>{"@1:9 : invalid JSON: NUL byte (JSON text has none)"});
  CHECK(read(std::string("{\"name\": \"a") + '\0' + "b\"}") ==
        std::vector<std::string>{"@1:12 : invalid JSON: NUL byte (JSON text has none)"});
}

TEST_CASE("case limits: a key given twice is an error, not the last one winning", "[limits][case]") {
  CHECK(read(R"({"n": 1, "n": 2})") == std::vector<std::string>{"n: given twice (each key once)"});
  CHECK(read(R"({"id": {"a": 1, "a": 2}})") == std::vector<std::string>{"id: key 'a' given twice in one object"});
  // Without the duplicate the same case reads.
  CHECK(read(R"({"n": 1, "id": {"a": 1, "b": 2}})").empty());
}

TEST_CASE("case limits: wrong types name the field, the expected type and the value", "[limits][case]") {
  CHECK(read(R"({"n": "12"})") == std::vector<std::string>{"n: expected int, got a string \"12\""});
  CHECK(read(R"({"n": true})") == std::vector<std::string>{"n: expected int, got a bool true"});
  CHECK(read(R"({"n": [1]})") == std::vector<std::string>{"n: expected int, got an array [1]"});
  CHECK(read(R"({"amount": {"v": 1}})") == std::vector<std::string>{"amount: expected number, got an object {\"v\":1}"});
  CHECK(read(R"({"flag": 1})") == std::vector<std::string>{"flag: expected bool, got an integer 1"});
  CHECK(read(R"({"name": 5})") == std::vector<std::string>{"name: expected text, got an integer 5"});
  CHECK(read(R"({"kind": "c"})") == std::vector<std::string>{"kind: expected one of a, b, got \"c\" (did you mean 'a'?)"});
  CHECK(read(R"([1, 2])") == std::vector<std::string>{": expected a JSON object of facts, got an array"});
  CHECK(read(R"("facts")") == std::vector<std::string>{": expected a JSON object of facts, got a string"});
  CHECK(read(R"(null)") == std::vector<std::string>{": expected a JSON object of facts, got null"});
  // A text fact may hold tabs and line breaks, but no other control character (reports print it).
  CHECK(read(R"({"name": "a\tb\r\nc"})").empty());
  CHECK(read(R"({"name": "red \u001b[31m"})") ==
        std::vector<std::string>{"name: expected text without control characters, got 0x1B at offset 4"});
  CHECK(read(R"({"name": "a\u0000"})") == std::vector<std::string>{"name: expected text without control characters, got 0x00 at offset 1"});
  // A key with a control character is shown escaped.
  CHECK(read(R"({"a\u001bb": 1})") == std::vector<std::string>{"\"a\\u001bb\": unknown fact '\"a\\u001bb\"'"});
  // Every error is reported, in key order.
  CHECK(read(R"({"name": 1, "flag": "yes"})") ==
        std::vector<std::string>{"flag: expected bool, got a string \"yes\"", "name: expected text, got an integer 1"});
}

TEST_CASE("case limits: integers beyond int64 and whole numbers written as decimals", "[limits][case]") {
  CHECK(std::get<std::int64_t>(fact(R"({"n": 9223372036854775807})", 0)) == std::numeric_limits<std::int64_t>::max());
  CHECK(std::get<std::int64_t>(fact(R"({"n": -9223372036854775808})", 0)) == std::numeric_limits<std::int64_t>::min());
  CHECK(read(R"({"n": 9223372036854775808})") ==
        std::vector<std::string>{"n: expected int, got 9223372036854775808, which is beyond the int range"});
  CHECK(read(R"({"n": -9223372036854775809})") ==
        std::vector<std::string>{"n: expected int, got -9223372036854775809, which is beyond the int range"});
  CHECK(read(R"({"n": 123456789012345678901234567890})") ==
        std::vector<std::string>{"n: expected int, got 123456789012345678901234567890, which is beyond the int range"});
  // Whole numbers written with a fraction or an exponent are read exactly, not through a double
  // (9007199254740993 is not a double).
  CHECK(std::get<std::int64_t>(fact(R"({"n": 45.0})", 0)) == 45);
  CHECK(std::get<std::int64_t>(fact(R"({"n": 9007199254740993.0})", 0)) == 9007199254740993);
  CHECK(std::get<std::int64_t>(fact(R"({"n": 1.5e3})", 0)) == 1500);
  CHECK(std::get<std::int64_t>(fact(R"({"n": 0e999999999999})", 0)) == 0);
  CHECK(read(R"({"n": 4.5})") == std::vector<std::string>{"n: expected int, got 4.5, which is not a whole number"});
  CHECK(read(R"({"n": 1e-1})") == std::vector<std::string>{"n: expected int, got 1e-1, which is not a whole number"});
  CHECK(read(R"({"n": 1e19})") == std::vector<std::string>{"n: expected int, got 1e19, which is beyond the int range"});
  CHECK(read(R"({"n": 1e999999999999})") == std::vector<std::string>{": invalid JSON: number overflow parsing '1e999999999999'"});
}

TEST_CASE("case limits: decimal numbers are read exactly as written", "[limits][case]") {
  // 19 significant digits: a double would keep about 16 of them.
  CHECK(std::get<forbear::Decimal>(fact(R"({"amount": 1234567890123.123456})", 1)).to_string() == "1234567890123.123456");
  CHECK(std::get<forbear::Decimal>(fact(R"({"amount": 0.1})", 1)).to_string() == "0.1");
  CHECK(std::get<forbear::Decimal>(fact(R"({"amount": 2.5E-3})", 1)).to_string() == "0.0025");
  CHECK(std::get<forbear::Decimal>(fact(R"({"amount": 9223372036854})", 1)).to_string() == "9223372036854");
  CHECK(read(R"({"amount": 0.0000001})") == std::vector<std::string>{"amount: expected number with at most 6 decimal places, got 0.0000001"});
  CHECK(read(R"({"amount": 1234567.1234567})") ==
        std::vector<std::string>{"amount: expected number with at most 6 decimal places, got 1234567.1234567"});
  CHECK(read(R"({"amount": 9223372036855})") == std::vector<std::string>{"amount: expected number within about +-9.2e12, got 9223372036855"});
  CHECK(read(R"({"amount": 1e300})") == std::vector<std::string>{"amount: expected number within about +-9.2e12, got 1e300"});
}

TEST_CASE("case limits: huge strings, deep nesting and oversized input", "[limits][case]") {
  Limits limits;
  limits.max_case_string_bytes = 8;
  limits.max_case_depth = 3;
  limits.max_case_bytes = 64;
  CHECK(read(R"({"name": "12345678"})", limits).empty());
  CHECK(read(R"({"name": "123456789"})", limits) == std::vector<std::string>{"name: a string of 9 bytes, longer than the limit of 8 bytes"});
  CHECK(read(R"({"id": ["123456789"]})", limits) == std::vector<std::string>{"id: a string of 9 bytes, longer than the limit of 8 bytes"});
  CHECK(read(R"({"123456789": 1})", limits) == std::vector<std::string>{": a key of 9 bytes, longer than the limit of 8 bytes"});
  // The case object is level 1: "id" may hold two more levels.
  CHECK(read(R"({"id": [[1]]})", limits).empty());
  CHECK(read(R"({"id": [[[1]]]})", limits) == std::vector<std::string>{"id: nested deeper than 3 levels (the limit)"});
  const std::string spaced = R"({"id": 1,)" + std::string(48, ' ') + R"("n": 2})";
  REQUIRE(spaced.size() == 64);
  CHECK(read(spaced, limits).empty());
  CHECK(read(spaced + " ", limits) == std::vector<std::string>{": case of 65 bytes, larger than the limit of 64 bytes"});

  // The defaults: 64 KiB strings, 32 levels, 1 MiB cases; 100,000 levels cannot overflow the stack.
  CHECK(read(R"({"name": ")" + std::string(65537, 'x') + "\"}") ==
        std::vector<std::string>{"name: a string of 65537 bytes, longer than the limit of 65536 bytes"});
  CHECK(read(R"({"id": )" + std::string(100'000, '[') + std::string(100'000, ']') + "}") ==
        std::vector<std::string>{"id: nested deeper than 32 levels (the limit)"});
  CHECK(read(std::string(100'000, '[') + std::string(100'000, ']')) ==
        std::vector<std::string>{": nested deeper than 32 levels (the limit)"});
  CHECK(read(R"({"id": ")" + std::string(2 * 1024 * 1024, 'x') + "\"}") ==
        std::vector<std::string>{": case of 2097162 bytes, larger than the limit of 1048576 bytes"});
}

TEST_CASE("case limits: parse_case holds a host's JSON value to the same limits", "[limits][case]") {
  Limits limits;
  limits.max_case_string_bytes = 8;
  limits.max_case_depth = 3;
  const auto check = [&](const json& facts) { return errors(forbear::parse_case(rules(), facts, limits)); };
  CHECK(check({{"name", "12345678"}}).empty());
  CHECK(check({{"name", "123456789"}}) == std::vector<std::string>{"name: a string of 9 bytes, longer than the limit of 8 bytes"});
  CHECK(check({{"123456789", 1}}) == std::vector<std::string>{": a key of 9 bytes, longer than the limit of 8 bytes"});
  CHECK(check({{"id", json::array({json::array({1})})}}).empty());
  CHECK(check({{"id", json::array({json::array({json::array({1})})})}}) ==
        std::vector<std::string>{"id: nested deeper than 3 levels (the limit)"});

  // A value 100,000 levels deep is walked without recursion.
  json deep = json::array();
  for (int i = 0; i < 100'000; ++i) deep = json::array({std::move(deep)});
  CHECK(errors(forbear::parse_case(rules(), {{"id", std::move(deep)}})) ==
        std::vector<std::string>{"id: nested deeper than 32 levels (the limit)"});

  // Strings that are not UTF-8, NaN and infinities can be built in C++, though not written in JSON.
  CHECK(check({{"name", "caf\xE9"}}) == std::vector<std::string>{"name: a string that is not UTF-8 (byte 0xE9 at offset 3)"});
  CHECK(check({{"caf\xE9", 1}}) == std::vector<std::string>{": a key that is not UTF-8 (byte 0xE9 at offset 3)"});
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double infinity = std::numeric_limits<double>::infinity();
  CHECK(check({{"n", nan}}) == std::vector<std::string>{"n: expected int, got a number NaN"});
  CHECK(check({{"amount", infinity}}) == std::vector<std::string>{"amount: expected number, got a number Infinity"});
  CHECK(check({{"amount", -infinity}}) == std::vector<std::string>{"amount: expected number, got a number -Infinity"});
}

TEST_CASE("case limits: a case with thousands of unknown keys is read quickly, suggestions for the first 1,000", "[limits][case]") {
  const auto rules = forbear::test::load("ruleset t version \"1\"\nfact abcdefghijkl: int\nstrategy s { en: \"S\" }\n");
  // 1,500 keys abcdefgh0000 ... abcdefgh1499, each 4 edits from the fact's name: close enough to suggest.
  std::string text = "{";
  for (int i = 0; i < 1500; ++i) {
    char key[16];
    std::snprintf(key, sizeof key, "abcdefgh%04d", i);
    text += std::string(i > 0 ? ", \"" : "\"") + key + "\": 1";
  }
  text += "}";
  const auto got = errors(forbear::parse_case_json(rules, text));
  REQUIRE(got.size() == 1500);
  CHECK(got[0] == "abcdefgh0000: unknown fact 'abcdefgh0000' (did you mean 'abcdefghijkl'?)");
  CHECK(got[999] == "abcdefgh0999: unknown fact 'abcdefgh0999' (did you mean 'abcdefghijkl'?)");
  CHECK(got[1000] == "abcdefgh1000: unknown fact 'abcdefgh1000'");
}
