// parse_case: binding a JSON object of facts to a rule set, and every error it reports.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"

namespace {

using nlohmann::json;

const char* const kRules = R"(
ruleset cases version "1"
fact days_overdue: int
fact amount: number
fact has_proof: bool
fact hardship: enum(none, illness, job_loss)
fact note: text
fact rate: number = 0.5
let surplus = amount - 1
output months = ceil(amount / 3)
strategy s { en: "S" }
)";

const forbear::RuleSet& rules() {
  static const forbear::RuleSet loaded = [] {
    auto result = forbear::load_rules_from_string(kRules, "cases.rules");
    if (!result.ok()) throw std::runtime_error(result.rendered_diagnostics());
    return *result.rules;
  }();
  return loaded;
}

std::string errors_of(const forbear::CaseResult& parsed) {
  std::string out;
  for (const auto& e : parsed.errors) out += "[" + e.field + "] " + e.message + "\n";
  return out;
}

// The single error parse_case reports for `facts`, as "[field] message".
std::string single_error(const json& facts) {
  const auto parsed = forbear::parse_case(rules(), facts);
  CHECK_FALSE(parsed.ok());
  INFO(errors_of(parsed));
  REQUIRE(parsed.errors.size() == 1);
  return "[" + parsed.errors[0].field + "] " + parsed.errors[0].message;
}

const forbear::Value& fact(const forbear::Case& c, std::size_t slot) { return c.facts().at(slot); }

}  // namespace

TEST_CASE("a well-formed case binds every fact in declaration order", "[io]") {
  const auto parsed = forbear::parse_case(rules(), {{"note", "hello"},
                                                    {"hardship", "illness"},
                                                    {"has_proof", true},
                                                    {"amount", 1234.56},
                                                    {"days_overdue", 45},
                                                    {"id", "case-1"}});
  INFO(errors_of(parsed));
  REQUIRE(parsed.ok());
  CHECK(parsed.errors.empty());
  const auto& c = *parsed.value;
  REQUIRE(c.facts().size() == 6);
  CHECK(std::get<std::int64_t>(fact(c, 0)) == 45);
  CHECK(std::get<forbear::Decimal>(fact(c, 1)).to_string() == "1234.56");
  CHECK(std::get<bool>(fact(c, 2)) == true);
  CHECK(std::get<forbear::EnumMember>(fact(c, 3)).index == 1);
  CHECK(std::get<std::string>(fact(c, 4)) == "hello");
  CHECK_FALSE(forbear::is_known(fact(c, 5)));  // defaults are applied by advise, not here
  CHECK(c.id() == json("case-1"));

  SECTION("integers are accepted for numbers, exactly") {
    const auto p = forbear::parse_case(rules(), {{"amount", 130000}, {"rate", 0.000001}});
    REQUIRE(p.ok());
    CHECK(std::get<forbear::Decimal>(fact(*p.value, 1)).to_string() == "130000");
    CHECK(std::get<forbear::Decimal>(fact(*p.value, 5)).to_string() == "0.000001");
  }
  SECTION("six decimals are fine; trailing zeros do not count") {
    const auto p = forbear::parse_case(rules(), json::parse(R"({"amount": 0.123456, "rate": 1.5000000})"));
    INFO(errors_of(p));
    REQUIRE(p.ok());
    CHECK(std::get<forbear::Decimal>(fact(*p.value, 1)).to_string() == "0.123456");
    CHECK(std::get<forbear::Decimal>(fact(*p.value, 5)).to_string() == "1.5");
  }
}

TEST_CASE("null and absent facts are unknown", "[io]") {
  const auto parsed = forbear::parse_case(rules(), {{"days_overdue", nullptr}, {"has_proof", nullptr}, {"amount", 5}});
  REQUIRE(parsed.ok());
  const auto& c = *parsed.value;
  CHECK_FALSE(forbear::is_known(fact(c, 0)));
  CHECK(forbear::is_known(fact(c, 1)));
  CHECK_FALSE(forbear::is_known(fact(c, 2)));
  CHECK_FALSE(forbear::is_known(fact(c, 3)));
  CHECK(c.id().is_null());

  // advise then uses the default for a null fact that has one.
  const auto null_rate = forbear::parse_case(rules(), {{"rate", nullptr}});
  REQUIRE(null_rate.ok());
  CHECK_FALSE(forbear::is_known(fact(*null_rate.value, 5)));

  const auto empty = forbear::parse_case(rules(), json::object());
  REQUIRE(empty.ok());
  for (const auto& v : empty.value->facts()) CHECK_FALSE(forbear::is_known(v));
}

