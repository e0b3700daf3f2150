// Three-valued (Kleene) logic, unknown facts, and which missing facts are reported.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using nlohmann::json;
using Strings = std::vector<std::string>;
using forbear::test::load;
using forbear::test::output;
using forbear::test::run;
using forbear::test::trace_of;

Strings missing_facts(const forbear::AdviceResult& result) {
  Strings names;
  for (const auto& m : result.missing) names.push_back(m.fact);
  return names;
}

// Three truth values as they appear in a case and in outputs.
const json kTrue = true;
const json kFalse = false;
const json kUnknown = nullptr;

std::string show(const json& v) { return v.is_null() ? "unknown" : v.dump(); }

const char* const kTruthRules = R"(
ruleset logic version "1"
fact p: bool
fact q: bool
output p_and_q = p and q
output p_or_q = p or q
output not_p = not p
output known_p = known(p)
output not_known_p = not known(p)
strategy s { en: "S" }
)";

}  // namespace

TEST_CASE("and / or / not truth tables with unknown", "[eval][logic]") {
  const auto rules = load(kTruthRules, "logic.rules");
  struct Row {
    json p, q, p_and_q, p_or_q;
  };
  const Row rows[] = {
      {kTrue, kTrue, kTrue, kTrue},
      {kTrue, kFalse, kFalse, kTrue},
      {kTrue, kUnknown, kUnknown, kTrue},
      {kFalse, kTrue, kFalse, kTrue},
      {kFalse, kFalse, kFalse, kFalse},
      {kFalse, kUnknown, kFalse, kUnknown},
      {kUnknown, kTrue, kUnknown, kTrue},
      {kUnknown, kFalse, kFalse, kUnknown},
      {kUnknown, kUnknown, kUnknown, kUnknown},
  };
  for (const auto& row : rows) {
    INFO("p = " << show(row.p) << ", q = " << show(row.q));
    const auto result = run(rules, {{"p", row.p}, {"q", row.q}});
    CHECK(show(output(result, "p_and_q")) == show(row.p_and_q));
    CHECK(show(output(result, "p_or_q")) == show(row.p_or_q));
  }
  SECTION("not") {
    CHECK(show(output(run(rules, {{"p", true}}), "not_p")) == "false");
    CHECK(show(output(run(rules, {{"p", false}}), "not_p")) == "true");
    CHECK(show(output(run(rules, json::object()), "not_p")) == "unknown");
  }
  SECTION("known() is never unknown") {
    CHECK(show(output(run(rules, {{"p", true}}), "known_p")) == "true");
    CHECK(show(output(run(rules, {{"p", false}}), "known_p")) == "true");
    CHECK(show(output(run(rules, json::object()), "known_p")) == "false");
    CHECK(show(output(run(rules, {{"p", nullptr}}), "known_p")) == "false");
    CHECK(show(output(run(rules, json::object()), "not_known_p")) == "true");
  }
}

TEST_CASE("comparisons, arithmetic and known() with unknown operands", "[eval][logic]") {
  const auto rules = load(R"(
ruleset logic version "1"
fact x: int
fact y: number
fact kind: enum(a, b)
fact note: text
output x_gt = x > 3
output x_eq_self = x == x
output x_ne = x != 3
output kind_is_a = kind == a
output note_is = note == "hi"
output sum = x + y
output explicit_unknown = x == unknown
output known_sum = known(x + y)
output known_x = known(x)
output either = x > 3 or y > 3
strategy s { en: "S" }
)", "logic.rules");
  const auto none = run(rules, json::object());
  for (const char* name : {"x_gt", "x_eq_self", "x_ne", "kind_is_a", "note_is", "sum", "explicit_unknown", "either"}) {
    INFO(name);
    CHECK(output(none, name).is_null());
  }
  CHECK(output(none, "known_sum") == json(false));
  CHECK(output(none, "known_x") == json(false));

  const auto only_x = run(rules, {{"x", 5}});
  CHECK(output(only_x, "x_gt") == json(true));
  CHECK(output(only_x, "x_eq_self") == json(true));
  CHECK(output(only_x, "x_ne") == json(true));
  CHECK(output(only_x, "sum").is_null());
  CHECK(output(only_x, "known_sum") == json(false));
  CHECK(output(only_x, "known_x") == json(true));
  CHECK(output(only_x, "either") == json(true));  // true or unknown
  CHECK(output(only_x, "explicit_unknown").is_null());

  const auto all = run(rules, {{"x", 2}, {"y", 1.5}, {"kind", "b"}, {"note", "hi"}});
  CHECK(output(all, "x_gt") == json(false));
  CHECK(output(all, "kind_is_a") == json(false));
  CHECK(output(all, "note_is") == json(true));
  CHECK(output(all, "sum") == json(3.5));
  CHECK(output(all, "known_sum") == json(true));
  CHECK(output(all, "either") == json(false));
}

