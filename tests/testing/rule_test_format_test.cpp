// The line forms of a `.tests` file: what each one reads into (names, numbers, values, the case).

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "support/advice_helpers.hpp"
#include "support/rule_test_fixture.hpp"

using forbear::Comparison;
using forbear::Decimal;
using forbear::EnumMember;
using forbear::Expectation;
using forbear::ExpectationKind;
using forbear::Value;
using forbear::test::load_tests;

namespace {

// The one test of a suite that has exactly one.
const forbear::RuleTest& only_test(const forbear::RuleTestSuite& suite) {
  REQUIRE(suite.files.size() == 1);
  REQUIRE(suite.files[0].tests.size() == 1);
  return suite.files[0].tests[0];
}

// The expectation read from `line` (inside a test with no given values).
Expectation expectation(const std::string& line) {
  const auto suite = load_tests("test \"t\"\n  " + line + "\n");
  const auto& test = only_test(suite);
  REQUIRE(test.expectations.size() == 1);
  return test.expectations[0];
}

// The facts of a test made of `lines` (and one expectation).
std::vector<Value> facts(const std::string& lines) {
  const auto suite = load_tests("test \"t\"\n" + lines + "\n  expect plan first\n");
  return only_test(suite).facts.facts();
}

Decimal decimal(const char* text) { return *Decimal::parse(text); }

}  // namespace

TEST_CASE("each expect form reads into its kind, names and numbers", "[testing][format]") {
  using Names = std::vector<std::string>;
  auto e = expectation("expect plan first");
  CHECK(e.kind == ExpectationKind::first);
  CHECK(e.names == Names{"plan"});
  CHECK(e.text == "expect plan first");
  CHECK(e.location == "t.tests:2");

  e = expectation("expect grace in top 3");
  CHECK(e.kind == ExpectationKind::in_top);
  CHECK(e.names == Names{"grace"});
  CHECK(e.top == 3);

  e = expectation("expect pay_now not in top 2");
  CHECK(e.kind == ExpectationKind::not_in_top);
  CHECK(e.top == 2);

  CHECK(expectation("expect pay_now excluded").kind == ExpectationKind::excluded);
  CHECK(expectation("expect pay_now not excluded").kind == ExpectationKind::not_excluded);

  e = expectation("expect ranking plan, grace,pay_now");
  CHECK(e.kind == ExpectationKind::ranking);
  CHECK(e.names == Names{"plan", "grace", "pay_now"});

  e = expectation("expect score plan >= -12.5");
  CHECK(e.kind == ExpectationKind::score);
  CHECK(e.names == Names{"plan"});
  CHECK(e.comparison == Comparison::greater_equal);
  CHECK(e.number == decimal("-12.5"));
  CHECK(expectation("expect score plan = 3").comparison == Comparison::equal);
  CHECK(expectation("expect score plan == 3").comparison == Comparison::equal);
  CHECK(expectation("expect score plan != 3").comparison == Comparison::not_equal);
  CHECK(expectation("expect score plan < 3").comparison == Comparison::less);
  CHECK(expectation("expect score plan <= 3").comparison == Comparison::less_equal);
  CHECK(expectation("expect score plan > 3").comparison == Comparison::greater);

  e = expectation("expect advice doc.proof");
  CHECK(e.kind == ExpectationKind::advice);
  CHECK(e.names == Names{"doc.proof"});
  CHECK(expectation("expect no advice say.plan").kind == ExpectationKind::no_advice);

  e = expectation("expect fired long_needs_plan");
  CHECK(e.kind == ExpectationKind::fired);
  CHECK(e.names == Names{"long_needs_plan"});
  CHECK(expectation("expect not fired noted").kind == ExpectationKind::not_fired);

  e = expectation("expect missing has_proof");
  CHECK(e.kind == ExpectationKind::missing);
  CHECK(e.names == Names{"has_proof"});
  CHECK(expectation("expect no missing").kind == ExpectationKind::no_missing);
  CHECK(expectation("expect no faults").kind == ExpectationKind::no_faults);
}

