#pragma once

// Rule tests: `.tests` files that say, for a case, what the advice must be (see docs/en/rule-tests.md).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/advice.hpp"
#include "forbear/case.hpp"
#include "forbear/decimal.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"

namespace forbear {

/// What an `expect` line checks.
enum class ExpectationKind : std::uint8_t {
  first,         ///< `expect S first`: S is ranked 1st
  in_top,        ///< `expect S in top N`: S is ranked 1st to Nth
  not_in_top,    ///< `expect S not in top N`: S is excluded or ranked below N
  excluded,      ///< `expect S excluded`
  not_excluded,  ///< `expect S not excluded`
  ranking,       ///< `expect ranking S1, S2`: the ranking begins with exactly these, in this order
  score,         ///< `expect score S OP NUMBER`
  advice,        ///< `expect advice ID`: the item is recommended
  no_advice,     ///< `expect no advice ID`
  fired,         ///< `expect fired RULE`
  not_fired,     ///< `expect not fired RULE`: the rule did not fire (it was false or unknown)
  output,        ///< `expect output NAME = VALUE`
  missing,       ///< `expect missing FACT`: the fact is listed under `missing`
  no_missing,    ///< `expect no missing`
  no_faults,     ///< `expect no faults`
};

/// How `expect score` compares the actual score with the number given.
enum class Comparison : std::uint8_t { equal, not_equal, less, less_equal, greater, greater_equal };

/// One `expect` line, its names checked against the rule set.
struct Expectation {
  ExpectationKind kind = ExpectationKind::no_faults;
  std::string text;                ///< the line as written from `expect` on, without its comment
  std::string location;            ///< "file:line" of the line
  SourceSpan span;                 ///< `text` in RuleTestSuite::sources
  std::vector<std::string> names;  ///< the strategy, advice id, rule, output or fact named; `ranking`: each strategy
  int top = 0;                     ///< `in top N`, `not in top N`: N (1 or more)
  Comparison comparison = Comparison::equal;  ///< `score`: the operator
  Decimal number;                             ///< `score`: the number compared with
  std::string value;  ///< `output`: the value as the trace renders it (`12`, `0.5`, `"text"`, `illness`, `unknown`)
};

/// One `test` block: the case it advises on (its case file, if any, with its `given` values
/// applied) and what it expects.
struct RuleTest {
  std::string name;
  std::string location;  ///< "file:line" of the `test` line
  SourceSpan span;       ///< the name on the `test` line
  Case facts;
  std::vector<Expectation> expectations;
};

/// The tests of one file. A file with errors keeps no tests: none of them run.
struct RuleTestFile {
  std::string path;
  bool has_errors = false;
  std::vector<RuleTest> tests;
};

/// Rule test files read and checked against one rule set.
struct RuleTestSuite {
  std::vector<RuleTestFile> files;      ///< in the order given
  std::vector<Diagnostic> diagnostics;  ///< every error found, file by file
  std::vector<SourceFile> sources;      ///< the files the diagnostics point into (test files, broken case files)
  /// True when no file has an error.
  bool ok() const noexcept { return diagnostics.empty(); }
  /// All diagnostics rendered for people (see forbear::render).
  std::string rendered_diagnostics() const;
};

/// Reads `.tests` files and checks them against `rules`: the syntax of every line, every name (with
/// a did-you-mean suggestion), every `given` value against its fact's type and range (with the
/// messages of parse_case), and the case files (a `case` path is relative to its test file). Every
/// error is reported; a file with errors keeps no tests, the other files keep theirs.
RuleTestSuite load_rule_tests(const RuleSet& rules, const std::vector<std::filesystem::path>& files);

/// Reads rule tests given as text; `name` is used in diagnostics and locations, and `case` paths are
/// relative to the current directory.
RuleTestSuite load_rule_tests_from_string(const RuleSet& rules, std::string_view text, std::string name = "<string>");

/// An expectation that did not hold: what was expected, what happened, and the trace that explains it.
struct ExpectationFailure {
  std::string location;     ///< "file:line" of the `expect` line
  std::string expectation;  ///< the line as written, e.g. "expect installment first"
  std::string expected;     ///< e.g. "installment ranked 1st"
  std::string actual;       ///< e.g. "installment ranked 2nd"
  /// The trace of the rules involved: those that give points to or exclude the strategies named
  /// (for `first` and `ranking` also those actually in their places), that recommend the advice
  /// item, the rule itself, or the rules that read the missing fact; in rule set order.
  std::vector<RuleTrace> rules;
  /// For `output`: how the output and the derived values it reads were computed, in evaluation order.
  std::vector<ValueTrace> values;
};

/// How one test went.
struct RuleTestOutcome {
  std::string name;
  /// "file:line" of the `test` line
  std::string location;
  bool passed = false;
  std::vector<ExpectationFailure> failures;  ///< every expectation that failed, in file order
  AdviceResult advice;                       ///< the advice (with its trace) the test was checked against
};

/// How the tests of one file went; a file with errors ran none.
struct RuleTestFileOutcome {
  std::string path;
  bool has_errors = false;
  std::vector<RuleTestOutcome> tests;
};

/// A rule that no test fired.
struct UnfiredRule {
  std::string rule;
  std::string location;  ///< "file:line" of the rule
};

/// Which rules the tests fired. A rule is covered when at least one test that ran fired it.
struct RuleCoverage {
  std::size_t rule_count = 0;
  std::vector<std::string> fired;        ///< the covered rules, in rule set order
  std::vector<UnfiredRule> never_fired;  ///< the others, in rule set order
  /// fired / rule_count in percent, rounded down (so 100 means every rule); 100 when there are no rules.
  int percent() const noexcept { return rule_count == 0 ? 100 : static_cast<int>(fired.size() * 100 / rule_count); }
};

/// The outcome of running a suite: each test, the coverage and the counts.
struct RuleTestReport {
  std::vector<RuleTestFileOutcome> files;
  RuleCoverage coverage;
  std::size_t tests = 0;              ///< tests run
  std::size_t passed = 0;             ///< tests with no failed expectation
  std::size_t failed = 0;             ///< tests with at least one
  std::size_t files_with_errors = 0;  ///< files not run because of their errors
  /// True when every test passed and no file had errors.
  bool ok() const noexcept { return failed == 0 && files_with_errors == 0; }
};

/// Advises on every test's case (trace on) and checks all of its expectations. `suite` must have been
/// loaded against `rules` (or a copy); otherwise std::invalid_argument is thrown.
RuleTestReport run_rule_tests(const RuleSet& rules, const RuleTestSuite& suite);

/// The report for people: each file and test (`ok` or `FAIL`), for each failed test the actual ranking
/// and every failed expectation with its trace, then the coverage with the rules never fired, and the
/// counts. Labels quoted from the rules are in `lang` ("zh" or "en"); the report's own words are English.
std::string render_text(const RuleTestReport& report, std::string_view lang);

}  // namespace forbear
