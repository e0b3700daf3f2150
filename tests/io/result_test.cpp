// The result as JSON (to_json) and as text (render_text), and the rule set's identity.

#include <catch2/catch.hpp>


#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"
#include "support/temp_dir.hpp"

namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using Keys = std::vector<std::string>;
namespace fs = std::filesystem;
using forbear::test::load;
using forbear::test::run;

const char* const kRules = R"(ruleset demo version "2.0.1"
fact days: int { zh: "逾期天数", en: "days overdue" }
fact amount: number
fact kind: enum(illness, other)
output monthly = amount / 4
strategy a { zh: "分期", en: "Installments" }
strategy b { zh: "延期", en: "Extension" }
strategy c { zh: "减免", en: "Waiver" }
advice doc.proof { zh: "证明{amount}元", en: "Proof of {amount} CNY" }
advice say.hello { zh: "你好", en: "Hello" }
rule r_a when days > 30 then a += 5, b += 1.5, advise doc.proof
  because { zh: "逾期{days}天", en: "{days} days overdue" }
  source "law §1", "guide 2"
rule r_veto when days > 60 then exclude c because { zh: "太久", en: "too long" } source "law §3"
rule r_c when days > 0 then c += 2 because "有记录" source "s"
rule r_kind when kind == illness then b += 10, advise say.hello because "ill" source "s"
)";

Keys keys(const ordered_json& object) {
  Keys out;
  for (auto it = object.begin(); it != object.end(); ++it) out.push_back(it.key());
  return out;
}

bool is_lower_hex(const std::string& text) {
  return text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

using forbear::test::TempDir;

}  // namespace

TEST_CASE("to_json: top-level keys in a fixed order", "[io]") {
  const auto rules = load(kRules, "demo.rules");
  const auto with_id = forbear::to_json(run(rules, {{"id", "c-1"}, {"days", 90}, {"kind", "illness"}}));
  CHECK(keys(with_id) == Keys{"id", "ruleset", "strategies", "excluded", "outputs", "advice", "missing", "faults", "trace"});
  const auto without_id = forbear::to_json(run(rules, {{"days", 90}}));
  CHECK(keys(without_id) == Keys{"ruleset", "strategies", "excluded", "outputs", "advice", "missing", "faults", "trace"});
  CHECK(keys(with_id["ruleset"]) == Keys{"name", "version", "sha256"});
  CHECK(keys(with_id["trace"]) == Keys{"values", "rules"});
}

TEST_CASE("to_json: the shape and values of each part", "[io]") {
  const auto rules = load(kRules, "demo.rules");
  const auto result = run(rules, {{"id", 7}, {"days", 90}, {"amount", 1000.5}});
  const auto j = forbear::to_json(result);

  CHECK(j["id"] == 7);
  CHECK(j["ruleset"]["name"] == "demo");
  CHECK(j["ruleset"]["version"] == "2.0.1");
  CHECK(j["ruleset"]["sha256"] == rules.sha256());

  REQUIRE(j["strategies"].size() == 2);
  const auto& first = j["strategies"][0];
  CHECK(keys(first) == Keys{"id", "rank", "score", "label", "because"});
  CHECK(first["id"] == "a");
  CHECK(first["rank"] == 1);
  CHECK(first["score"] == 5);
  CHECK(first["score"].is_number_integer());
  CHECK(keys(first["label"]) == Keys{"zh", "en"});
  CHECK(first["label"] == ordered_json{{"zh", "分期"}, {"en", "Installments"}});
  REQUIRE(first["because"].size() == 1);
  const auto& because = first["because"][0];
  CHECK(keys(because) == Keys{"rule", "points", "reason", "source", "location"});
  CHECK(because["rule"] == "r_a");
  CHECK(because["points"] == 5);
  CHECK(because["reason"] == ordered_json{{"zh", "逾期90天"}, {"en", "90 days overdue"}});
  CHECK(because["source"] == ordered_json{"law §1", "guide 2"});
  CHECK(because["location"] == "demo.rules:11");
  const auto& second = j["strategies"][1];
  CHECK(second["id"] == "b");
  CHECK(second["rank"] == 2);
  CHECK(second["score"] == 1.5);

  REQUIRE(j["excluded"].size() == 1);
  const auto& excluded = j["excluded"][0];
  CHECK(keys(excluded) == Keys{"id", "label", "score", "vetoed_by", "because"});
  CHECK(excluded["id"] == "c");
  CHECK(excluded["score"] == 2);
  CHECK(excluded["vetoed_by"][0]["rule"] == "r_veto");
  CHECK(excluded["vetoed_by"][0]["points"] == 0);
  CHECK(excluded["vetoed_by"][0]["reason"]["en"] == "too long");
  CHECK(excluded["vetoed_by"][0]["source"] == ordered_json{"law §3"});
  CHECK(excluded["because"][0]["rule"] == "r_c");
  // A `because` given as a plain string is used for both languages.
  CHECK(excluded["because"][0]["reason"] == ordered_json{{"zh", "有记录"}, {"en", "有记录"}});

  CHECK(j["outputs"] == ordered_json{{"monthly", 250.125}});

  REQUIRE(j["advice"].size() == 1);
  CHECK(keys(j["advice"][0]) == Keys{"id", "kind", "text", "rules"});
  CHECK(j["advice"][0]["id"] == "doc.proof");
  CHECK(j["advice"][0]["kind"] == "doc");
  CHECK(j["advice"][0]["text"] == ordered_json{{"zh", "证明1000.5元"}, {"en", "Proof of 1000.5 CNY"}});
  CHECK(j["advice"][0]["rules"] == ordered_json{"r_a"});

  REQUIRE(j["missing"].size() == 1);
  CHECK(keys(j["missing"][0]) == Keys{"fact", "description", "weight", "rules", "could_change_top", "positions_moved",
                                      "with_value", "new_top"});
  CHECK(j["missing"][0]["fact"] == "kind");
  CHECK(j["missing"][0]["weight"] == 10);
  CHECK(j["missing"][0]["rules"] == ordered_json{"r_kind"});
  // kind = illness gives b 10 more points: b (11.5) overtakes a (5), two places moved.
  CHECK(j["missing"][0]["could_change_top"] == true);
  CHECK(j["missing"][0]["positions_moved"] == 2);
  CHECK(j["missing"][0]["with_value"] == "illness");
  CHECK(j["missing"][0]["new_top"] == "b");

  CHECK(j["faults"] == ordered_json::array());

  REQUIRE(j["trace"]["values"].size() == 1);
  CHECK(keys(j["trace"]["values"][0]) == Keys{"name", "kind", "expression", "value"});
  CHECK(j["trace"]["values"][0] ==
        ordered_json{{"name", "monthly"}, {"kind", "output"}, {"expression", "amount (1000.5) / 4"}, {"value", "250.125"}});
  REQUIRE(j["trace"]["rules"].size() == 4);
  CHECK(j["trace"]["rules"][0] == ordered_json{{"rule", "r_a"}, {"status", "fired"}, {"condition", "days (90) > 30 → true"},
                                               {"location", "demo.rules:11"}});
  CHECK(j["trace"]["rules"][3] == ordered_json{{"rule", "r_kind"},
                                               {"status", "unknown"},
                                               {"condition", "kind (unknown) == illness → unknown"},
                                               {"location", "demo.rules:16"},
                                               {"missing", {"kind"}}});
}

