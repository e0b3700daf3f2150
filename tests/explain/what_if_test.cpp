// what_if(), apply_changes() and diff(): changes read by the fact's type and checked like case
// JSON, and what differs in the advice.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::test::load;
using nlohmann::json;
using nlohmann::ordered_json;
using Strings = std::vector<std::string>;

const char* const kRules = R"(ruleset wi version "1"
fact days: int in 0..
fact has_proof: bool = false
fact kind: enum(illness, job_loss, none)
fact amount: number in 0..
fact note: text
output monthly = amount / 4
strategy plan { zh: "分期", en: "Installments" }
strategy grace { zh: "宽限", en: "Grace" }
strategy waiver { zh: "减免", en: "Waiver" }
advice doc.proof { zh: "证明", en: "Proof" }
advice say.note { en: "Note: {note}" }
rule r_long when days > 30 then plan += 5 because "long" source "s"
rule r_proof when has_proof then waiver += 6, advise doc.proof because "proof" source "s"
rule r_ill when kind == illness then grace += 2 because "ill" source "s"
rule r_veto when amount > 10000 then exclude waiver because "big" source "s"
rule r_note when note == "urgent" then advise say.note because "note" source "s"
)";

const json kCase = {{"id", "c1"}, {"days", 45}, {"kind", "job_loss"}, {"amount", 8000}};

std::vector<forbear::FactChange> changes(const Strings& texts) {
  std::vector<forbear::FactChange> out;
  for (const auto& text : texts) {
    auto change = forbear::parse_fact_change(text);
    REQUIRE(change.has_value());
    out.push_back(*change);
  }
  return out;
}

// The errors of applying `texts`, one "field: message" per line.
std::string change_errors(const forbear::RuleSet& rules, const Strings& texts) {
  return forbear::test::case_errors(forbear::apply_changes(rules, kCase, changes(texts)));
}

// The value the changed case holds for fact `slot`.
forbear::Value changed_value(const forbear::RuleSet& rules, const Strings& texts, std::size_t slot) {
  auto changed = forbear::apply_changes(rules, kCase, changes(texts));
  INFO(forbear::test::case_errors(changed));
  REQUIRE(changed.ok());
  return changed.value->facts().at(slot);
}

forbear::WhatIf compare(const forbear::RuleSet& rules, const Strings& texts, forbear::AdviseOptions options = {}) {
  auto result = forbear::what_if(rules, kCase, changes(texts), options);
  INFO(forbear::test::case_errors(forbear::CaseResult{std::nullopt, result.errors}));
  REQUIRE(result.ok());
  return *result.value;
}

}  // namespace

TEST_CASE("parse_fact_change splits at the first '=' and trims", "[explain]") {
  const auto plain = forbear::parse_fact_change("has_proof=true");
  REQUIRE(plain.has_value());
  CHECK(plain->fact == "has_proof");
  CHECK(plain->value == "true");
  const auto spaced = forbear::parse_fact_change(" note = a=b ");
  REQUIRE(spaced.has_value());
  CHECK(spaced->fact == "note");
  CHECK(spaced->value == "a=b");
  CHECK(forbear::parse_fact_change("x=")->value.empty());
  CHECK_FALSE(forbear::parse_fact_change("=3").has_value());
  CHECK_FALSE(forbear::parse_fact_change(" =3").has_value());
  CHECK_FALSE(forbear::parse_fact_change("days").has_value());
}

TEST_CASE("apply_changes reads each value by its fact's type", "[explain]") {
  const auto rules = load(kRules, "wi.rules");
  using forbear::Value;
  CHECK(changed_value(rules, {"days=60"}, 0) == Value{std::int64_t{60}});
  CHECK(changed_value(rules, {"days=6e1"}, 0) == Value{std::int64_t{60}});  // a whole number, as in case JSON
  CHECK(changed_value(rules, {"has_proof=true"}, 1) == Value{true});
  CHECK(changed_value(rules, {"has_proof=false"}, 1) == Value{false});
  CHECK(changed_value(rules, {"kind=illness"}, 2) == Value{forbear::EnumMember{0}});
  CHECK(changed_value(rules, {"kind=\"none\""}, 2) == Value{forbear::EnumMember{2}});
  CHECK(changed_value(rules, {"amount=0.25"}, 3) == Value{forbear::Decimal::from_raw(250000)});
  CHECK(changed_value(rules, {"amount=12"}, 3) == Value{forbear::Decimal::from_raw(12000000)});
  CHECK(changed_value(rules, {"note=hello world"}, 4) == Value{std::string("hello world")});
  CHECK(changed_value(rules, {"note=\"say \\\"hi\\\"\""}, 4) == Value{std::string("say \"hi\"")});
  CHECK(changed_value(rules, {"note=\"unknown\""}, 4) == Value{std::string("unknown")});
  CHECK(changed_value(rules, {"note=42"}, 4) == Value{std::string("42")});
  CHECK(changed_value(rules, {"note="}, 4) == Value{std::string()});
  // `unknown` removes the fact; the other facts stay as they were.
  CHECK(changed_value(rules, {"days=unknown"}, 0) == Value{});
  CHECK(changed_value(rules, {"days=unknown"}, 3) == Value{forbear::Decimal::from_raw(8000000000)});
  CHECK(changed_value(rules, {"kind=unknown", "days=1"}, 2) == Value{});
}

