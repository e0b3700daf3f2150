// write_dot(out, rules, case, lang): the decision graph with the path one case took highlighted.

#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::test::load;
using nlohmann::json;

const char* const kRules = R"(ruleset tiny version "1"
fact days: int
fact proof: bool
let late = days > 30
strategy pay { zh: "还款", en: "Pay" }
strategy wait { zh: "等待", en: "Wait" }
advice doc.proof { en: "Proof" }
advice doc.other { en: "Other" }
rule r_late when late then pay += 2, advise doc.proof because "late" source "s"
rule r_wait when not late then wait += 1 because "wait" source "s"
rule r_proof when proof then exclude wait, advise doc.other because "proof" source "s"
)";

std::string picture(const forbear::RuleSet& rules, const json& facts, const char* lang) {
  const auto parsed = forbear::parse_case(rules, facts);
  REQUIRE(parsed.ok());
  std::ostringstream out;
  forbear::write_dot(out, rules, *parsed.value, lang);
  return out.str();
}

}  // namespace

TEST_CASE("write_dot with a case: the fired path in red, values in the labels, the rest greyed", "[explain][graph]") {
  const auto rules = load(kRules, "tiny.rules");
  // days 45: late, so r_late fires (pay +2, doc.proof); r_wait does not; proof is unknown, so
  // r_proof stays unknown (dashed) and wait is not excluded.
  CHECK(picture(rules, {{"id", "c1"}, {"days", 45}}, "en") ==
        "digraph G {\n"
        "rankdir=LR;\n"
        "label=\"tiny 1 — c1\";\n"
        "node [fontname=\"sans-serif\"];\n"
        "0[label=\"days\\n= 45\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\", color=\"#b91c1c\", penwidth=\"2.5\", id=\"fact:days\"];\n"
        "1[label=\"proof\\n= unknown\", shape=ellipse, style=\"filled,dashed\", fillcolor=\"#dbeafe\", id=\"fact:proof\"];\n"
        "2[label=\"late\\n= true\", shape=ellipse, style=filled, fillcolor=\"#e0e7ff\", color=\"#b91c1c\", penwidth=\"2.5\", id=\"let:late\"];\n"
        "3[label=\"r_late\", shape=box, style=filled, fillcolor=\"#fef3c7\", color=\"#b91c1c\", penwidth=\"2.5\", "
        "tooltip=\"late (true) → true\", id=\"rule:r_late\"];\n"
        "4[label=\"r_wait\", shape=box, style=filled, fillcolor=\"#e5e7eb\", color=\"#9ca3af\", fontcolor=\"#6b7280\", "
        "tooltip=\"not late (true) → false\", id=\"rule:r_wait\"];\n"
        "5[label=\"r_proof\", shape=box, style=\"filled,dashed\", fillcolor=\"#e5e7eb\", color=\"#9ca3af\", fontcolor=\"#6b7280\", "
        "tooltip=\"proof (unknown) → unknown\", id=\"rule:r_proof\"];\n"
        "6[label=\"pay\\nPay\\n#1 · 2 points\", shape=hexagon, style=filled, fillcolor=\"#dcfce7\", color=\"#b91c1c\", penwidth=\"2.5\", "
        "id=\"strategy:pay\"];\n"
        "7[label=\"wait\\nWait\\n#2 · 0 points\", shape=hexagon, style=filled, fillcolor=\"#dcfce7\", id=\"strategy:wait\"];\n"
        "8[label=\"doc.proof\", shape=note, style=filled, fillcolor=\"#f1f5f9\", color=\"#b91c1c\", penwidth=\"2.5\", id=\"advice:doc.proof\"];\n"
        "9[label=\"doc.other\", shape=note, style=filled, fillcolor=\"#e5e7eb\", color=\"#9ca3af\", fontcolor=\"#6b7280\", "
        "id=\"advice:doc.other\"];\n"
        "0->2 [color=\"#b91c1c\", penwidth=\"2\"];\n"
        "2->3 [color=\"#b91c1c\", penwidth=\"2\"];\n"
        "3->6 [color=\"#b91c1c\", penwidth=\"2\"];\n"
        "3->8 [color=\"#b91c1c\", penwidth=\"2\"];\n"
        "2->4 [color=\"#9ca3af\"];\n"
        "4->7 [color=\"#9ca3af\"];\n"
        "1->5 [color=\"#9ca3af\"];\n"
        "5->7 [color=\"#9ca3af\"];\n"
        "5->9 [color=\"#9ca3af\"];\n"
        "}\n");
}

TEST_CASE("write_dot with a case: an excluded strategy, Chinese labels", "[explain][graph]") {
  const auto rules = load(kRules, "tiny.rules");
  const std::string dot = picture(rules, {{"days", 10}, {"proof", true}}, "zh");
  CHECK_THAT(dot, Catch::Contains("label=\"tiny 1\";\n"));  // no id, no dash
  // r_wait and r_proof fired; wait is excluded (dashed, red fill) with the point it would have had.
  CHECK_THAT(dot, Catch::Contains("7[label=\"wait\\n等待\\n已排除(1 分)\", shape=hexagon, style=\"filled,dashed\", "
                                  "fillcolor=\"#fecaca\", color=\"#b91c1c\", penwidth=\"2.5\", id=\"strategy:wait\"];\n"));
  CHECK_THAT(dot, Catch::Contains("6[label=\"pay\\n还款\\n第1名 · 0 分\", shape=hexagon, style=filled, fillcolor=\"#dcfce7\", "
                                  "id=\"strategy:pay\"];\n"));
  CHECK_THAT(dot, Catch::Contains("1[label=\"proof\\n= true\", shape=ellipse, style=filled, fillcolor=\"#dbeafe\", "
                                  "color=\"#b91c1c\", penwidth=\"2.5\", id=\"fact:proof\"];\n"));
  CHECK_THAT(dot, Catch::Contains("3[label=\"r_late\", shape=box, style=filled, fillcolor=\"#e5e7eb\", color=\"#9ca3af\", "
                                  "fontcolor=\"#6b7280\", tooltip=\"late (false) → false\", id=\"rule:r_late\"];\n"));
  CHECK_THAT(dot, Catch::Contains("1->5 [color=\"#b91c1c\", penwidth=\"2\"];\n"));
  CHECK_THAT(dot, Catch::Contains("5->7 [color=\"#b91c1c\", penwidth=\"2\"];\n"));
  CHECK_THAT(dot, Catch::Contains("3->6 [color=\"#9ca3af\"];\n"));
}

TEST_CASE("write_dot with a case: long values are cut, text values quoted", "[explain][graph]") {
  const auto rules = load(R"(ruleset t version "1"
fact note: text
strategy s { en: "S" }
rule r when note == "x" then s += 1 because "." source "s"
)", "t.rules");
  const std::string dot = picture(rules, {{"note", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"}}, "en");
  // 39 characters of the value (the quote counts as one), then an ellipsis.
  CHECK_THAT(dot, Catch::Contains("0[label=\"note\\n= \\\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八…\", "));
}

TEST_CASE("write_dot with a case read against another rule set throws", "[explain][graph]") {
  const auto rules = load(kRules, "tiny.rules");
  const auto other = load(kRules, "tiny.rules");
  const auto parsed = forbear::parse_case(rules, {{"days", 1}});
  REQUIRE(parsed.ok());
  std::ostringstream out;
  CHECK_THROWS_AS(forbear::write_dot(out, other, *parsed.value, "en"), std::invalid_argument);
}
