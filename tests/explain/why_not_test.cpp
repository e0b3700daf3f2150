// why_not(): where a strategy stands, who is ahead, which rules kept it down and why, and the
// rendered explanation in both languages.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::test::load;
using nlohmann::json;
using Strings = std::vector<std::string>;

const char* const kRules = R"(ruleset why version "1"
fact days: int in 0.. { zh: "逾期天数", en: "days overdue" }
fact has_proof: bool
fact kind: enum(illness, job_loss, none)
fact amount: number
let long_overdue = days > 30
let serious = kind in {illness, job_loss}
let strong_case = serious and has_proof
strategy plan { zh: "分期", en: "Installments" }
strategy grace { zh: "宽限", en: "Grace" }
strategy waiver { zh: "减免", en: "Waiver" }
rule r_long when long_overdue then plan += 5 because { zh: "逾期{days}天", en: "{days} days overdue" } source "s1"
rule r_short when not long_overdue then grace += 3 because "short" source "s2"
rule r_strong when strong_case and amount < 5000 then grace += 4, waiver += 2 because "strong" source "s3"
rule r_ill when kind == illness or has_proof then grace += 1 because "ill" source "s4"
rule r_big when amount >= 5000 then grace -= 2 because "big" source "s5"
rule r_veto when days > 90 then exclude grace because "too late" source "s6"
)";

forbear::Case read(const forbear::RuleSet& rules, const json& facts) {
  auto parsed = forbear::parse_case(rules, facts);
  INFO(forbear::test::case_errors(parsed));
  REQUIRE(parsed.ok());
  return *parsed.value;
}

forbear::WhyNot explain(const forbear::RuleSet& rules, const json& facts, const std::string& strategy) {
  const auto result = forbear::why_not(rules, read(rules, facts), strategy);
  INFO(result.error);
  REQUIRE(result.ok());
  return *result.value;
}

Strings rule_names(const std::vector<forbear::RuleExplanation>& rules) {
  Strings names;
  for (const auto& r : rules) names.push_back(r.rule);
  return names;
}

const json kCase = {{"days", 45}, {"kind", "job_loss"}, {"amount", 8000}};

}  // namespace