TEST_CASE("apply_changes: bad names and values read as case JSON errors do", "[explain]") {
  const auto rules = load(kRules, "wi.rules");
  CHECK(change_errors(rules, {"has_proof=yes"}) == "has_proof: expected bool, got a string \"yes\"\n");
  CHECK(change_errors(rules, {"days=4.5"}) == "days: expected int, got 4.5, which is not a whole number\n");
  CHECK(change_errors(rules, {"days=-1"}) == "days: expected int >= 0, got -1\n");
  CHECK(change_errors(rules, {"days=soon"}) == "days: expected int, got a string \"soon\"\n");
  CHECK(change_errors(rules, {"amount=0.0000001"}) == "amount: expected number with at most 6 decimal places, got 1e-07\n");
  CHECK(change_errors(rules, {"kind=ilness"}) ==
        "kind: expected one of illness, job_loss, none, got \"ilness\" (did you mean 'illness'?)\n");
  CHECK(change_errors(rules, {"has_prof=true"}) == "has_prof: unknown fact 'has_prof' (did you mean 'has_proof'?)\n");
  CHECK(change_errors(rules, {"monthly=3"}) == "monthly: 'monthly' is derived by the rules and cannot be given in a case\n");
  CHECK(change_errors(rules, {"id=c2"}) == "id: 'id' names the case; it is not a fact\n");
  CHECK(change_errors(rules, {"days=1", "days=2"}) == "days: changed more than once\n");
  // Every bad change is reported, not only the first.
  CHECK(change_errors(rules, {"has_proof=1", "kind=x"}) ==
        "has_proof: expected bool, got a string \"1\"\nkind: expected one of illness, job_loss, none, got \"x\"\n");
  // Errors in the case itself come first, as parse_case gives them.
  const auto bad_case = forbear::apply_changes(rules, {{"days", "many"}}, changes({"has_proof=true"}));
  CHECK(forbear::test::case_errors(bad_case) == "days: expected int, got a string \"many\"\n");
}

TEST_CASE("what_if: ranking moves, a new veto, advice, outputs and rule statuses", "[explain]") {
  const auto rules = load(kRules, "wi.rules");
  const auto what = compare(rules, {"has_proof=true"});
  REQUIRE(what.changes.size() == 1);
  CHECK(what.changes[0].name == "has_proof");
  CHECK(what.changes[0].before == false);  // the default the evaluation saw
  CHECK(what.changes[0].after == true);
  CHECK(forbear::test::ranking(what.before) == Strings{"plan", "grace", "waiver"});
  CHECK(forbear::test::ranking(what.after) == Strings{"waiver", "plan", "grace"});
  const auto& d = what.diff;
  REQUIRE(d.ranking.size() == 3);
  CHECK(d.ranking[0].id == "waiver");
  CHECK(d.ranking[0].rank_before == 3);
  CHECK(d.ranking[0].rank_after == 1);
  CHECK(d.ranking[0].score_before.to_string() == "0");
  CHECK(d.ranking[0].score_after.to_string() == "6");
  CHECK(d.ranking[1].id == "plan");
  CHECK(d.ranking[1].rank_after == 2);
  CHECK(d.ranking[2].id == "grace");
  CHECK(d.advice_added == Strings{"doc.proof"});
  CHECK(d.advice_removed.empty());
  CHECK(d.newly_excluded.empty());
  REQUIRE(d.rules.size() == 1);
  CHECK(d.rules[0].rule == "r_proof");
  CHECK(d.rules[0].before == "not_fired");
  CHECK(d.rules[0].after == "fired");
  CHECK(d.outputs.empty());
  CHECK_FALSE(d.empty());
  CHECK(forbear::render_text(what, "en") ==
        "What if: has_proof = true (was false)\n"
        "  Ranking:\n"
        "    waiver (Waiver): #3 → #1, 0 → 6 points\n"
        "    plan (Installments): #1 → #2, 5 points\n"
        "    grace (Grace): #2 → #3, 0 points\n"
        "  Advice added:\n"
        "    + [doc.proof] Proof\n"
        "  Rules:\n"
        "    r_proof: not_fired → fired\n");

  const auto vetoed = compare(rules, {"has_proof=true", "amount=20000"});
  CHECK(vetoed.diff.newly_excluded == Strings{"waiver"});
  REQUIRE(vetoed.diff.ranking.size() == 1);  // plan and grace keep their places and scores
  CHECK(vetoed.diff.ranking[0].rank_after == 0);
  REQUIRE(vetoed.diff.outputs.size() == 1);
  CHECK(vetoed.diff.outputs[0].name == "monthly");
  CHECK(vetoed.diff.outputs[0].before == 2000);
  CHECK(vetoed.diff.outputs[0].after == 5000);
  CHECK(forbear::render_text(vetoed, "en") ==
        "What if: has_proof = true (was false); amount = 20000 (was 8000)\n"
        "  Ranking:\n"
        "    waiver (Waiver): #3 → excluded, 0 → 6 points\n"
        "  Newly excluded: waiver\n"
        "  Advice added:\n"
        "    + [doc.proof] Proof\n"
        "  Computed values:\n"
        "    monthly: 2000 → 5000\n"
        "  Rules:\n"
        "    r_proof: not_fired → fired\n"
        "    r_veto: not_fired → fired\n");
  CHECK(forbear::render_text(vetoed, "zh") ==
        "如果:has_proof = true (原为 false);amount = 20000 (原为 8000)\n"
        "  排名变化:\n"
        "    waiver (减免): 第3名 → 已排除, 0 → 6 分\n"
        "  新排除: waiver\n"
        "  新增建议:\n"
        "    + [doc.proof] 证明\n"
        "  计算结果变化:\n"
        "    monthly: 2000 → 5000\n"
        "  规则状态变化:\n"
        "    r_proof: not_fired → fired\n"
        "    r_veto: not_fired → fired\n");

  // And back: the veto lifted, the advice item dropped.
  const auto lifted = forbear::diff(vetoed.after, vetoed.before);
  CHECK(lifted.no_longer_excluded == Strings{"waiver"});
  CHECK(lifted.advice_removed == Strings{"doc.proof"});
}

