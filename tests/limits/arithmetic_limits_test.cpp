// Arithmetic on hostile values: division by zero and every kind of overflow give an unknown value
// and a fault that names where it happened (in the result, its JSON and its text report), and
// money rounds half away from zero on exact decimals. Nothing is undefined behaviour (the sanitizer
// build runs these tests too).

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::test::output;
using nlohmann::json;

const char* const kRules = R"(ruleset t version "1"
fact n: int
fact m: int
fact amount: number
fact d: number
output q = amount / d
output third = 2 / 3
output r2 = round(amount, 2)
output r0 = round(amount)
output neg = -n
output absolute = abs(n)
output sum = n + m
output product = n * m
output scaled = amount * 1000000
output mixed = amount + n
strategy s { en: "S" }
rule r when amount / d > 1 then s += 1 because "." source "s"
)";

// Every fault as "where: message (location)".
std::vector<std::string> faults(const forbear::AdviceResult& result) {
  std::vector<std::string> out;
  for (const auto& f : result.faults) out.push_back(f.where + ": " + f.message + " (" + f.location + ")");
  return out;
}

}  // namespace

TEST_CASE("arithmetic limits: the extreme ints overflow into faults, never undefined behaviour", "[limits][arithmetic]") {
  const auto rules = forbear::test::load(kRules);
  const auto result = forbear::test::run(
      rules, {{"n", std::numeric_limits<std::int64_t>::min()}, {"m", -1}, {"amount", 1}, {"d", 1}});
  CHECK(output(result, "neg").is_null());
  CHECK(output(result, "absolute").is_null());
  CHECK(output(result, "sum").is_null());
  CHECK(output(result, "product").is_null());  // INT64_MIN * -1
  CHECK(output(result, "mixed").is_null());    // INT64_MIN is no number (about +-9.2e12)
  CHECK(faults(result) == std::vector<std::string>{
                              "neg: arithmetic overflow (t.rules:10)",
                              "absolute: arithmetic overflow (t.rules:11)",
                              "sum: arithmetic overflow (t.rules:12)",
                              "product: arithmetic overflow (t.rules:13)",
                              "mixed: arithmetic overflow (t.rules:15)",
                          });
  const auto text = forbear::render_text(result, "en");
  CHECK_THAT(text, Catch::Contains("  - neg: arithmetic overflow (t.rules:10)\n"));
  CHECK(forbear::to_json(result)["faults"][0] ==
        nlohmann::ordered_json{{"where", "neg"}, {"message", "arithmetic overflow"}, {"location", "t.rules:10"}});

  const auto largest = forbear::test::run(rules, {{"n", std::numeric_limits<std::int64_t>::max()}, {"m", 1}, {"amount", 1}, {"d", 1}});
  CHECK(output(largest, "neg") == json(-std::numeric_limits<std::int64_t>::max()));
  CHECK(output(largest, "sum").is_null());
  CHECK(faults(largest) == std::vector<std::string>{"sum: arithmetic overflow (t.rules:12)", "mixed: arithmetic overflow (t.rules:15)"});
}

TEST_CASE("arithmetic limits: division by zero and decimal overflow", "[limits][arithmetic]") {
  const auto rules = forbear::test::load(kRules);
  const auto result = forbear::test::run(rules, {{"n", 1}, {"m", 1}, {"amount", 9000000000000LL}, {"d", 0}});
  CHECK(output(result, "q").is_null());
  CHECK(output(result, "scaled").is_null());
  CHECK(forbear::test::trace_of(result, "r").status == "unknown");
  CHECK(faults(result) == std::vector<std::string>{
                              "q: division by zero (t.rules:6)",
                              "scaled: arithmetic overflow (t.rules:14)",
                              "r: division by zero (t.rules:17)",
                          });
  // The trace shows the unknown value where it came from.
  CHECK_THAT(forbear::test::trace_of(result, "r").condition, Catch::Contains("unknown"));
}

TEST_CASE("arithmetic limits: money rounds half away from zero on exact decimals", "[limits][arithmetic]") {
  const auto rules = forbear::test::load(kRules);
  const auto at = [&](const char* amount) {
    const auto parsed = forbear::parse_case_json(rules, std::string(R"({"n": 1, "m": 1, "d": 3, "amount": )") + amount + "}");
    REQUIRE(parsed.ok());
    return forbear::advise(rules, *parsed.value);
  };
  // 1.005 and 2.675 are not doubles (a double rounds them down); as decimals they round up.
  CHECK(output(at("1.005"), "r2") == json(1.01));
  CHECK(output(at("2.675"), "r2") == json(2.68));
  CHECK(output(at("-2.675"), "r2") == json(-2.68));
  CHECK(output(at("2.5"), "r0") == json(3));
  CHECK(output(at("-2.5"), "r0") == json(-3));
  CHECK(output(at("0.004999"), "r2") == json(0));
  // Division keeps 6 decimals, the last rounded half away from zero.
  CHECK(output(at("1"), "third") == json(0.666667));
  CHECK(output(at("1"), "q") == json(0.333333));
  CHECK(output(at("2"), "q") == json(0.666667));
  CHECK(faults(at("1")).empty());
}
