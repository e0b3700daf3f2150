// Running rule tests: each kind of expectation passing and failing, the failure text byte for byte,
// and the coverage.

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "support/advice_helpers.hpp"
#include "support/cli_runner.hpp"
#include "support/rule_test_fixture.hpp"

using forbear::test::fixture_rules;
using forbear::test::load_tests;
using forbear::test::rule_test_data;
using forbear::test::without_prefix;

namespace {

// The outcome of one test made of `setup` lines and the single line `expect`.
forbear::RuleTestOutcome outcome(const std::string& setup, const std::string& expect) {
  const auto suite = load_tests("test \"t\"\n" + setup + "\n  " + expect + "\n");
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  REQUIRE(report.files.size() == 1);
  REQUIRE(report.files[0].tests.size() == 1);
  return report.files[0].tests[0];
}

bool passes(const std::string& setup, const std::string& expect) {
  const auto result = outcome(setup, expect);
  CHECK(result.passed == result.failures.empty());
  return result.passed;
}

// "expected | actual" of the single failure of a test that must fail.
std::string failure(const std::string& setup, const std::string& expect) {
  const auto result = outcome(setup, expect);
  REQUIRE_FALSE(result.passed);
  REQUIRE(result.failures.size() == 1);
  CHECK(result.failures[0].expectation == expect);
  CHECK(result.failures[0].location == "t.tests:3");
  return result.failures[0].expected + " | " + result.failures[0].actual;
}

std::vector<std::string> rules_of(const forbear::ExpectationFailure& failure) {
  std::vector<std::string> names;
  for (const auto& t : failure.rules) names.push_back(t.rule);
  return names;
}

// Ranking: plan 12 (long_needs_plan +10, ill_without_proof +2), grace 0, pay_now 0; doc.proof and
// say.plan recommended; note unknown (missing); monthly 1000.041667; per_day 266.677778.
const std::string kLongIll = "  given days = 45, amount = 12000.50, cause = illness, has_proof = false";
// Ranking: grace 5; plan 0; pay_now 20 but excluded; nothing recommended; note missing; per_day a fault.
const std::string kJobLossToday = "  given days = 0, amount = 500, cause = job_loss, has_proof = true";

}  // namespace

TEST_CASE("strategy places: first, in top N, not in top N, excluded, not excluded", "[testing][run]") {
  CHECK(passes(kLongIll, "expect plan first"));
  CHECK(failure(kLongIll, "expect grace first") == "grace ranked 1st | grace ranked 2nd; plan ranked 1st");
  CHECK(failure(kJobLossToday, "expect pay_now first") ==
        "pay_now ranked 1st | pay_now excluded by job_loss_cannot_pay; grace ranked 1st");

  CHECK(passes(kLongIll, "expect grace in top 2"));
  CHECK(failure(kLongIll, "expect pay_now in top 2") == "pay_now in the top 2 | pay_now ranked 3rd");
  CHECK(failure(kJobLossToday, "expect pay_now in top 3") ==
        "pay_now in the top 3 | pay_now excluded by job_loss_cannot_pay");

  CHECK(passes(kLongIll, "expect pay_now not in top 2"));
  CHECK(passes(kJobLossToday, "expect pay_now not in top 1"));
  CHECK(failure(kLongIll, "expect grace not in top 2") == "grace not in the top 2 | grace ranked 2nd");

  CHECK(passes(kJobLossToday, "expect pay_now excluded"));
  CHECK(failure(kLongIll, "expect pay_now excluded") == "pay_now excluded | pay_now ranked 3rd");
  CHECK(passes(kLongIll, "expect pay_now not excluded"));
  CHECK(failure(kJobLossToday, "expect pay_now not excluded") ==
        "pay_now not excluded | pay_now excluded by job_loss_cannot_pay");
}

TEST_CASE("ranking: the first strategies, exactly and in order", "[testing][run]") {
  CHECK(passes(kLongIll, "expect ranking plan"));
  CHECK(passes(kLongIll, "expect ranking plan, grace, pay_now"));
  CHECK(failure(kLongIll, "expect ranking plan, pay_now") ==
        "ranking begins plan, pay_now | ranking begins plan, grace");
  CHECK(failure(kJobLossToday, "expect ranking grace, plan, pay_now") ==
        "ranking begins grace, plan, pay_now | ranking begins grace, plan (only 2 ranked)");
}

TEST_CASE("score: every comparison, decimals, and the score of an excluded strategy", "[testing][run]") {
  CHECK(passes(kLongIll, "expect score plan = 12"));
  CHECK(passes(kLongIll, "expect score plan == 12.000"));
  CHECK(passes(kLongIll, "expect score plan != 11.999999"));
  CHECK(passes(kLongIll, "expect score plan > 11.5"));
  CHECK(passes(kLongIll, "expect score plan >= 12"));
  CHECK(passes(kLongIll, "expect score plan < 12.000001"));
  CHECK(passes(kLongIll, "expect score plan <= 12"));
  CHECK(passes(kJobLossToday, "expect score pay_now = 20"));
  CHECK(failure(kLongIll, "expect score plan > 12") == "score of plan > 12 | score of plan is 12");
  CHECK(failure(kLongIll, "expect score grace >= 0.5") == "score of grace >= 0.5 | score of grace is 0");
  CHECK(failure(kJobLossToday, "expect score pay_now < 20") ==
        "score of pay_now < 20 | score of pay_now is 20 (excluded)");
}