TEST_CASE("what_if: facts becoming unknown or known change what is missing", "[explain]") {
  const auto rules = load(kRules, "wi.rules");
  const auto forget = compare(rules, {"kind=unknown", "amount=unknown"});
  CHECK(forget.changes[0].after.is_null());
  // amount comes first: a value over 10000 would veto waiver, while kind cannot move the ranking.
  CHECK(forget.diff.missing_added == Strings{"amount", "kind"});
  CHECK(forget.diff.rules.size() == 2);  // r_ill and r_veto: not_fired -> unknown
  CHECK(forbear::render_text(forget, "en") ==
        "What if: kind = unknown (was job_loss); amount = unknown (was 8000)\n"
        "  Computed values:\n"
        "    monthly: 2000 → unknown\n"
        "  Rules:\n"
        "    r_ill: not_fired → unknown\n"
        "    r_veto: not_fired → unknown\n"
        "  Missing facts:\n"
        "    + amount\n"
        "    + kind\n");

  const auto urgent = compare(rules, {"note=urgent"});
  CHECK(urgent.diff.missing_removed == Strings{"note"});
  CHECK(urgent.diff.advice_added == Strings{"say.note"});
  CHECK_THAT(forbear::render_text(urgent, "en"), Catch::Contains("    + [say.note] Note: urgent\n"));

  const auto same = compare(rules, {"days=50"});
  CHECK(same.diff.empty());
  CHECK(forbear::render_text(same, "en") == "What if: days = 50 (was 45)\n  The advice does not change.\n");
  CHECK(forbear::render_text(same, "zh") == "如果:days = 50 (原为 45)\n  建议没有变化。\n");
}

TEST_CASE("what_if: as JSON, and without traces", "[explain]") {
  const auto rules = load(kRules, "wi.rules");
  forbear::AdviseOptions lean;
  lean.trace = false;
  const auto what = compare(rules, {"has_proof=true"}, lean);
  CHECK(what.before.trace.empty());
  CHECK(what.after.trace.empty());
  CHECK(what.diff.rules.size() == 1);  // computed all the same

  const auto j = forbear::to_json(what);
  Strings keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == Strings{"changes", "before", "after", "diff"});
  CHECK(j["changes"] == ordered_json::parse(R"([{"name": "has_proof", "before": false, "after": true}])"));
  CHECK(j["before"]["id"] == "c1");
  CHECK(j["after"]["strategies"][0]["id"] == "waiver");
  CHECK(j["diff"] == ordered_json::parse(R"({
    "ranking": [
      {"id": "waiver", "rank_before": 3, "rank_after": 1, "score_before": 0, "score_after": 6},
      {"id": "plan", "rank_before": 1, "rank_after": 2, "score_before": 5, "score_after": 5},
      {"id": "grace", "rank_before": 2, "rank_after": 3, "score_before": 0, "score_after": 0}],
    "newly_excluded": [], "no_longer_excluded": [], "advice_added": ["doc.proof"], "advice_removed": [],
    "outputs": [], "rules": [{"rule": "r_proof", "before": "not_fired", "after": "fired"}],
    "missing_added": [], "missing_removed": []})"));
  const auto vetoed = forbear::to_json(compare(rules, {"amount=20000"}).diff);
  CHECK(vetoed["ranking"][0]["rank_after"].is_null());
}