TEST_CASE("a value of the wrong type names the field, the type expected and what was given", "[io]") {
  CHECK(single_error({{"days_overdue", "45"}}) == R"([days_overdue] expected int, got a string "45")");
  CHECK(single_error({{"days_overdue", true}}) == "[days_overdue] expected int, got a bool true");
  CHECK(single_error({{"days_overdue", json::array({1})}}) == "[days_overdue] expected int, got an array [1]");
  CHECK(single_error({{"amount", "1200"}}) == R"([amount] expected number, got a string "1200")");
  CHECK(single_error({{"amount", false}}) == "[amount] expected number, got a bool false");
  CHECK(single_error({{"amount", {{"value", 1}}}}) == R"([amount] expected number, got an object {"value":1})");
  CHECK(single_error({{"has_proof", 1}}) == "[has_proof] expected bool, got an integer 1");
  CHECK(single_error({{"has_proof", "yes"}}) == R"([has_proof] expected bool, got a string "yes")");
  CHECK(single_error({{"has_proof", 0.5}}) == "[has_proof] expected bool, got a number 0.5");
  CHECK(single_error({{"note", 5}}) == "[note] expected text, got an integer 5");
  CHECK(single_error({{"note", json::array({"a", "b"})}}) == R"([note] expected text, got an array ["a","b"])");
  CHECK(single_error({{"hardship", 2}}) == "[hardship] expected enum(none, illness, job_loss), got an integer 2");
  CHECK(single_error({{"hardship", true}}) == "[hardship] expected enum(none, illness, job_loss), got a bool true");
}

TEST_CASE("an int fact rejects fractions and values beyond the int range", "[io]") {
  CHECK(single_error({{"days_overdue", 2.5}}) == "[days_overdue] expected int, got 2.5, which is not a whole number");
  CHECK(single_error({{"days_overdue", 1e19}}) == "[days_overdue] expected int, got 1e+19, which is beyond the int range");
  const auto whole = forbear::parse_case(rules(), {{"days_overdue", 45.0}});
  REQUIRE(whole.ok());
  CHECK(std::get<std::int64_t>(fact(*whole.value, 0)) == 45);
  CHECK(single_error(json::parse(R"({"days_overdue": 9223372036854775808})")) ==
        "[days_overdue] expected int, got 9223372036854775808, which is beyond the int range");
  const auto largest = forbear::parse_case(rules(), json::parse(R"({"days_overdue": 9223372036854775807})"));
  REQUIRE(largest.ok());
  CHECK(std::get<std::int64_t>(fact(*largest.value, 0)) == INT64_MAX);
  const auto negative = forbear::parse_case(rules(), {{"days_overdue", -3}});
  REQUIRE(negative.ok());
  CHECK(std::get<std::int64_t>(fact(*negative.value, 0)) == -3);
}

TEST_CASE("a number fact rejects more than 6 decimals and values out of range", "[io]") {
  CHECK(single_error(json::parse(R"({"amount": 0.1234567})")) ==
        "[amount] expected number with at most 6 decimal places, got 0.1234567");
  CHECK(single_error(json::parse(R"({"amount": 1e-7})")) ==
        "[amount] expected number with at most 6 decimal places, got 1e-07");
  CHECK(single_error(json::parse(R"({"amount": 10000000000000})")) ==
        "[amount] expected number within about +-9.2e12, got 10000000000000");
}