TEST_CASE("an expected output value is read in the output's type and kept as the trace shows it", "[testing][format]") {
  auto e = expectation("expect output monthly = 1000.041667");
  CHECK(e.kind == ExpectationKind::output);
  CHECK(e.names == std::vector<std::string>{"monthly"});
  CHECK(e.value == "1000.041667");
  CHECK(expectation("expect output monthly = 12.50").value == "12.5");
  CHECK(expectation("expect output monthly = 7").value == "7");
  CHECK(expectation("expect output monthly = unknown").value == "unknown");
}

TEST_CASE("comments, blank lines and free indentation", "[testing][format]") {
  const auto suite = load_tests(
      "# a comment line\n"
      "\n"
      "test \"a # is not a comment inside a name\"   # but here it is\n"
      "given days = 45 # the rest is ignored\n"
      "        expect plan first\n"
      "\t  expect no faults\n");
  const auto& test = only_test(suite);
  CHECK(test.name == "a # is not a comment inside a name");
  CHECK(test.location == "t.tests:3");
  REQUIRE(test.expectations.size() == 2);
  CHECK(test.expectations[1].text == "expect no faults");
  CHECK(test.expectations[1].location == "t.tests:6");
  CHECK(test.facts.facts()[0] == Value{std::int64_t{45}});
}

TEST_CASE("test names may be any string with escapes, and tests keep their file order", "[testing][format]") {
  const auto suite = load_tests(
      "test \"小王: \\\"收入下降\\\"\"\n  expect plan first\n"
      "test \"second\"\n  expect grace first\n");
  REQUIRE(suite.files[0].tests.size() == 2);
  CHECK(suite.files[0].tests[0].name == "小王: \"收入下降\"");
  CHECK(suite.files[0].tests[1].name == "second");
  CHECK(suite.files[0].tests[1].location == "t.tests:3");
}

TEST_CASE("a strategy may be named like an expect keyword", "[testing][format]") {
  const auto rules = forbear::test::load(
      "ruleset k version \"1\"\nfact x: int\nstrategy score { en: \"s\" }\nstrategy missing { en: \"m\" }\n"
      "rule r when x > 1 then score += 1 because \"b\" source \"s\"\n");
  const auto suite = forbear::load_rule_tests_from_string(
      rules, "test \"t\"\n  expect score first\n  expect missing in top 2\n  expect score score >= 1\n", "k.tests");
  INFO(suite.rendered_diagnostics());
  REQUIRE(suite.ok());
  const auto& expectations = suite.files[0].tests[0].expectations;
  REQUIRE(expectations.size() == 3);
  CHECK(expectations[0].kind == ExpectationKind::first);
  CHECK(expectations[0].names == std::vector<std::string>{"score"});
  CHECK(expectations[1].kind == ExpectationKind::in_top);
  CHECK(expectations[1].names == std::vector<std::string>{"missing"});
  CHECK(expectations[2].kind == ExpectationKind::score);
}