TEST_CASE("advice: recommended or not", "[testing][run]") {
  CHECK(passes(kLongIll, "expect advice doc.proof"));
  CHECK(failure(kJobLossToday, "expect advice doc.proof") == "doc.proof recommended | doc.proof not recommended");
  CHECK(passes(kJobLossToday, "expect no advice say.plan"));
  CHECK(failure(kLongIll, "expect no advice say.plan") ==
        "say.plan not recommended | say.plan recommended by long_needs_plan");
}

TEST_CASE("fired and not fired: an unknown condition did not fire", "[testing][run]") {
  CHECK(passes(kLongIll, "expect fired long_needs_plan"));
  CHECK(failure(kLongIll, "expect fired short_gets_grace") ==
        "short_gets_grace fired | short_gets_grace not fired: its condition is false");
  CHECK(failure(kLongIll, "expect fired noted") == "noted fired | noted not fired: its condition is unknown");
  CHECK(passes(kLongIll, "expect not fired noted"));
  CHECK(passes(kLongIll, "expect not fired short_gets_grace"));
  CHECK(failure(kLongIll, "expect not fired long_needs_plan") == "long_needs_plan not fired | long_needs_plan fired");
}

TEST_CASE("output: exact values, and unknown", "[testing][run]") {
  CHECK(passes(kLongIll, "expect output monthly = 1000.041667"));
  CHECK(passes(kLongIll, "expect output per_day = 266.677778"));
  CHECK(failure(kLongIll, "expect output monthly = 1000.04") == "monthly = 1000.04 | monthly = 1000.041667");
  CHECK(passes(kJobLossToday, "expect output per_day = unknown"));
  CHECK(failure(kLongIll, "expect output per_day = unknown") == "per_day = unknown | per_day = 266.677778");
}

TEST_CASE("missing, no missing, no faults", "[testing][run]") {
  CHECK(passes(kLongIll, "expect missing note"));
  CHECK(failure(kLongIll, "expect missing has_proof") == "has_proof listed as missing | missing: note");
  CHECK(passes(kLongIll + ", note = \"call back\"", "expect no missing"));
  CHECK(failure(kLongIll, "expect no missing") == "no missing facts | missing: note");
  // amount < 1000 would put pay_now first, so amount is asked before cause (whose veto only
  // moves pay_now from last to excluded).
  CHECK(failure("  given days = 3", "expect no missing") ==
        "no missing facts | missing: amount, cause, has_proof, note");
  CHECK(passes(kLongIll, "expect no faults"));
  CHECK(failure(kJobLossToday, "expect no faults") ==
        "no arithmetic faults | faults: per_day: division by zero (" + rule_test_data() + "rules/fixture.rules:13)");
}

TEST_CASE("a failure carries the trace of the rules involved", "[testing][run]") {
  using Names = std::vector<std::string>;
  // The strategy expected first and the one that is: every rule that gives them points or excludes them.
  auto result = outcome(kJobLossToday, "expect pay_now first");
  CHECK(rules_of(result.failures[0]) == Names{"short_gets_grace", "small_pays_now", "job_loss_cannot_pay", "noted"});
  CHECK(result.failures[0].values.empty());
  // The rules that recommend the advice item.
  result = outcome(kJobLossToday, "expect advice doc.proof");
  CHECK(rules_of(result.failures[0]) == Names{"ill_without_proof"});
  REQUIRE(result.failures[0].rules.size() == 1);
  const auto& trace = result.failures[0].rules[0];
  CHECK(trace.status == "not_fired");
  CHECK(trace.condition == "cause (job_loss) == illness and not has_proof (true) \xE2\x86\x92 false");
  CHECK(trace.location == rule_test_data() + "rules/fixture.rules:30");
  // The rules that read the fact.
  result = outcome(kLongIll, "expect missing has_proof");
  CHECK(rules_of(result.failures[0]) == Names{"ill_without_proof"});
  // An output: how it was computed, and nothing about rules.
  result = outcome(kLongIll, "expect output monthly = 1");
  CHECK(result.failures[0].rules.empty());
  REQUIRE(result.failures[0].values.size() == 1);
  CHECK(result.failures[0].values[0].expression == "amount (12000.5) / months (12)");
}