TEST_CASE("why_not: a ranked strategy, the rules that kept it down and the parts that failed", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto why = explain(rules, kCase, "grace");
  // plan 5 (r_long), waiver 0, grace -2 (r_big): grace is last.
  CHECK(why.strategy == "grace");
  CHECK(why.label.en == "Grace");
  CHECK_FALSE(why.excluded);
  CHECK(why.rank == 3);
  CHECK(why.score.to_string() == "-2");
  REQUIRE(why.ahead.size() == 2);
  CHECK(why.ahead[0].id == "plan");
  CHECK(why.ahead[0].rank == 1);
  CHECK(why.ahead[0].score.to_string() == "5");
  CHECK(why.ahead[0].lead.to_string() == "7");
  CHECK(why.ahead[1].id == "waiver");
  CHECK(why.ahead[1].lead.to_string() == "2");

  CHECK(why.vetoed_by.empty());
  CHECK(why.gave_points.empty());
  REQUIRE(why.took_points.size() == 1);
  CHECK(why.took_points[0].rule == "r_big");
  CHECK(why.took_points[0].status == "fired");
  CHECK(why.took_points[0].points.to_string() == "-2");
  CHECK(why.took_points[0].condition == "amount (8000) >= 5000 → true");
  CHECK(why.took_points[0].location == "why.rules:16");

  // Most points first; r_veto (not fired, a veto) is no help and is not listed.
  CHECK(rule_names(why.could_have_helped) == Strings{"r_strong", "r_short", "r_ill"});

  const auto& strong = why.could_have_helped[0];
  CHECK(strong.status == "not_fired");
  CHECK(strong.points.to_string() == "4");
  CHECK(strong.condition == "strong_case (unknown) and amount (8000) < 5000 → false");
  REQUIRE(strong.failed.size() == 2);
  // The derived fact is opened up into the part of its definition that is still unknown.
  CHECK(strong.failed[0].expression == "strong_case (unknown)");
  CHECK(strong.failed[0].outcome == "unknown");
  CHECK(strong.failed[0].missing == Strings{"has_proof"});
  REQUIRE(strong.failed[0].parts.size() == 1);
  CHECK(strong.failed[0].parts[0].expression == "has_proof (unknown)");
  CHECK(strong.failed[0].parts[0].parts.empty());
  CHECK(strong.failed[1].expression == "amount (8000) < 5000");
  CHECK(strong.failed[1].outcome == "false");
  CHECK(strong.failed[1].missing.empty());
  CHECK(strong.missing.empty());  // the rule is decided (false); only its parts are unknown
  CHECK_FALSE(strong.would_fire_with.has_value());  // it needs two facts changed

  const auto& short_rule = why.could_have_helped[1];
  REQUIRE(short_rule.failed.size() == 1);
  CHECK(short_rule.failed[0].expression == "not long_overdue (true)");
  CHECK(short_rule.failed[0].outcome == "false");
  REQUIRE(short_rule.would_fire_with.has_value());
  // 30 is the nearest value to 45 that is not more than 30.
  CHECK(short_rule.would_fire_with->fact == "days");
  CHECK(short_rule.would_fire_with->value == 30);

  const auto& ill = why.could_have_helped[2];
  CHECK(ill.status == "unknown");
  CHECK(ill.missing == Strings{"has_proof"});
  REQUIRE(ill.failed.size() == 1);
  CHECK(ill.failed[0].expression == "kind (job_loss) == illness or has_proof (unknown)");
  CHECK(ill.failed[0].parts.empty());  // the rendering already shows every value
  REQUIRE(ill.would_fire_with.has_value());
  CHECK(ill.would_fire_with->fact == "has_proof");
  CHECK(ill.would_fire_with->value == true);

  // days = 30: r_long stops (plan 0) and r_short fires (grace 3 - 2 = 1): grace ranks first.
  REQUIRE(why.best_change.has_value());
  CHECK(why.best_change->change.fact == "days");
  CHECK(why.best_change->change.value == 30);
  CHECK(why.best_change->rank == 1);
  CHECK(why.best_change->score.to_string() == "1");
}

TEST_CASE("why_not: the rendered explanation in English and Chinese", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto why = explain(rules, kCase, "grace");
  CHECK(forbear::render_text(why, "en") ==
        "Why not grace (Grace)?\n"
        "  Rank 3, -2 points.\n"
        "  Ranked above it:\n"
        "    1. plan (Installments): 5 points (7 more)\n"
        "    2. waiver (Waiver): 0 points (2 more)\n"
        "  Rules that took points from it:\n"
        "    -2 r_big (why.rules:16): big\n"
        "       amount (8000) >= 5000 → true\n"
        "  Rules that could have given it points but did not fire:\n"
        "    +4 r_strong (why.rules:14), not fired\n"
        "       ? strong_case (unknown) → unknown (missing: has_proof)\n"
        "           ? has_proof (unknown) → unknown (missing: has_proof)\n"
        "       ✗ amount (8000) < 5000 → false\n"
        "    +3 r_short (why.rules:13), not fired\n"
        "       ✗ not long_overdue (true) → false\n"
        "       it would fire with days = 30\n"
        "    +1 r_ill (why.rules:15), unknown (missing: has_proof)\n"
        "       ? kind (job_loss) == illness or has_proof (unknown) → unknown (missing: has_proof)\n"
        "       it would fire with has_proof = true\n"
        "  The single fact change that raises it most: with days = 30 it would rank 1 with 1 points.\n");
  CHECK(forbear::render_text(why, "zh") ==
        "为什么不是 grace (宽限)?\n"
        "  排第 3 名,-2 分。\n"
        "  排在它前面的:\n"
        "    1. plan (分期): 5 分 (多 7 分)\n"
        "    2. waiver (减免): 0 分 (多 2 分)\n"
        "  给它减分的规则:\n"
        "    -2 r_big (why.rules:16): big\n"
        "       amount (8000) >= 5000 → true\n"
        "  本可给它加分但未触发的规则:\n"
        "    +4 r_strong (why.rules:14), 未触发\n"
        "       ? strong_case (unknown) → unknown (缺少: has_proof)\n"
        "           ? has_proof (unknown) → unknown (缺少: has_proof)\n"
        "       ✗ amount (8000) < 5000 → false\n"
        "    +3 r_short (why.rules:13), 未触发\n"
        "       ✗ not long_overdue (true) → false\n"
        "       若 days = 30 则会触发\n"
        "    +1 r_ill (why.rules:15), 未知 (缺少: has_proof)\n"
        "       ? kind (job_loss) == illness or has_proof (unknown) → unknown (缺少: has_proof)\n"
        "       若 has_proof = true 则会触发\n"
        "  单个事实改变最多能让它: 若 days = 30,排第 1 名,1 分。\n");
}

