// forbear replay: logged advices advised on again; what differs, which rules account for it, masked
// records that replay or cannot, and torn lines reported by number.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::CliSandbox;
using forbear::test::lines_of;
using forbear::test::read_file;

std::string rules_with(const std::string& big_threshold) {
  return "ruleset replay_t version \"1\"\n"                                                         // 1
         "fact income: number\n"                                                                    // 2
         "fact days: int\n"                                                                         // 3
         "strategy a { en: \"A\" }\n"                                                               // 4
         "strategy b { en: \"B\" }\n"                                                               // 5
         "advice doc.x { en: \"X\" }\n"                                                             // 6
         "output twice = income * 2\n"                                                              // 7
         "rule big when days > " + big_threshold + " then a += 5, advise doc.x because \"big\" source \"s\"\n"  // 8
         "rule rich when days < 100 and income > 1000 then b += 3 because \"rich\" source \"s\"\n"  // 9
         "rule veto when days > 90 then exclude b because \"veto\" source \"s\"\n";                 // 10
}

// A log of five advices: three from batch, two from advise with income (and the output computed
// from it) masked.
void write_log(const CliSandbox& box) {
  box.write("old.rules", rules_with("30"));
  const auto batch = box.run("batch --rules old.rules --audit-log audit.jsonl",
                             "{\"id\": \"c1\", \"days\": 10, \"income\": 500}\n"
                             "{\"id\": \"c2\", \"days\": 45, \"income\": 500}\n"
                             "{\"id\": \"c3\", \"days\": 75, \"income\": 2000}\n");
  REQUIRE(batch.status == 0);
  box.write("c4.json", "{\"id\": \"c4\", \"days\": 45, \"income\": 2000}");
  box.write("c5.json", "{\"id\": \"c5\", \"days\": 120, \"income\": 2000}");
  for (const char* name : {"c4.json", "c5.json"}) {
    const auto advise = box.run(std::string("advise --rules old.rules --audit-log audit.jsonl --audit-mask income ") +
                                "--audit-mask twice --format json " + name);
    REQUIRE(advise.status == 0);
  }
  REQUIRE(lines_of(read_file(box.path() / "audit.jsonl")).size() == 5);
}

}  // namespace

TEST_CASE("replay: the same rules give the same advice; a masked fact that did not matter still replays", "[audit][cli]") {
  CliSandbox box;
  write_log(box);
  const auto lines = lines_of(read_file(box.path() / "audit.jsonl"));
  // Batch --threads may log in any order; one thread keeps the input's.
  CHECK(nlohmann::json::parse(lines[1])["facts"]["id"] == "c2");
  CHECK(nlohmann::ordered_json::parse(lines[3])["facts"].dump() == R"({"id":"c4","days":45,"income":{"masked":true}})");

  const auto run = box.run("replay --rules old.rules audit.jsonl");
  CHECK(run.out ==
        "line 4 (id \"c4\"): cannot replay: depends on masked fact income\n"
        "replay: 5 records: 4 same, 0 different, 1 cannot replay, 0 malformed\n");
  CHECK(run.err == "");
  CHECK(run.status == 1);
}

TEST_CASE("replay: after a rule change, exactly the records whose advice moved, and the rule that moved it", "[audit][cli]") {
  CliSandbox box;
  write_log(box);
  box.write("new.rules", rules_with("60"));
  const auto run = box.run("replay --rules new.rules audit.jsonl");
  const std::string expected =
      "line 2 (id \"c2\"): different\n"
      "  score of a: 5 -> 0\n"
      "  advice removed: doc.x\n"
      "  rule big: no longer fires (new.rules:8)\n"
      "line 4 (id \"c4\"): cannot replay: depends on masked fact income\n"
      "replay: 5 records: 3 same, 1 different, 1 cannot replay, 0 malformed\n";
  CHECK(run.out == expected);
  CHECK(run.status == 1);
  // docs/*/audit-log.md show this very output.
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    CHECK(read_file(fs::path(FORBEAR_SOURCE_DIR) / "docs" / lang / "audit-log.md").find("```\n" + expected + "```\n") !=
          std::string::npos);
  }

  SECTION("as JSON") {
    const auto json_run = box.run("replay --rules new.rules --format json audit.jsonl");
    CHECK(json_run.status == 1);
    CHECK(json_run.err == "replay: 5 records: 3 same, 1 different, 1 cannot replay, 0 malformed\n");
    const auto out = nlohmann::ordered_json::parse(json_run.out);
    REQUIRE(out["records"].size() == 2);
    CHECK(out["records"][0].dump() ==
          R"({"line":2,"verdict":"different","id":"c2","changes":[{"what":"score","subject":"a","before":5,"after":0},)"
          R"({"what":"advice","subject":"doc.x","before":true,"after":false}],)"
          R"("rules":[{"rule":"big","change":"no longer fires","location":"new.rules:8"}]})");
    CHECK(out["records"][1]["verdict"] == "cannot_replay");
    CHECK(out["summary"].dump() == R"({"records":5,"same":3,"different":1,"cannot_replay":1,"malformed_lines":[]})");
  }

  SECTION("a rule that now fires, and points that changed") {
    box.write("newer.rules", rules_with("5").replace(rules_with("5").find("a += 5"), 6, "a += 7"));
    const auto newer = box.run("replay --rules newer.rules audit.jsonl");
    CHECK(newer.out ==
          "line 1 (id \"c1\"): different\n"
          "  score of a: 0 -> 7\n"
          "  advice added: doc.x\n"
          "  rule big: now fires (newer.rules:8)\n"
          "line 2 (id \"c2\"): different\n"
          "  score of a: 5 -> 7\n"
          "  rule big: gives a 7 points (was 5) (newer.rules:8)\n"
          "line 3 (id \"c3\"): different\n"
          "  score of a: 5 -> 7\n"
          "  rule big: gives a 7 points (was 5) (newer.rules:8)\n"
          "line 4 (id \"c4\"): cannot replay: depends on masked fact income\n"
          "line 5 (id \"c5\"): different\n"
          "  score of a: 5 -> 7\n"
          "  rule big: gives a 7 points (was 5) (newer.rules:8)\n"
          "replay: 5 records: 0 same, 4 different, 1 cannot replay, 0 malformed\n");
  }
}

