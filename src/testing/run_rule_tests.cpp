// run_rule_tests(): advises on every test's case and checks its expectations.

#include "forbear/engine.hpp"
#include "forbear/rule_tests.hpp"
#include "testing/expectation_checker.hpp"
#include "testing/rule_coverage.hpp"

namespace forbear {

RuleTestReport run_rule_tests(const RuleSet& rules, const RuleTestSuite& suite) {
  const detail::Program& program = rules.program();
  RuleTestReport report;
  detail::CoverageCounter coverage(program);
  for (const auto& file : suite.files) {
    RuleTestFileOutcome outcome{file.path, file.has_errors, {}};
    if (file.has_errors) ++report.files_with_errors;
    for (const auto& test : file.tests) {
      RuleTestOutcome result{test.name, test.location, false, {}, advise(rules, test.facts, AdviseOptions{true})};
      for (const auto& expectation : test.expectations) {
        if (auto failure = detail::check_expectation(program, expectation, result.advice)) {
          result.failures.push_back(std::move(*failure));
        }
      }
      result.passed = result.failures.empty();
      coverage.add(result.advice);
      ++report.tests;
      ++(result.passed ? report.passed : report.failed);
      outcome.tests.push_back(std::move(result));
    }
    report.files.push_back(std::move(outcome));
  }
  report.coverage = coverage.result();
  return report;
}

}  // namespace forbear
