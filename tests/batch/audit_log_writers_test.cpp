// Many writers, one audit log: every record arrives, whole, on a line of its own. Two AuditLog
// objects on the same file stand for two processes (each has its own O_APPEND descriptor).

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/audit_log.hpp"
#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

TEST_CASE("audit log: concurrent writers produce whole lines only, none lost", "[concurrency][audit]") {
  const auto loaded = forbear::load_rules_from_string(R"(ruleset w version "1"
fact n: int
fact note: text
strategy a { en: "A" }
rule r when n > 100 then a += 1 because "r" source "s"
)");
  REQUIRE(loaded.ok());
  const forbear::RuleSet& rules = *loaded.rules;
  forbear::test::TempDir dir;
  const auto path = dir.path() / "audit.jsonl";
  forbear::AuditLog first(path, {});
  forbear::AuditLog second(path, {});

  constexpr int kThreads = 4;
  constexpr int kRecords = 150;
  // A long note makes each record several kilobytes, so that torn or interleaved writes would show.
  const std::string note(3000, 'x');
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      forbear::AuditLog& log = t % 2 == 0 ? first : second;
      for (int n = 0; n < kRecords; ++n) {
        const nlohmann::json facts = {{"id", std::to_string(t) + ":" + std::to_string(n)}, {"n", n}, {"note", note}};
        const auto parsed = forbear::parse_case(rules, facts);
        log.record_json(facts, forbear::advise(rules, *parsed.value, {false}));
      }
    });
  }
  for (auto& thread : threads) thread.join();

  const auto lines = forbear::test::lines_of(forbear::test::read_file(path));
  CHECK(lines.size() == kThreads * kRecords);
  std::set<std::string> ids;
  int bad = 0;
  for (const auto& line : lines) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || record["facts"]["note"] != note) {
      ++bad;
      continue;
    }
    ids.insert(record["facts"]["id"].get<std::string>());
  }
  CHECK(bad == 0);
  CHECK(ids.size() == kThreads * kRecords);
}