TEST_CASE("why_not: a strategy no single change can raise, and the first-ranked one", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto waiver = explain(rules, kCase, "waiver");
  CHECK(waiver.rank == 2);
  CHECK(rule_names(waiver.could_have_helped) == Strings{"r_strong"});
  CHECK(waiver.could_have_helped[0].points.to_string() == "2");
  CHECK_FALSE(waiver.best_change.has_value());
  CHECK_THAT(forbear::render_text(waiver, "en"), Catch::EndsWith("  No single fact change would raise it.\n"));
  CHECK_THAT(forbear::render_text(waiver, "zh"), Catch::EndsWith("  没有哪个单个事实的改变能让它排名上升。\n"));

  const auto plan = explain(rules, kCase, "plan");
  CHECK(plan.rank == 1);
  CHECK(plan.ahead.empty());
  CHECK(rule_names(plan.gave_points) == Strings{"r_long"});
  CHECK(plan.gave_points[0].reason.en == "45 days overdue");
  CHECK(plan.could_have_helped.empty());
  CHECK_FALSE(plan.best_change.has_value());
  CHECK(forbear::render_text(plan, "en") ==
        "Why not plan (Installments)?\n"
        "  Rank 1, 5 points.\n"
        "  It ranks first.\n"
        "  Rules that gave it points:\n"
        "    +5 r_long (why.rules:12): 45 days overdue\n"
        "       long_overdue (true) → true\n"
        "  No single fact change would raise it.\n");
}

TEST_CASE("why_not: an excluded strategy names its vetoes and who would still be ahead", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto why = explain(rules, {{"days", 120}, {"kind", "job_loss"}, {"amount", 8000}}, "grace");
  CHECK(why.excluded);
  CHECK(why.rank == 0);
  CHECK(why.score.to_string() == "-2");
  REQUIRE(why.ahead.size() == 2);
  CHECK(why.ahead[0].id == "plan");
  CHECK(why.ahead[1].id == "waiver");  // 0 > -2: still above it without the veto
  REQUIRE(why.vetoed_by.size() == 1);
  CHECK(why.vetoed_by[0].rule == "r_veto");
  CHECK(why.vetoed_by[0].vetoes);
  CHECK(why.vetoed_by[0].points.to_string() == "0");
  CHECK(why.vetoed_by[0].condition == "days (120) > 90 → true");
  // days = 30 lifts the veto as well: rank 1 with 1 point.
  REQUIRE(why.best_change.has_value());
  CHECK(why.best_change->change.value == 30);
  CHECK(why.best_change->rank == 1);
  const std::string text = forbear::render_text(why, "en");
  CHECK_THAT(text, Catch::StartsWith("Why not grace (Grace)?\n"
                                     "  Excluded (it would have -2 points).\n"
                                     "  Without the veto these would still rank above it:\n"
                                     "    1. plan (Installments): 5 points (7 more)\n"
                                     "    2. waiver (Waiver): 0 points (2 more)\n"
                                     "  Excluded by:\n"
                                     "    r_veto (why.rules:17): too late\n"
                                     "       days (120) > 90 → true\n"));
  CHECK_THAT(forbear::render_text(why, "zh"), Catch::StartsWith("为什么不是 grace (宽限)?\n  已排除(否则有 -2 分)。\n"
                                                                "  即使不被排除,仍排在它前面的:\n"));
}

