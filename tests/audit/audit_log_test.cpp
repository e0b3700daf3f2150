// The audit log: the exact record of an advice, masking and dropping, and whole lines in the file.

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/audit_log.hpp"
#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace {

const char* const kRules = R"(ruleset audit_t version "3"
fact income: number
fact days: int
fact region: enum(north, south) = north
strategy a { en: "A" }
strategy b { en: "B" }
advice doc.x { en: "X for {income}" }
output twice = income * 2
rule big when days > 30 then a += 5, advise doc.x because "big" source "s"
rule rich when income > 1000 then b += 3 because "rich {income}" source "s"
rule veto when days > 90 then exclude b because "veto" source "s"
rule south when region == south then a -= 1 because "south" source "s"
)";

// 2026-01-31T08:15:02.042Z
std::chrono::system_clock::time_point fixed_time() {
  return std::chrono::system_clock::time_point(std::chrono::milliseconds(1769847302042));
}

forbear::AdviceResult advise_text(const forbear::RuleSet& rules, const std::string& text, bool trace = true) {
  const auto parsed = forbear::parse_case_json(rules, text);
  REQUIRE(parsed.ok());
  forbear::AdviseOptions options;
  options.trace = trace;
  return forbear::advise(rules, *parsed.value, options);
}

}  // namespace

TEST_CASE("audit record: time, rule set, facts as given, the decision and the fired rules", "[audit]") {
  const auto rules = forbear::test::load(kRules);
  const std::string facts = "{\"id\": \"c-1\",\n \"income\": 1234567890123.123456, \"days\": 120}";
  const auto result = advise_text(rules, facts);
  const std::string expected =
      "{\"time\":\"2026-01-31T08:15:02.042Z\","
      "\"ruleset\":{\"name\":\"audit_t\",\"version\":\"3\",\"sha256\":\"" + rules.sha256() + "\"},"
      "\"facts\":{\"id\":\"c-1\",\"income\":1234567890123.123456,\"days\":120},"
      "\"masked\":[],\"dropped\":[],"
      "\"result\":{\"strategies\":[{\"id\":\"a\",\"rank\":1,\"score\":5,\"because\":[{\"rule\":\"big\",\"points\":5}]}],"
      "\"excluded\":[{\"id\":\"b\",\"score\":3,\"vetoed_by\":[\"veto\"],\"because\":[{\"rule\":\"rich\",\"points\":3}]}],"
      "\"advice\":[{\"id\":\"doc.x\",\"rules\":[\"big\"]}],"
      "\"outputs\":{\"twice\":2469135780246.247},\"missing\":[],\"faults\":[]},"
      "\"fired\":[\"big\",\"rich\",\"veto\"]}";
  CHECK(forbear::audit_record(facts, result, {}, fixed_time()) == expected);

  SECTION("without a trace the fired rules come from the scores, vetoes and advice items") {
    CHECK(forbear::audit_record(facts, advise_text(rules, facts, false), {}, fixed_time()) == expected);
  }
}

TEST_CASE("audit record: masked fields show only that they were there, dropped ones are left out", "[audit]") {
  const auto rules = forbear::test::load(kRules);
  const std::string facts = R"({"income": 2000, "days": 10, "region": "south"})";
  const auto result = advise_text(rules, facts);
  forbear::AuditOptions options;
  options.mask = {"income", "twice"};
  options.drop = {"region"};
  const auto record = nlohmann::json::parse(forbear::audit_record(facts, result, options, fixed_time()));
  CHECK(record["facts"].dump() == R"({"days":10,"income":{"masked":true}})");
  CHECK(record["masked"] == nlohmann::json({"income", "twice"}));
  CHECK(record["dropped"] == nlohmann::json({"region"}));
  CHECK(record["result"]["outputs"].dump() == R"({"twice":{"masked":true}})");
  // No text for people is logged: a reason or advice text may quote a masked fact.
  CHECK(record.dump().find("2000") == std::string::npos);
  CHECK(record.dump().find("4000") == std::string::npos);
  CHECK(record["fired"] == nlohmann::json({"rich", "south"}));

  SECTION("an output can be dropped too") {
    options.mask = {"income"};
    options.drop = {"twice"};
    const auto dropped = nlohmann::json::parse(forbear::audit_record(facts, result, options, fixed_time()));
    CHECK(dropped["result"]["outputs"].dump() == "{}");
  }
}

TEST_CASE("audit log: records are appended as whole lines; bad setups and bad cases are refused", "[audit]") {
  forbear::test::TempDir dir;
  const auto rules = forbear::test::load(kRules);
  const auto path = dir.path() / "audit.jsonl";
  dir.write("audit.jsonl", "{\"earlier\": true}\n");
  {
    forbear::AuditLog log(path, {});
    log.record(R"({"days": 40})", advise_text(rules, R"({"days": 40})"));
    log.record_json(nlohmann::json{{"days", 5}}, advise_text(rules, R"({"days": 5})"));
    CHECK_THROWS_WITH(log.record(std::string_view("[1]"), advise_text(rules, "{}")),
                      "audit log: the case is not a JSON object");
    CHECK_THROWS_WITH(log.record(std::string_view("{\"days\": "), advise_text(rules, "{}")),
                      Catch::StartsWith("audit log: the case is not JSON: parse error at line 1, column 10"));
  }
  const auto lines = forbear::test::lines_of(forbear::test::read_file(path));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "{\"earlier\": true}");
  CHECK(nlohmann::json::parse(lines[1])["facts"].dump() == R"({"days":40})");
  CHECK(nlohmann::json::parse(lines[2])["facts"].dump() == R"({"days":5})");
  CHECK(nlohmann::json::parse(lines[2])["time"].get<std::string>().size() == 24);

  CHECK_THROWS_AS(forbear::AuditLog(dir.path() / "no" / "such" / "dir.jsonl", {}), std::system_error);
  forbear::AuditOptions both;
  both.mask = {"income"};
  both.drop = {"income"};
  CHECK_THROWS_WITH(forbear::AuditLog(path, both), "audit log: 'income' is both masked and dropped");
}

TEST_CASE("audit log: each durability level writes the same lines", "[audit]") {
  forbear::test::TempDir dir;
  const auto rules = forbear::test::load(kRules);
  for (const auto durability : {forbear::AuditDurability::flush, forbear::AuditDurability::data_sync,
                                forbear::AuditDurability::full_sync}) {
    forbear::AuditOptions options;
    options.durability = durability;
    forbear::AuditLog log(dir.path() / "durable.jsonl", options);
    log.record(R"({"days": 40})", advise_text(rules, R"({"days": 40})"));
  }
  const auto lines = forbear::test::lines_of(forbear::test::read_file(dir.path() / "durable.jsonl"));
  REQUIRE(lines.size() == 3);
  for (const auto& line : lines) CHECK(nlohmann::json::parse(line)["fired"] == nlohmann::json({"big"}));
}
