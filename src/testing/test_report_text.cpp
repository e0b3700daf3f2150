// render_text(RuleTestReport): the outcome of the rule tests for people.

#include <sstream>

#include "forbear/rule_tests.hpp"

namespace forbear {
namespace {

std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string with_label(const std::string& text, const LocalizedText& label, std::string_view lang) {
  const std::string& shown = label.in(lang);
  return shown.empty() ? text : text + " (" + shown + ")";
}

void write_ranking(std::ostringstream& out, const AdviceResult& advice, std::string_view lang) {
  out << "    ranking:\n";
  if (advice.strategies.empty()) out << "      (no strategy ranked)\n";
  for (const auto& s : advice.strategies) {
    out << "      " << with_label(std::to_string(s.rank) + ". " + s.id + " " + s.score.to_string(), s.label, lang)
        << '\n';
  }
  for (const auto& e : advice.excluded) {
    out << "      " << with_label("excluded: " + e.id + " " + e.score.to_string(), e.label, lang) << '\n';
  }
}

void write_failure(std::ostringstream& out, const ExpectationFailure& failure) {
  out << "    " << failure.location << ": " << failure.expectation << '\n'
      << "      expected: " << failure.expected << '\n'
      << "      actual:   " << failure.actual << '\n';
  if (failure.rules.empty() && failure.values.empty()) return;
  out << "      trace:\n";
  for (const auto& v : failure.values) {
    out << "        " << v.kind << ' ' << v.name << " = " << v.expression << " = " << v.value << '\n';
  }
  for (const auto& t : failure.rules) {
    out << "        [" << t.status << "] " << t.rule << " (" << t.location << "): " << t.condition;
    if (!t.missing.empty()) {
      out << "; missing:";
      for (const auto& m : t.missing) out << ' ' << m;
    }
    out << '\n';
  }
}

}  // namespace

std::string render_text(const RuleTestReport& report, std::string_view lang) {
  std::ostringstream out;
  for (const auto& file : report.files) {
    if (file.has_errors) {
      out << file.path << ": not run, it has errors\n";
      continue;
    }
    if (file.tests.empty()) {
      out << file.path << ": no tests\n";
      continue;
    }
    out << file.path << '\n';
    for (const auto& test : file.tests) {
      if (test.passed) {
        out << "  ok   " << test.name << '\n';
        continue;
      }
      out << "  FAIL " << test.name << " (" << test.location << ")\n";
      write_ranking(out, test.advice, lang);
      for (const auto& failure : test.failures) write_failure(out, failure);
    }
  }
  const RuleCoverage& coverage = report.coverage;
  out << "\ncoverage: " << coverage.fired.size() << '/' << coverage.rule_count << " rules fired by at least one test ("
      << coverage.percent() << "%)\n";
  if (!coverage.never_fired.empty()) {
    out << "never fired:\n";
    for (const auto& rule : coverage.never_fired) out << "  " << rule.rule << " (" << rule.location << ")\n";
  }
  out << counted(report.tests, "test") << ", " << report.passed << " passed, " << report.failed << " failed";
  if (report.files_with_errors > 0) out << ", " << counted(report.files_with_errors, "file") << " with errors not run";
  out << '\n';
  return out.str();
}

}  // namespace forbear