TEST_CASE("replay: torn and malformed lines are reported by number, never skipped", "[audit][cli]") {
  CliSandbox box;
  write_log(box);
  std::string log = read_file(box.path() / "audit.jsonl");
  const auto lines = lines_of(log);
  log = lines[0] + "\n\n" + "{\"time\": 1}\n" + lines[1] + "\n" + lines[2].substr(0, 40);  // a crash mid-line
  box.write("torn.jsonl", log);
  const auto run = box.run("replay --rules old.rules torn.jsonl");
  CHECK(run.out ==
        "line 2: malformed: blank line\n"
        "line 3: malformed: no \"facts\" object\n"
        "line 5: malformed: invalid JSON: parse error at line 1, column 41: syntax error while parsing object key - "
        "invalid string: missing closing quote; last read: '\"rule'; expected string literal\n"
        "replay: 5 records: 2 same, 0 different, 0 cannot replay, 3 malformed (lines 2, 3, 5)\n");
  CHECK(run.status == 2);

  CHECK(box.run("replay --rules old.rules").err ==
        "forbear: error: replay needs an audit log: forbear replay [--rules PATH]... LOG\n");
  CHECK(box.run("replay --rules old.rules missing.jsonl").err == "forbear: error: cannot read audit log 'missing.jsonl'\n");
  CHECK(box.run("advise --audit-mask income x.json").err.rfind("forbear: error: --audit-mask needs --audit-log PATH\n", 0) == 0);
}

TEST_CASE("replay: the shipped rules' own log replays the same; a changed threshold moves exactly the cases it should",
          "[audit][cli]") {
  const fs::path source(FORBEAR_SOURCE_DIR);
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(source / "examples" / "cases")) {
    if (entry.path().extension() == ".json") cases.push_back(nlohmann::json::parse(read_file(entry.path())).dump());
  }
  std::sort(cases.begin(), cases.end());
  std::string input;
  for (const auto& c : cases) input += c + "\n";

  CliSandbox box;
  const auto rules = (source / "rules").string();
  REQUIRE(box.run("batch --threads 2 --rules " + rules + " --audit-log audit.jsonl", input).status == 0);
  const auto same = box.run("replay --rules " + rules + " audit.jsonl");
  CHECK(same.out == "replay: " + std::to_string(cases.size()) + " records: " + std::to_string(cases.size()) +
                        " same, 0 different, 0 cannot replay, 0 malformed\n");
  CHECK(same.status == 0);

  // A copy of the rules where a short overdue ends at 20 days instead of 30.
  fs::copy(source / "rules", box.path() / "changed", fs::copy_options::recursive);
  std::string derived = read_file(box.path() / "changed" / "derived.rules");
  const std::string before = "let short_overdue = days_overdue >= 4 and days_overdue <= 30\n"
                             "let medium_overdue = days_overdue >= 31 and";
  REQUIRE(derived.find(before) != std::string::npos);
  derived.replace(derived.find(before), before.size(),
                  "let short_overdue = days_overdue >= 4 and days_overdue <= 20\n"
                  "let medium_overdue = days_overdue >= 21 and");
  box.write("changed/derived.rules", derived);

  // Which logged cases should move: their decision (ranking, scores, vetoes, advice, outputs) differs
  // between the two rule sets, advised on here directly.
  const auto old_rules = forbear::load_rules({source / "rules"});
  const auto new_rules = forbear::load_rules({box.path() / "changed"});
  REQUIRE(old_rules.ok());
  REQUIRE(new_rules.ok());
  const auto decision = [](const forbear::RuleSet& r, const std::string& text) {
    auto json = forbear::to_json(forbear::advise(r, *forbear::parse_case_json(r, text).value));
    std::string out;
    for (const auto& s : json["strategies"]) out += s["id"].dump() + s["score"].dump();
    for (const auto& e : json["excluded"]) out += "x" + e["id"].dump() + e["score"].dump();
    for (const auto& a : json["advice"]) out += "+" + a["id"].dump();
    return out + json["outputs"].dump();
  };
  std::set<std::string> moved;
  for (const auto& c : cases) {
    if (decision(*old_rules.rules, c) != decision(*new_rules.rules, c)) moved.insert(nlohmann::json::parse(c)["id"].dump());
  }
  REQUIRE_FALSE(moved.empty());

  const auto changed = box.run("replay --rules changed --format json audit.jsonl");
  CHECK(changed.status == 1);
  const auto report = nlohmann::json::parse(changed.out);
  std::set<std::string> reported;
  for (const auto& record : report["records"]) {
    CHECK(record["verdict"] == "different");
    reported.insert(record["id"].dump());
    // Every difference is put down to the rules that changed their part.
    CHECK_FALSE(record["rules"].empty());
  }
  CHECK(reported == moved);
  CHECK(report["summary"]["different"] == moved.size());
}