TEST_CASE("to_json: faults and unknown outputs", "[io]") {
  const auto rules = load(kRules, "demo.rules");
  const auto j = forbear::to_json(run(rules, {{"days", 1}}));
  CHECK(j["outputs"] == ordered_json{{"monthly", nullptr}});
  CHECK(j["excluded"] == ordered_json::array());
  CHECK(j["advice"] == ordered_json::array());

  const auto faulty = load("ruleset f version \"1\"\nfact d: int\noutput q = 1 / d\nstrategy s { en: \"S\" }\n", "f.rules");
  const auto fj = forbear::to_json(run(faulty, {{"d", 0}}));
  CHECK(fj["faults"] == ordered_json::array({ordered_json{{"where", "q"}, {"message", "division by zero"}, {"location", "f.rules:3"}}}));
  CHECK(fj["outputs"]["q"].is_null());
}

TEST_CASE("the rule set's sha256 identifies its files", "[io]") {
  TempDir dir;
  dir.write("a.rules", "ruleset h version \"1\"\nfact x: int\nstrategy s { en: \"S\" }\n");
  dir.write("b.rules", "rule r when x > 1 then s += 1 because \".\" source \"s\"\n");
  const auto first = forbear::load_rules({dir.path()});
  INFO(first.rendered_diagnostics());
  REQUIRE(first.ok());
  const std::string sha = first.rules->sha256();
  CHECK(sha.size() == 64);
  CHECK(is_lower_hex(sha));

  const auto again = forbear::load_rules({dir.path()});
  REQUIRE(again.ok());
  CHECK(again.rules->sha256() == sha);

  SECTION("a changed rule file changes it") {
    dir.write("b.rules", "rule r when x > 2 then s += 1 because \".\" source \"s\"\n");
    const auto changed = forbear::load_rules({dir.path()});
    REQUIRE(changed.ok());
    CHECK(changed.rules->sha256().size() == 64);
    CHECK(changed.rules->sha256() != sha);
    const auto result = run(*changed.rules, {{"x", 3}});
    CHECK(forbear::to_json(result)["ruleset"]["sha256"] == changed.rules->sha256());
  }
  SECTION("a comment-only change changes it too") {
    dir.write("a.rules", "# note\nruleset h version \"1\"\nfact x: int\nstrategy s { en: \"S\" }\n");
    const auto changed = forbear::load_rules({dir.path()});
    REQUIRE(changed.ok());
    CHECK(changed.rules->sha256() != sha);
  }
  SECTION("the shipped rules have one too") {
    const auto shipped = forbear::load_rules({fs::path(FORBEAR_SOURCE_DIR) / "rules"});
    REQUIRE(shipped.ok());
    CHECK(shipped.rules->sha256().size() == 64);
    CHECK(is_lower_hex(shipped.rules->sha256()));
    CHECK(shipped.rules->sha256() != sha);
  }
}