TEST_CASE("an enum value must be a member, with a suggestion when one is close", "[io]") {
  CHECK(single_error({{"hardship", "ilness"}}) ==
        R"([hardship] expected one of none, illness, job_loss, got "ilness" (did you mean 'illness'?))");
  CHECK(single_error({{"hardship", "job-loss"}}) ==
        R"([hardship] expected one of none, illness, job_loss, got "job-loss" (did you mean 'job_loss'?))");
  CHECK(single_error({{"hardship", "bankruptcy"}}) == R"([hardship] expected one of none, illness, job_loss, got "bankruptcy")");
  CHECK(single_error({{"hardship", "Illness"}}) ==
        R"([hardship] expected one of none, illness, job_loss, got "Illness" (did you mean 'illness'?))");
}

TEST_CASE("unknown fields and derived facts are rejected", "[io]") {
  CHECK(single_error({{"amout", 5}}) == "[amout] unknown fact 'amout' (did you mean 'amount'?)");
  CHECK(single_error({{"days_overdu", 5}}) == "[days_overdu] unknown fact 'days_overdu' (did you mean 'days_overdue'?)");
  CHECK(single_error({{"colour", "red"}}) == "[colour] unknown fact 'colour'");
  CHECK(single_error({{"surplus", 3}}) == "[surplus] 'surplus' is derived by the rules and cannot be given in a case");
  CHECK(single_error({{"months", nullptr}}) == "[months] 'months' is derived by the rules and cannot be given in a case");
  // "id" is not a fact, but it is always allowed.
  CHECK(forbear::parse_case(rules(), {{"id", {{"any", "thing"}}}}).ok());
}

TEST_CASE("a case that is not a JSON object is rejected as a whole", "[io]") {
  CHECK(single_error(json::array({1, 2})) == "[] expected a JSON object of facts, got an array");
  CHECK(single_error(json("days_overdue")) == "[] expected a JSON object of facts, got a string");
  CHECK(single_error(json(nullptr)) == "[] expected a JSON object of facts, got null");
  CHECK(single_error(json(3)) == "[] expected a JSON object of facts, got an integer");
}

TEST_CASE("every error in a case is reported, not just the first", "[io]") {
  const auto parsed = forbear::parse_case(rules(), {{"days_overdue", "x"},
                                                    {"amout", 1},
                                                    {"hardship", "ilness"},
                                                    {"surplus", 1},
                                                    {"has_proof", 1},
                                                    {"amount", 0.1234567},
                                                    {"note", "fine"}});
  CHECK_FALSE(parsed.ok());
  std::vector<std::string> fields;
  for (const auto& e : parsed.errors) fields.push_back(e.field);
  std::sort(fields.begin(), fields.end());
  CHECK(fields == std::vector<std::string>{"amount", "amout", "days_overdue", "hardship", "has_proof", "surplus"});
  CHECK_THAT(errors_of(parsed), Catch::Contains("[days_overdue] expected int, got a string \"x\"\n"));
  CHECK_THAT(errors_of(parsed), Catch::Contains("[has_proof] expected bool, got an integer 1\n"));
}

TEST_CASE("a long value is shortened in the message", "[io]") {
  const std::string long_text(100, 'x');
  const std::string message = single_error({{"days_overdue", long_text}});
  CHECK(message == "[days_overdue] expected int, got a string \"" + std::string(56, 'x') + "...");
}

TEST_CASE("a fact's declared range is enforced on case input", "[io]") {
  auto loaded = forbear::load_rules_from_string(R"(
ruleset ranged version "1"
fact days: int in 0..
fact amount: number in 0..1000000
fact calls: int in ..10
)", "ranged.rules");
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  const auto& ranged = *loaded.rules;
  const auto parsed = forbear::parse_case(ranged, {{"days", -5}, {"amount", 2000000.5}, {"calls", 11}});
  CHECK(errors_of(parsed) ==
        "[amount] expected number from 0 to 1000000, got 2000000.5\n"
        "[calls] expected int <= 10, got 11\n"
        "[days] expected int >= 0, got -5\n");
  CHECK(forbear::parse_case(ranged, {{"days", 0}, {"amount", 1000000}, {"calls", -3}}).ok());  // bounds are inclusive
}
