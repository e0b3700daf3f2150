// The shipped knowledge base: it loads cleanly, every bundled case is accepted and has rule tests,
// and its rule tests (rules/tests/*.tests) all pass and fire every rule.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "model/program.hpp"
#include "support/advice_helpers.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::case_errors;

const fs::path kRulesDir = fs::path(FORBEAR_SOURCE_DIR) / "rules";
const fs::path kRuleTestsDir = kRulesDir / "tests";
const fs::path kCasesDir = fs::path(FORBEAR_SOURCE_DIR) / "examples" / "cases";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const forbear::RuleSet& shipped() {
  static const forbear::RuleSet rules = [] {
    auto loaded = forbear::load_rules({kRulesDir});
    if (!loaded.ok()) throw std::runtime_error("the shipped rules do not load:\n" + loaded.rendered_diagnostics());
    return *loaded.rules;
  }();
  return rules;
}

// The files directly in `dir` whose names end in `extension`, in byte order.
std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("the shipped rules load with no errors and no warnings", "[shipped]") {
  const auto loaded = forbear::load_rules({kRulesDir}, forbear::LoadOptions{.lint = true});
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  CHECK(loaded.diagnostics.empty());
  CHECK(loaded.rules->name() == "overdue_advisor");
  CHECK_FALSE(loaded.rules->version().empty());
  CHECK(loaded.rules->sha256().size() == 64);
  // Files are loaded in byte order of their names; the test files in rules/tests are not rule files.
  const auto& sources = loaded.rules->sources();
  REQUIRE(sources.size() >= 2);
  CHECK(fs::path(sources.front().path).filename() == "00_ruleset.rules");
  CHECK(std::is_sorted(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return fs::path(a.path).filename().string() < fs::path(b.path).filename().string();
  }));
  for (const auto& source : sources) CHECK(fs::path(source.path).extension() == ".rules");
}

TEST_CASE("every bundled case is accepted by the shipped rules", "[shipped]") {
  const auto cases = files_in(kCasesDir, ".json");
  REQUIRE_FALSE(cases.empty());
  for (const auto& path : cases) {
    const auto parsed = forbear::parse_case(shipped(), nlohmann::json::parse(read_text(path)));
    INFO(path.filename().string() << "\n" << case_errors(parsed));
    CHECK(parsed.ok());
  }
}

TEST_CASE("the shipped rule tests all pass and fire every shipped rule", "[shipped]") {
  const auto files = files_in(kRuleTestsDir, ".tests");
  REQUIRE(files.size() >= 6);
  const forbear::RuleTestSuite suite = forbear::load_rule_tests(shipped(), files);
  INFO(suite.rendered_diagnostics());
  REQUIRE(suite.ok());

  const forbear::RuleTestReport report = forbear::run_rule_tests(shipped(), suite);
  INFO(forbear::render_text(report, "en"));
  CHECK(report.files_with_errors == 0);
  CHECK(report.failed == 0);
  CHECK(report.passed == report.tests);
  // The issue asks for at least 40 varied cases; the suite has many more.
  CHECK(report.tests >= 40);
  CHECK(report.ok());

  // Coverage: every rule of the shipped rule set is fired by at least one test.
  CHECK(report.coverage.rule_count == shipped().program().rules.size());
  CHECK(report.coverage.fired.size() == report.coverage.rule_count);
  CHECK(report.coverage.never_fired.empty());
  CHECK(report.coverage.percent() == 100);
}

TEST_CASE("every bundled case has rule tests that start from it", "[shipped]") {
  std::string all_tests;
  for (const auto& path : files_in(kRuleTestsDir, ".tests")) all_tests += read_text(path);
  for (const auto& path : files_in(kCasesDir, ".json")) {
    const std::string reference = "case \"../../examples/cases/" + path.filename().string() + "\"";
    INFO(path.filename().string() << " is not used by any rules/tests/*.tests file (expected a line: " << reference << ")");
    CHECK(all_tests.find(reference) != std::string::npos);
  }
}