TEST_CASE("every failing expectation of a test is reported, in file order", "[testing][run]") {
  const auto suite =
      load_tests("test \"t\"\n" + kLongIll +
                 "\n  expect grace first\n  expect plan first\n  expect no missing\n  expect fired noted\n");
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  const auto& result = report.files[0].tests[0];
  CHECK_FALSE(result.passed);
  REQUIRE(result.failures.size() == 3);
  CHECK(result.failures[0].location == "t.tests:3");
  CHECK(result.failures[1].location == "t.tests:5");
  CHECK(result.failures[2].location == "t.tests:6");
  CHECK(report.tests == 1);
  CHECK(report.failed == 1);
}

TEST_CASE("the report matches its golden file byte for byte", "[testing][run]") {
  const std::string data = rule_test_data();
  const auto suite = forbear::load_rule_tests(fixture_rules(), {data + "run/report.tests"});
  INFO(suite.rendered_diagnostics());
  REQUIRE(suite.ok());
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  CHECK(without_prefix(forbear::render_text(report, "en"), data) ==
        forbear::test::read_file(data + "run/report.expected"));
  CHECK(report.tests == 4);
  CHECK(report.passed == 2);
  CHECK(report.failed == 2);
  CHECK(report.files[0].tests[2].failures.size() == 9);
}

TEST_CASE("the report quotes labels in the language asked for", "[testing][run]") {
  const auto suite = load_tests("test \"t\"\n" + kJobLossToday + "\n  expect plan first\n");
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  const std::string zh = forbear::render_text(report, "zh");
  CHECK(zh.find("    ranking:\n      1. grace 5 (申请宽限期)\n      2. plan 0 (申请分期)\n      excluded: pay_now 20 "
                "(立即还款)\n") != std::string::npos);
  const std::string en = forbear::render_text(report, "en");
  CHECK(en.find("      1. grace 5 (Ask for a grace period)\n") != std::string::npos);
}

TEST_CASE("coverage: the rules some test fired, and the others with their location", "[testing][run]") {
  auto suite = load_tests("test \"a\"\n" + kLongIll + "\n  expect plan first\ntest \"b\"\n" + kJobLossToday +
                          "\n  expect grace first\n");
  auto report = forbear::run_rule_tests(fixture_rules(), suite);
  const auto& coverage = report.coverage;
  CHECK(coverage.rule_count == 6);
  CHECK(coverage.fired == std::vector<std::string>{"long_needs_plan", "short_gets_grace", "ill_without_proof",
                                                   "small_pays_now", "job_loss_cannot_pay"});
  REQUIRE(coverage.never_fired.size() == 1);
  CHECK(coverage.never_fired[0].rule == "noted");
  CHECK(coverage.never_fired[0].location == rule_test_data() + "rules/fixture.rules:40");
  CHECK(coverage.percent() == 83);  // 5/6, rounded down: 100% only when every rule fired

  // A failing test covers what it fired too.
  suite = load_tests("test \"a\"\n" + kLongIll + "\n  expect grace first\n");
  report = forbear::run_rule_tests(fixture_rules(), suite);
  CHECK(report.failed == 1);
  CHECK(report.coverage.fired == std::vector<std::string>{"long_needs_plan", "ill_without_proof"});
  CHECK(report.coverage.percent() == 33);
  const std::string text = without_prefix(forbear::render_text(report, "en"), rule_test_data());
  CHECK(text.substr(text.find("\ncoverage:")) ==
        "\ncoverage: 2/6 rules fired by at least one test (33%)\n"
        "never fired:\n"
        "  short_gets_grace (rules/fixture.rules:28)\n"
        "  small_pays_now (rules/fixture.rules:36)\n"
        "  job_loss_cannot_pay (rules/fixture.rules:38)\n"
        "  noted (rules/fixture.rules:40)\n"
        "1 test, 0 passed, 1 failed\n");
}

TEST_CASE("tests loaded against another rule set are refused", "[testing][run]") {
  const auto suite = load_tests("test \"t\"\n  expect plan first\n");
  const auto other = forbear::load_rules({rule_test_data() + "rules/fixture.rules"});
  REQUIRE(other.ok());
  CHECK_THROWS_AS(forbear::run_rule_tests(*other.rules, suite), std::invalid_argument);
}

TEST_CASE("a file without tests is listed as such", "[testing][run]") {
  const auto suite = load_tests("# tests to come\n\n");
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  CHECK(report.ok());
  const std::string text = without_prefix(forbear::render_text(report, "en"), rule_test_data());
  CHECK(text ==
        "t.tests: no tests\n"
        "\n"
        "coverage: 0/6 rules fired by at least one test (0%)\n"
        "never fired:\n"
        "  long_needs_plan (rules/fixture.rules:22)\n"
        "  short_gets_grace (rules/fixture.rules:28)\n"
        "  ill_without_proof (rules/fixture.rules:30)\n"
        "  small_pays_now (rules/fixture.rules:36)\n"
        "  job_loss_cannot_pay (rules/fixture.rules:38)\n"
        "  noted (rules/fixture.rules:40)\n"
        "0 tests, 0 passed, 0 failed\n");
}
