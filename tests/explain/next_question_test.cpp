// The `missing` list as the advisor's next question: each unknown fact is tried at the values that
// could matter (candidate_values), and the facts whose answer moves the ranking most come first.

#include "eval/candidate_values.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "eval/render.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::test::load;
using forbear::test::run;
using nlohmann::json;
using Strings = std::vector<std::string>;

Strings missing_facts(const forbear::AdviceResult& result) {
  Strings names;
  for (const auto& m : result.missing) names.push_back(m.fact);
  return names;
}

// The candidate values of `fact` for the case `facts`, as the trace would show them.
Strings candidates(const forbear::RuleSet& rules, const json& facts, const std::string& fact) {
  const auto parsed = forbear::parse_case(rules, facts);
  INFO(forbear::test::case_errors(parsed));
  REQUIRE(parsed.ok());
  const auto& program = rules.program();
  forbear::detail::Slot slot = 0;
  while (slot < program.fact_count && program.values[slot].name != fact) ++slot;
  REQUIRE(slot < program.fact_count);
  Strings out;
  for (const auto& value : forbear::detail::candidate_values(program, parsed.value->facts(), slot)) {
    out.push_back(forbear::detail::render_value(program, value, program.values[slot].type));
  }
  return out;
}

}  // namespace

TEST_CASE("missing: a fact that could change the top strategy is asked first, then by places moved", "[explain]") {
  const auto rules = load(R"(ruleset next version "1"
fact base: bool
fact u_heavy: bool { en: "heavy" }
fact u_flip: int in 0..100
fact u_swap: enum(x, y)
strategy a { en: "A" }
strategy b { en: "B" }
strategy c { en: "C" }
rule r_base when base then a += 10, b += 4, c += 3 because "." source "s"
rule r_heavy when u_heavy then a += 50 because "." source "s"
rule r_flip when u_flip >= 18 then b += 7 because "." source "s"
rule r_swap when u_swap == y then c += 2 because "." source "s"
)", "next.rules");
  const auto result = run(rules, {{"base", true}});
  // By points at stake alone the order would be u_heavy (50), u_flip (7), u_swap (2); but more
  // points for the leader change nothing, while u_flip >= 18 puts b (11) above a (10) and
  // u_swap = y puts c (5) above b (4).
  CHECK(missing_facts(result) == Strings{"u_flip", "u_swap", "u_heavy"});
  REQUIRE(result.missing.size() == 3);
  const auto& flip = result.missing[0];
  CHECK(flip.could_change_top);
  CHECK(flip.positions_moved == 2);
  CHECK(flip.with_value == 18);  // the first value that does it
  CHECK(flip.new_top == "b");
  CHECK(flip.weight.to_string() == "7");
  const auto& swap = result.missing[1];
  CHECK_FALSE(swap.could_change_top);
  CHECK(swap.positions_moved == 2);
  CHECK(swap.with_value == "y");
  CHECK(swap.new_top.empty());
  const auto& heavy = result.missing[2];
  CHECK_FALSE(heavy.could_change_top);
  CHECK(heavy.positions_moved == 0);
  CHECK(heavy.with_value.is_null());
  CHECK(heavy.weight.to_string() == "50");

  const auto j = forbear::to_json(result);
  CHECK(j["missing"][0]["could_change_top"] == true);
  CHECK(j["missing"][0]["positions_moved"] == 2);
  CHECK(j["missing"][0]["with_value"] == 18);
  CHECK(j["missing"][0]["new_top"] == "b");
  CHECK(j["missing"][2]["with_value"].is_null());
  CHECK(j["missing"][2]["new_top"].is_null());

  const std::string en = forbear::render_text(result, "en");
  CHECK_THAT(en, Catch::Contains("Missing facts (the advice may change once known):\n"
                                 "  - u_flip: u_flip = 18 would put b first\n"
                                 "  - u_swap: u_swap = y would move the ranking by 2 places\n"
                                 "  - u_heavy (heavy)\n"));
  CHECK_THAT(forbear::render_text(result, "zh"), Catch::Contains("  - u_flip: 若 u_flip = 18,b 将排第一\n"
                                                                 "  - u_swap: 若 u_swap = y,排名共变动 2 位\n"
                                                                 "  - u_heavy (heavy)\n"));
}

