// Regressions found in review: each test pins one fixed behaviour.

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using nlohmann::json;
using forbear::test::load;
using forbear::test::run;
using forbear::test::trace_of;

TEST_CASE("sets match negative literals", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
fact n: number
strategy s { en: "s" }
rule neg_in when x in {-3} then s += 1 because "a" source "s"
rule neg_not_in when x not in {-3} then s += 10 because "b" source "s"
rule neg_number when n in {-1.5, 2} then s += 100 because "c" source "s"
)");
  const auto result = run(rules, {{"x", -3}, {"n", -1.5}});
  CHECK(trace_of(result, "neg_in").condition == "x (-3) in {-3} \xE2\x86\x92 true");
  CHECK(trace_of(result, "neg_not_in").status == "not_fired");
  CHECK(trace_of(result, "neg_number").status == "fired");
  CHECK(result.strategies.at(0).score.to_string() == "101");
}

TEST_CASE("a case read against one rule set is refused by another", "[eval]") {
  const auto first = load("ruleset a version \"1\"\nfact x: number\n", "a.rules");
  const auto second = load("ruleset b version \"1\"\nfact x: int\noutput y = x + 1\n", "b.rules");
  const auto parsed = forbear::parse_case(first, {{"x", 2.5}});
  REQUIRE(parsed.ok());
  CHECK(parsed.value->bound_to(first));
  CHECK_FALSE(parsed.value->bound_to(second));
  CHECK_THROWS_AS(forbear::advise(second, *parsed.value), std::invalid_argument);
  const forbear::RuleSet copy = first;  // copies share the compiled program
  CHECK(parsed.value->bound_to(copy));
  CHECK_NOTHROW(forbear::advise(copy, *parsed.value));
}

TEST_CASE("missing facts leave out the branch an if did not take", "[eval][logic]") {
  const auto rules = load(R"(
ruleset t version "1"
fact a: int
fact b: int
fact c: int
let v = if a > 0 then b else c
strategy s { en: "s" }
rule r1 when v > 5 then s += 3 because "r1" source "s"
)");
  const auto result = run(rules, {{"a", 1}});
  REQUIRE(result.missing.size() == 1);
  CHECK(result.missing[0].fact == "b");
  CHECK(trace_of(result, "r1").missing == std::vector<std::string>{"b"});
  const auto undecided = run(rules, json::object());
  std::vector<std::string> facts;
  for (const auto& m : undecided.missing) facts.push_back(m.fact);
  CHECK(facts == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a veto written twice counts once", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
strategy c { en: "c" }
rule r1 when x > 0 then exclude c, exclude c because "twice" source "s"
)");
  const auto fired = run(rules, {{"x", 1}});
  REQUIRE(fired.excluded.size() == 1);
  CHECK(fired.excluded[0].vetoed_by.size() == 1);
  const auto unknown = run(rules, json::object());
  REQUIRE(unknown.missing.size() == 1);
  CHECK(unknown.missing[0].weight.to_string() == "100");
}

TEST_CASE("the trace stays valid syntax for nested comparisons and negations", "[eval][trace]") {
  const auto rules = load(R"(
ruleset t version "1"
fact i: int
fact b: bool
strategy s { en: "s" }
rule cmp when (i < 3) == b then s += 1 because "c" source "s"
rule neg when -(-i) > 0 then s += 1 because "n" source "s"
)");
  const auto result = run(rules, {{"i", 2}, {"b", true}});
  CHECK(trace_of(result, "cmp").condition == "(i (2) < 3) == b (true) \xE2\x86\x92 true");
  CHECK(trace_of(result, "neg").condition == "-(-i (2)) > 0 \xE2\x86\x92 true");
}

TEST_CASE("facts of identically declared enums compare with each other", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact before: enum(low, high)
fact after: enum(low, high)
strategy s { en: "s" }
rule same when before == after then s += 1 because "same" source "s"
)");
  CHECK(trace_of(run(rules, {{"before", "low"}, {"after", "low"}}), "same").status == "fired");
  CHECK(trace_of(run(rules, {{"before", "low"}, {"after", "high"}}), "same").status == "not_fired");
}

}  // namespace