TEST_CASE("a rule with an unknown condition does not fire and lists the missing facts", "[eval][logic]") {
  const auto rules = load(R"(
ruleset logic version "1"
fact days: int
fact has_proof: bool
fact kind: enum(illness, job_loss)
let long_overdue = days > 90
strategy s { en: "S" }
strategy t { en: "T" }
advice doc.proof { en: "proof" }
rule r_unknown when long_overdue and has_proof then s += 10, advise doc.proof because "." source "x"
rule r_decided when kind == illness or days > 90 then t += 3 because "." source "x"
rule r_veto when not has_proof then exclude t because "." source "x"
)", "logic.rules");
  const auto result = run(rules, {{"kind", "illness"}});
  const auto& unknown = trace_of(result, "r_unknown");
  CHECK(unknown.status == "unknown");
  CHECK(unknown.missing == Strings{"days", "has_proof"});
  const auto& decided = trace_of(result, "r_decided");
  CHECK(decided.status == "fired");  // true or unknown = true
  CHECK(decided.missing.empty());
  CHECK(trace_of(result, "r_veto").status == "unknown");
  CHECK(trace_of(result, "r_veto").missing == Strings{"has_proof"});

  // Nothing from the unknown rules: s has no points, t is not vetoed, no advice.
  REQUIRE(result.strategies.size() == 2);
  CHECK(result.strategies[0].id == "t");
  CHECK(result.strategies[0].score.to_string() == "3");
  CHECK(result.strategies[1].id == "s");
  CHECK(result.strategies[1].score.to_string() == "0");
  CHECK(result.excluded.empty());
  CHECK(result.advice.empty());

  const auto json_result = forbear::to_json(result);
  CHECK(json_result["trace"]["rules"][0]["missing"] == nlohmann::ordered_json{"days", "has_proof"});
  CHECK_FALSE(json_result["trace"]["rules"][1].contains("missing"));
}

TEST_CASE("missing lists facts that could change the result, most influential first", "[eval][logic]") {
  const auto rules = load(R"(
ruleset logic version "1"
fact u_small: int { zh: "小", en: "small" }
fact u_big: bool
fact u_veto: bool
fact u_both: int
fact u_irrelevant: bool
fact u_unused: int
fact u_default: bool = false
fact known_false: bool
strategy a { en: "A" }
strategy b { en: "B" }
rule r_small when u_small > 0 then a += 2 because "." source "x"
rule r_big when u_big then b += 10, a -= 5 because "." source "x"
rule r_veto when u_veto then exclude a because "." source "x"
rule r_decided when known_false and u_irrelevant then a += 1000 because "." source "x"
rule r_default when u_default then a += 1000 because "." source "x"
rule r_both_1 when u_both > 1 then a += 1 because "." source "x"
rule r_both_2 when u_both > 2 then b += 1 because "." source "x"
)", "logic.rules");
  const auto result = run(rules, {{"known_false", false}});
  // Equal weights: the fact that holds up more rules comes first.
  CHECK(missing_facts(result) == Strings{"u_veto", "u_big", "u_both", "u_small"});
  REQUIRE(result.missing.size() == 4);
  CHECK(result.missing[0].weight.to_string() == "100");
  CHECK(result.missing[0].rules == Strings{"r_veto"});
  CHECK(result.missing[1].weight.to_string() == "15");  // |+10| + |-5|
  CHECK(result.missing[1].rules == Strings{"r_big"});
  CHECK(result.missing[2].weight.to_string() == "2");
  CHECK(result.missing[2].rules == Strings{"r_both_1", "r_both_2"});
  CHECK(result.missing[3].weight.to_string() == "2");
  CHECK(result.missing[3].rules == Strings{"r_small"});
  CHECK(result.missing[3].description.en == "small");
  CHECK(result.missing[3].description.zh == "小");
  CHECK(trace_of(result, "r_decided").status == "not_fired");
  CHECK(trace_of(result, "r_default").status == "not_fired");

  SECTION("a known fact is never missing; once all are known nothing is") {
    const auto full = run(rules, {{"known_false", false}, {"u_small", 1}, {"u_big", false}, {"u_veto", false}, {"u_both", 0}});
    CHECK(full.missing.empty());
  }
  SECTION("a veto outweighs any sum of points below 100") {
    const auto rules2 = load(R"(
ruleset logic version "1"
fact heavy: bool
fact veto: bool
strategy a { en: "A" }
strategy b { en: "B" }
rule r_heavy when heavy then a += 60, b += 39.5 because "." source "x"
rule r_veto when veto then exclude b because "." source "x"
)", "logic.rules");
    const auto r = run(rules2, json::object());
    CHECK(missing_facts(r) == Strings{"veto", "heavy"});
    CHECK(r.missing[1].weight.to_string() == "99.5");
  }
}

TEST_CASE("missing names facts read through derived facts", "[eval][logic]") {
  const auto rules = load(R"(
ruleset logic version "1"
fact days: int
fact has_proof: bool
fact spare: int
let long_overdue = days > 90
let strong_case = long_overdue and has_proof
strategy a { en: "A" }
rule r when strong_case then a += 7 because "." source "x"
)", "logic.rules");
  const auto result = run(rules, {{"has_proof", true}});
  CHECK(missing_facts(result) == Strings{"days"});
  REQUIRE(result.missing.size() == 1);
  CHECK(result.missing[0].weight.to_string() == "7");
  CHECK(result.missing[0].rules == Strings{"r"});
  CHECK(trace_of(result, "r").missing == Strings{"days"});
  CHECK(trace_of(result, "r").condition == "strong_case (unknown) → unknown");

  // has_proof false decides the rule: nothing is missing, though days is still unknown.
  const auto decided = run(rules, {{"has_proof", false}});
  CHECK(trace_of(decided, "r").status == "not_fired");
  CHECK(decided.missing.empty());
}

TEST_CASE("facts feeding an unknown output are missing too, with no points at stake", "[eval][logic]") {
  const auto rules = load(R"(
ruleset logic version "1"
fact amount: number
fact monthly: number
fact days: int
output months = ceil(amount / monthly)
strategy a { en: "A" }
rule r when days > 30 then a += 4 because "." source "x"
)", "logic.rules");
  const auto result = run(rules, {{"amount", 1000}});
  CHECK(missing_facts(result) == Strings{"days", "monthly"});
  CHECK(result.missing[0].weight.to_string() == "4");
  CHECK(result.missing[1].weight.to_string() == "0");
  CHECK(result.missing[1].rules.empty());
}
