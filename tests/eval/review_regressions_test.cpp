// Regressions found in review: each test pins one fixed behaviour.

#include <catch2/catch.hpp>

#include <optional>
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

namespace {

TEST_CASE("missing facts include those read through known()", "[eval][logic]") {
  const auto rules = load(R"(
ruleset t version "1"
fact income: number
fact expenses: number
fact days: int
strategy plan { en: "plan" }
strategy ask { en: "ask" }
let budget_valid = known(income) and known(expenses)
let surplus = if budget_valid then income - expenses else unknown
output monthly = surplus
rule can_pay when surplus > 100 then plan += 10 because "b" source "s"
rule ask_for_budget when not budget_valid then ask += 1 because "a" source "s"
rule late when days > 30 then plan += 1 because "l" source "s"
)");
  const auto result = run(rules, {{"days", 45}});
  std::vector<std::pair<std::string, std::string>> missing;
  for (const auto& m : result.missing) missing.emplace_back(m.fact, m.weight.to_string());
  CHECK(missing == std::vector<std::pair<std::string, std::string>>{{"income", "11"}, {"expenses", "11"}});
  // The fired rule's outcome also hangs on the missing budget, and the trace says so.
  CHECK(trace_of(result, "ask_for_budget").status == "fired");
  CHECK(trace_of(result, "ask_for_budget").missing == std::vector<std::string>{"income", "expenses"});
  CHECK(trace_of(result, "late").missing.empty());
}

TEST_CASE("missing facts follow a derived fact read many times once", "[eval][logic]") {
  std::string text = "ruleset t version \"1\"\nfact x0: int\nstrategy s { en: \"s\" }\n";
  for (int i = 1; i <= 40; ++i) {
    text += "let x" + std::to_string(i) + " = x" + std::to_string(i - 1) + " + x" + std::to_string(i - 1) + "\n";
  }
  text += "rule r when x40 > 0 then s += 1 because \"b\" source \"s\"\n";
  const auto result = run(load(text), json::object());  // 2^40 paths if each use were followed again
  REQUIRE(result.missing.size() == 1);
  CHECK(result.missing[0].fact == "x0");
}

}  // namespace

namespace {

TEST_CASE("a case keeps its rule set alive, so a later rule set can never pass for it", "[eval]") {
  std::optional<forbear::Case> kept;
  {
    const auto first = load("ruleset a version \"1\"\nfact x: enum(a, b, c, d, e, f, g, h)\n", "a.rules");
    const auto parsed = forbear::parse_case(first, {{"x", "h"}});
    REQUIRE(parsed.ok());
    kept = parsed.value;
  }
  const auto second = load("ruleset b version \"1\"\nfact x: enum(a, b)\noutput o = x\n", "b.rules");
  CHECK_FALSE(kept->bound_to(second));
  CHECK_THROWS_AS(forbear::advise(second, *kept), std::invalid_argument);
}

TEST_CASE("the facts a rule set accepts name their ranges", "[eval]") {
  const auto rules = load("ruleset a version \"1\"\nfact d: int in 0..\nfact n: number in 1..60 { en: \"months\" }\nfact t: text\n");
  const auto facts = rules.facts();
  REQUIRE(facts.size() == 3);
  CHECK(facts[0].accepts == "int >= 0");
  CHECK(facts[1].accepts == "number from 1 to 60");
  CHECK(facts[1].description.en == "months");
  CHECK(facts[2].accepts == "text");
}

TEST_CASE("a negated negative literal keeps its parentheses in the trace", "[eval][trace]") {
  const auto rules = load("ruleset t version \"1\"\nfact a: int\nstrategy s { en: \"s\" }\nrule r when a - -(-2) > 0 then s += 1 because \"b\" source \"s\"\n");
  CHECK(trace_of(run(rules, {{"a", 3}}), "r").condition == "a (3) - -(-2) > 0 \xE2\x86\x92 true");
}

}  // namespace

namespace {

TEST_CASE("points that overflow a score are a fault, not undefined behaviour", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
strategy s { en: "s" }
rule big when x > 0 then s += 9000000000000 because "b" source "s"
rule bigger when x > 0 then s += 9000000000000 because "b" source "s"
)");
  const auto result = run(rules, {{"x", 1}});
  REQUIRE(result.faults.size() == 1);
  CHECK(result.faults[0].where == "bigger");
  CHECK(result.faults[0].message == "arithmetic overflow adding points to 's'");
  CHECK(result.strategies.at(0).score.to_string() == "9000000000000");
}

}  // namespace