TEST_CASE("render_text in Chinese and English", "[io]") {
  const auto rules = load(kRules, "demo.rules");
  const auto result = run(rules, {{"id", "小王"}, {"days", 90}, {"amount", 1000.5}});
  const std::string short_sha = rules.sha256().substr(0, 12);

  SECTION("zh") {
    const std::string text = forbear::render_text(result, "zh");
    CHECK(text.rfind("# 小王\n规则集: demo 2.0.1 (sha256 " + short_sha + ")\n", 0) == 0);
    CHECK_THAT(text, Catch::Contains("\n建议策略(按得分排序):\n"
                                     "  1. 分期 [a] 5 分\n"
                                     "      - +5 r_a: 逾期90天 [依据: law §1; guide 2] (demo.rules:11)\n"
                                     "  2. 延期 [b] 1.5 分\n"
                                     "      - +1.5 r_a: 逾期90天 [依据: law §1; guide 2] (demo.rules:11)\n"));
    CHECK_THAT(text, Catch::Contains("\n已排除的策略:\n"
                                     "  x 减免 [c], 排除规则:\n"
                                     "      - r_veto: 太久 [依据: law §3] (demo.rules:14)\n"));
    CHECK_THAT(text, Catch::Contains("\n计算结果:\n  monthly = 250.125\n"));
    CHECK_THAT(text, Catch::Contains("\n具体建议:\n  - [doc.proof] 证明1000.5元\n"));
    CHECK_THAT(text, Catch::Contains("\n缺少的信息(补充后建议可能改变):\n  - kind: 若 kind = illness,b 将排第一\n"));
    CHECK_THAT(text, Catch::Contains("\n推理过程:\n  output monthly = amount (1000.5) / 4 = 250.125\n"));
    CHECK_THAT(text, Catch::Contains("  [fired] r_a: days (90) > 30 → true\n"));
    CHECK_THAT(text, Catch::Contains("  [unknown] r_kind: kind (unknown) == illness → unknown  (missing: kind)\n"));
  }
  SECTION("en") {
    const std::string text = forbear::render_text(result, "en");
    CHECK(text.rfind("# 小王\nRule set: demo 2.0.1 (sha256 " + short_sha + ")\n", 0) == 0);
    CHECK_THAT(text, Catch::Contains("\nStrategies (ranked by score):\n"
                                     "  1. Installments [a] 5 points\n"
                                     "      - +5 r_a: 90 days overdue [source: law §1; guide 2] (demo.rules:11)\n"
                                     "  2. Extension [b] 1.5 points\n"));
    CHECK_THAT(text, Catch::Contains("\nExcluded strategies:\n"
                                     "  x Waiver [c], excluded by:\n"
                                     "      - r_veto: too long [source: law §3] (demo.rules:14)\n"));
    CHECK_THAT(text, Catch::Contains("\nComputed values:\n  monthly = 250.125\n"));
    CHECK_THAT(text, Catch::Contains("\nAdvice:\n  - [doc.proof] Proof of 1000.5 CNY\n"));
    CHECK_THAT(text, Catch::Contains("\nMissing facts (the advice may change once known):\n"
                                     "  - kind: kind = illness would put b first\n"));
    CHECK_THAT(text, Catch::Contains("\nTrace:\n"));
    CHECK_THAT(text, !Catch::Contains("分期"));
  }
  SECTION("missing facts show their description; no advice says so") {
    const auto r = run(rules, json::object());
    const std::string zh = forbear::render_text(r, "zh");
    CHECK_THAT(zh, Catch::Contains("\n具体建议:\n  无\n"));
    // days = 1 fires only r_c (c += 2), which puts c first.
    CHECK_THAT(zh, Catch::Contains("  - days (逾期天数): 若 days = 1,c 将排第一\n"));
    CHECK_THAT(zh, Catch::Contains("  monthly = 未知\n"));
    CHECK_THAT(forbear::render_text(r, "en"), Catch::Contains("  monthly = unknown\n"));
    CHECK(zh.rfind("规则集: demo 2.0.1", 0) == 0);  // no id, no header line
    const std::string en = forbear::render_text(r, "en");
    CHECK_THAT(en, Catch::Contains("\nAdvice:\n  none\n"));
    CHECK_THAT(en, Catch::Contains("  - days (days overdue): days = 1 would put c first\n"));
  }
  SECTION("a non-string id is shown as JSON; faults are listed") {
    const auto faulty = load("ruleset f version \"1\"\nfact d: int\noutput q = 1 / d\nstrategy s { en: \"S\" }\n", "f.rules");
    const auto r = run(faulty, {{"id", 42}, {"d", 0}});
    const std::string en = forbear::render_text(r, "en");
    CHECK(en.rfind("# 42\n", 0) == 0);
    CHECK_THAT(en, Catch::Contains("\nArithmetic faults:\n  - q: division by zero (f.rules:3)\n"));
    CHECK_THAT(forbear::render_text(r, "zh"), Catch::Contains("\n计算问题:\n  - q: division by zero (f.rules:3)\n"));
  }
}