TEST_CASE("why_not: an or over derived facts is opened into its alternatives", "[explain]") {
  const auto rules = load(R"(ruleset alt version "1"
fact kind: enum(illness, job_loss, none)
fact days: int
let ill = kind == illness
let jobless = kind == job_loss
let early = days < 10
strategy help { en: "Help" }
strategy other { en: "Other" }
rule r_other when days >= 0 then other += 1 because "." source "s"
rule r_help when early and (ill or jobless) then help += 2 because "." source "s"
)", "alt.rules");
  const auto why = explain(rules, {{"kind", "none"}, {"days", 3}}, "help");
  REQUIRE(why.could_have_helped.size() == 1);
  const auto& rule = why.could_have_helped[0];
  REQUIRE(rule.failed.size() == 1);  // early is true: only the or failed
  const auto& either = rule.failed[0];
  CHECK(either.expression == "ill (false) or jobless (false)");
  CHECK(either.alternatives);
  REQUIRE(either.parts.size() == 2);
  CHECK(either.parts[0].expression == "ill (false)");
  REQUIRE(either.parts[0].parts.size() == 1);
  CHECK(either.parts[0].parts[0].expression == "kind (none) == illness");
  CHECK(either.parts[1].parts[0].expression == "kind (none) == job_loss");
  REQUIRE(rule.would_fire_with.has_value());
  CHECK(rule.would_fire_with->fact == "kind");
  CHECK(rule.would_fire_with->value == "illness");  // the first member that works
  CHECK_THAT(forbear::render_text(why, "en"), Catch::Contains("    +2 r_help (alt.rules:10), not fired\n"
                                                              "       ✗ ill (false) or jobless (false) → false, any of:\n"
                                                              "           ✗ ill (false) → false\n"
                                                              "               ✗ kind (none) == illness → false\n"
                                                              "           ✗ jobless (false) → false\n"
                                                              "               ✗ kind (none) == job_loss → false\n"
                                                              "       it would fire with kind = illness\n"));
}

TEST_CASE("why_not: as JSON", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto j = forbear::to_json(explain(rules, kCase, "grace"));
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == Strings{"strategy", "label", "excluded", "rank", "score", "ahead", "vetoed_by", "took_points", "gave_points",
                        "could_have_helped", "best_change"});
  CHECK(j["rank"] == 3);
  CHECK(j["score"] == -2);
  CHECK(j["ahead"][0] == nlohmann::ordered_json::parse(
                             R"({"id": "plan", "label": {"zh": "分期", "en": "Installments"}, "rank": 1, "score": 5, "lead": 7})"));
  const auto& ill = j["could_have_helped"][2];
  CHECK(ill["rule"] == "r_ill");
  CHECK(ill["status"] == "unknown");
  CHECK(ill["points"] == 1);
  CHECK(ill["vetoes"] == false);
  CHECK(ill["missing"] == json{"has_proof"});
  CHECK(ill["would_fire_with"] == json{{"fact", "has_proof"}, {"value", true}});
  CHECK(ill["failed"][0] == nlohmann::ordered_json::parse(
                                R"j({"expression": "kind (job_loss) == illness or has_proof (unknown)", "outcome": "unknown",
                                    "missing": ["has_proof"], "parts": [], "alternatives": false})j"));
  CHECK(ill["source"] == json{"s4"});
  CHECK(ill["location"] == "why.rules:15");
  CHECK(j["could_have_helped"][0]["would_fire_with"].is_null());
  CHECK(j["best_change"] == nlohmann::ordered_json::parse(R"({"fact": "days", "value": 30, "rank": 1, "score": 1})"));

  const auto excluded = forbear::to_json(explain(rules, {{"days", 120}}, "grace"));
  CHECK(excluded["excluded"] == true);
  CHECK(excluded["rank"].is_null());
}

TEST_CASE("why_not: an unknown strategy is an error with a suggestion", "[explain]") {
  const auto rules = load(kRules, "why.rules");
  const auto facts = read(rules, kCase);
  const auto typo = forbear::why_not(rules, facts, "grase");
  CHECK_FALSE(typo.ok());
  CHECK(typo.error == "unknown strategy 'grase' (did you mean 'grace'?)");
  const auto far = forbear::why_not(rules, facts, "lottery");
  CHECK(far.error == "unknown strategy 'lottery'");
  const auto other = load(kRules, "why.rules");
  CHECK_THROWS_AS(forbear::why_not(other, facts, "grace"), std::invalid_argument);
}