TEST_CASE("given values of every type, exact to the last digit", "[testing][format]") {
  // days, amount, cause, has_proof, note, months (= 12 by default, so unknown until advised)
  const auto values = facts(
      "  given days = 45, amount = 12000.50, cause = illness\n  given has_proof = true, note = \"a \\\"b\\\"\\n\"");
  REQUIRE(values.size() == 6);
  CHECK(values[0] == Value{std::int64_t{45}});
  CHECK(values[1] == Value{decimal("12000.5")});
  CHECK(values[2] == Value{EnumMember{1}});
  CHECK(values[3] == Value{true});
  CHECK(values[4] == Value{std::string("a \"b\"\n")});
  CHECK(values[5] == Value{});

  CHECK(facts("  given amount = 999999.123456")[1] == Value{Decimal::from_raw(999'999'123'456)});
  // More digits than a double holds (a JSON reader would round them): kept exactly.
  const auto rules = forbear::test::load(
      "ruleset big version \"1\"\nfact n: number\nfact i: int\nstrategy s { en: \"s\" }\n"
      "rule r when n > 0 then s += 1 because \"b\" source \"s\"\n");
  const auto suite = forbear::load_rule_tests_from_string(
      rules, "test \"t\"\n  given n = 9223372036853.999999, i = -9223372036854775808\n  expect s first\n");
  INFO(suite.rendered_diagnostics());
  REQUIRE(suite.ok());
  const auto& big = suite.files[0].tests[0].facts.facts();
  CHECK(big[0] == Value{Decimal::from_raw(9'223'372'036'853'999'999)});
  CHECK(big[1] == Value{std::int64_t{INT64_MIN}});

  // An enum member may also be written as a string, as in a case file; a whole decimal is an int.
  CHECK(facts("  given cause = \"job_loss\"")[2] == Value{EnumMember{2}});
  CHECK(facts("  given days = 30.000")[0] == Value{std::int64_t{30}});
  CHECK(facts("  given has_proof = false")[3] == Value{false});
}

TEST_CASE("the case file comes first, given values change it, the later value wins", "[testing][format]") {
  const std::string case_file = "\"" + forbear::test::rule_test_data() + "cases/long_ill.json\"";
  // long_ill.json: days 45, amount 12000.50, cause illness, has_proof false
  auto values = facts("  case " + case_file);
  CHECK(values[0] == Value{std::int64_t{45}});
  CHECK(values[1] == Value{decimal("12000.5")});
  CHECK(values[3] == Value{false});

  values = facts("  given days = 5\n  case " + case_file + "\n  given days = 6, has_proof = unknown, days = 7");
  CHECK(values[0] == Value{std::int64_t{7}});
  CHECK(values[1] == Value{decimal("12000.5")});
  CHECK(values[3] == Value{});

  const auto suite = load_tests("test \"t\"\n  case " + case_file + "\n  expect plan first\n");
  CHECK(suite.files[0].tests[0].facts.id() == "long_ill");
}

TEST_CASE("a fact given as unknown takes its default, as in a case", "[testing][format]") {
  const auto suite =
      load_tests("test \"t\"\n  given amount = 1200, months = 6, months = unknown\n  expect output monthly = 100\n");
  const auto report = forbear::run_rule_tests(forbear::test::fixture_rules(), suite);
  CHECK(report.passed == 1);
}

TEST_CASE("a given value is checked with the messages a case file gets for the same value", "[testing][format]") {
  struct Sample {
    const char* fact;
    const char* literal;  // in the test file
    nlohmann::json json;  // the same value in a case file
  };
  const std::vector<Sample> samples = {
      {"days", "\"three\"", "three"},
      {"days", "4.5", 4.5},
      {"days", "-1", -1},
      {"has_proof", "1", 1},
      {"amount", "\"lots\"", "lots"},
      {"amount", "1000000.5", 1000000.5},
      {"cause", "\"illnes\"", "illnes"},
      {"months", "0", 0},
      {"note", "12", 12},
      {"note", "true", true},
      {"cause", "2.5", 2.5},
  };
  for (const auto& sample : samples) {
    INFO(sample.fact << " = " << sample.literal);
    const auto parsed = forbear::parse_case(forbear::test::fixture_rules(), nlohmann::json{{sample.fact, sample.json}});
    REQUIRE(parsed.errors.size() == 1);
    const auto suite = forbear::load_rule_tests_from_string(
        forbear::test::fixture_rules(),
        std::string("test \"t\"\n  given ") + sample.fact + " = " + sample.literal + "\n  expect plan first\n");
    REQUIRE(suite.diagnostics.size() == 1);
    CHECK(suite.diagnostics[0].message == "'" + parsed.errors[0].field + "': " + parsed.errors[0].message);
  }
  // The one difference: a number is shown as written, where a case shows how JSON printed it back.
  CHECK(forbear::test::test_errors("test \"t\"\n  given amount = 0.0000001\n  expect plan first\n")
            .find("'amount': expected number with at most 6 decimal places, got 0.0000001\n") != std::string::npos);
  CHECK(forbear::parse_case(forbear::test::fixture_rules(), {{"amount", 0.0000001}}).errors[0].message ==
        "expected number with at most 6 decimal places, got 1e-07");
}
