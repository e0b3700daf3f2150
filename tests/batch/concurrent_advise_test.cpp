// One rule set shared by many threads: reading cases, advising and rendering at once give the same
// answers as one thread does. Run under ThreadSanitizer in CI (scripts/test.sh), this is where a
// data race in the engine would show.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

// Everything a case's advice gives, as text: the JSON and both reports.
std::string everything(const forbear::RuleSet& rules, const std::string& case_json) {
  const auto parsed = forbear::parse_case_json(rules, case_json);
  if (!parsed.ok()) return "error: " + parsed.errors.front().message;
  const auto result = forbear::advise(rules, *parsed.value);
  return forbear::to_json(result).dump() + forbear::render_text(result, "en") + forbear::render_text(result, "zh");
}

}  // namespace

TEST_CASE("concurrency: one rule set advises on many cases from many threads at once", "[concurrency]") {
  const auto loaded = forbear::load_rules({fs::path(FORBEAR_SOURCE_DIR) / "rules"});
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  const forbear::RuleSet& rules = *loaded.rules;

  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(FORBEAR_SOURCE_DIR) / "examples" / "cases")) {
    if (entry.path().extension() == ".json") cases.push_back(forbear::test::read_file(entry.path()));
  }
  std::sort(cases.begin(), cases.end());
  cases.push_back("{\"days_overdue\": \"x\"}");  // a bad case among them
  REQUIRE(cases.size() >= 10);

  std::vector<std::string> expected;
  for (const auto& text : cases) expected.push_back(everything(rules, text));

  constexpr int kThreads = 4;
  constexpr int kRounds = 3;
  std::vector<std::vector<std::string>> answers(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread walks the cases from another starting point, so that different cases overlap.
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < cases.size(); ++i) {
          const std::size_t k = (i + static_cast<std::size_t>(t) * 3) % cases.size();
          answers[static_cast<std::size_t>(t)].push_back(std::to_string(k) + ":" + everything(rules, cases[k]));
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  for (int t = 0; t < kThreads; ++t) {
    const auto& got = answers[static_cast<std::size_t>(t)];
    REQUIRE(got.size() == cases.size() * kRounds);
    for (std::size_t n = 0; n < got.size(); ++n) {
      const std::size_t k = (n % cases.size() + static_cast<std::size_t>(t) * 3) % cases.size();
      CHECK(got[n] == std::to_string(k) + ":" + expected[k]);
    }
  }
}