TEST_CASE("missing: a veto counts as a move even for the last strategy, and can leave nothing ranked", "[explain]") {
  const auto rules = load(R"(ruleset veto version "1"
fact flag: bool
fact gone: bool
strategy a { en: "A" }
strategy b { en: "B" }
rule r_flag when flag then exclude b because "." source "s"
rule r_gone when gone then exclude a, exclude b because "." source "s"
)", "veto.rules");
  const auto result = run(rules, json::object());
  CHECK(missing_facts(result) == Strings{"gone", "flag"});
  CHECK(result.missing[0].could_change_top);
  CHECK(result.missing[0].new_top.empty());  // no strategy would be ranked
  CHECK(result.missing[0].positions_moved == 3);  // a: 1st -> below all (2 places), b: 2nd -> below all (1)
  CHECK_FALSE(result.missing[1].could_change_top);
  CHECK(result.missing[1].positions_moved == 1);
  CHECK_THAT(forbear::render_text(result, "en"), Catch::Contains("  - gone: gone = true would leave no strategy ranked\n"));
  CHECK_THAT(forbear::render_text(result, "zh"), Catch::Contains("  - gone: 若 gone = true,将没有可选的策略\n"));
}

TEST_CASE("candidate_values: around each threshold, through derived facts, within the range", "[explain]") {
  const auto rules = load(R"(ruleset cand version "1"
fact days: int in 0..
fact income: number
fact expenses: number
fact debt: number
fact ratio_cap: int in 1..60
fact proof: bool
fact kind: enum(a, b, c)
fact note: text
fact owed: number in 0..
let late = days > 30
let months = ceil(owed / 2400)
let surplus = income - expenses
let ratio = debt / income
strategy s { en: "S" }
rule r_window when days >= 91 and days <= 180 then s += 1 because "." source "x"
rule r_late when late then s += 1 because "." source "x"
rule r_surplus when surplus > 0 then s += 1 because "." source "x"
rule r_small when income > 100.5 then s += 1 because "." source "x"
rule r_ratio when ratio > 12 then s += 1 because "." source "x"
rule r_cap when ratio_cap * 2 > 7 then s += 1 because "." source "x"
rule r_note when note == "urgent" or note in {"late", "urgent"} then s += 1 because "." source "x"
rule r_known when known(proof) and kind != b then s += 1 because "." source "x"
rule r_months when months > 60 then s += 1 because "." source "x"
)", "cand.rules");
  // Each threshold gives the values just below, at and just above it; 0 is the range's bound.
  CHECK(candidates(rules, json::object(), "days") == Strings{"0", "29", "30", "31", "90", "91", "92", "179", "180", "181"});
  // income - expenses > 0 turns at income = expenses; 100.5 is compared to a tenth; debt / income
  // > 12 turns at 2000, found approximately (the division rounds) and rounded to whole numbers.
  CHECK(candidates(rules, {{"expenses", 5000}, {"debt", 24000}}, "income") ==
        Strings{"100.4", "100.5", "100.6", "1999", "2000", "2001", "4999", "5000", "5001"});
  // Unknown expenses: the surplus cannot turn, only the literal and the ratio are left.
  CHECK(candidates(rules, {{"debt", 24000}}, "income") == Strings{"100.4", "100.5", "100.6", "1999", "2000", "2001"});
  // ratio_cap * 2 > 7 turns between 3 and 4: the whole numbers around the turn, and the range 1..60.
  CHECK(candidates(rules, json::object(), "ratio_cap") == Strings{"1", "3", "4", "5", "60"});
  // A step function stalls the secant method; halving the gap finds where 60 months are exceeded.
  CHECK(candidates(rules, json::object(), "owed") == Strings{"0", "143999", "144000", "144001"});
  // The current value is never a candidate.
  CHECK(candidates(rules, {{"days", 30}}, "days") == Strings{"0", "29", "31", "90", "91", "92", "179", "180", "181"});
  CHECK(candidates(rules, json::object(), "proof") == Strings{"false", "true"});
  CHECK(candidates(rules, {{"proof", true}}, "proof") == Strings{"false"});
  CHECK(candidates(rules, {{"kind", "b"}}, "kind") == Strings{"a", "c"});
  CHECK(candidates(rules, json::object(), "note") == Strings{"\"urgent\"", "\"late\"", "\"\""});
  // A number no comparison decides is tried at 0.
  CHECK(candidates(rules, json::object(), "expenses") == Strings{"0"});
}
