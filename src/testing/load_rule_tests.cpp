// load_rule_tests(): reads `.tests` files, then checks every name and value in them against the rule set.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "check/suggest.hpp"
#include "eval/render.hpp"
#include "forbear/rule_tests.hpp"
#include "model/program.hpp"
#include "testing/literal_value.hpp"
#include "testing/test_case_builder.hpp"
#include "testing/test_parser.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

namespace fs = std::filesystem;
using detail::Program;
using detail::TestToken;

// Checks the names and values of one test file's tests against the rule set.
class TestResolver {
 public:
  TestResolver(const RuleSet& rules, std::vector<SourceFile>& sources, std::vector<Diagnostic>& diagnostics)
      : rules_(rules), program_(rules.program()), sources_(sources), diagnostics_(diagnostics) {
    for (const auto& strategy : program_.strategies) strategy_names_.push_back(strategy.name);
    for (const auto& item : program_.advice) advice_ids_.push_back(item.id);
    for (const auto& rule : program_.rules) rule_names_.push_back(rule.name);
    for (const auto& value : program_.values) {
      if (value.kind == detail::ValueKind::output) output_names_.push_back(value.name);
      if (value.kind == detail::ValueKind::fact) fact_names_.push_back(value.name);
    }
  }

  RuleTestFile resolve(std::uint32_t file, const fs::path& folder) {
    file_ = file;
    const std::size_t errors_before = diagnostics_.size();
    RuleTestFile result{sources_[file].path, false, {}};
    const auto syntax = detail::parse_test_file(sources_[file].text, file, diagnostics_);
    // A new builder per file: a broken case file is then reported in every file that uses it.
    detail::TestCaseBuilder cases(rules_, sources_, diagnostics_);
    for (const auto& test : syntax) {
      std::vector<Expectation> expectations;
      for (const auto& expect : test.expects) {
        if (auto expectation = resolve_expectation(expect)) expectations.push_back(std::move(*expectation));
      }
      auto facts = cases.build(test, file, folder);
      if (facts) {
        result.tests.push_back({test.name,
                                location(test.name_begin),
                                {file, test.name_begin, test.name_end},
                                std::move(*facts),
                                std::move(expectations)});
      }
    }
    if (diagnostics_.size() > errors_before) {
      result.has_errors = true;
      result.tests.clear();
      sort_by_line(errors_before);
    }
    return result;
  }

 private:
  std::string location(std::uint32_t offset) const {
    return sources_[file_].path + ':' + std::to_string(locate(sources_[file_].text, offset).line);
  }

  void error(const TestToken& token, std::string message) {
    diagnostics_.push_back({Severity::error, {file_, token.begin, token.end}, std::move(message), {}});
  }

  // This file's diagnostics in the order of the lines they are about (a broken case file's JSON
  // error goes where the test names the file).
  void sort_by_line(std::size_t first) {
    const auto line_offset = [&](const Diagnostic& d) {
      if (d.span.file != file_ && !d.notes.empty()) return d.notes.front().span.begin;
      return d.span.begin;
    };
    std::stable_sort(diagnostics_.begin() + static_cast<std::ptrdiff_t>(first), diagnostics_.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return line_offset(a) < line_offset(b); });
  }

  // True when `token` names one of `names`; otherwise an error "unknown WHAT 'x' (did you mean ...)".
  bool known(const TestToken& token, const std::vector<std::string>& names, const std::string& what) {
    if (std::find(names.begin(), names.end(), token.text) != names.end()) return true;
    error(token, "unknown " + what + " '" + token.text + "'" + detail::did_you_mean(token.text, names));
    return false;
  }

  const detail::ValueInfo* value_named(const std::string& name) const {
    for (const auto& value : program_.values) {
      if (value.name == name) return &value;
    }
    return nullptr;
  }

  bool known_output(const TestToken& token) {
    const detail::ValueInfo* value = value_named(token.text);
    if (value && value->kind == detail::ValueKind::fact) {
      error(token, "'" + token.text + "' is a fact, not an output");
      return false;
    }
    if (value && value->kind == detail::ValueKind::let) {
      error(token, "'" + token.text + "' is a derived fact (let), not an output");
      return false;
    }
    return known(token, output_names_, "output");
  }

  bool known_fact(const TestToken& token) {
    const detail::ValueInfo* value = value_named(token.text);
    if (value && value->kind != detail::ValueKind::fact) {
      error(token, "'" + token.text + "' is derived by the rules; only facts can be missing");
      return false;
    }
    return known(token, fact_names_, "fact");
  }

  std::optional<Expectation> resolve_expectation(const detail::ExpectSyntax& syntax) {
    Expectation expectation;
    expectation.kind = syntax.kind;
    expectation.text = sources_[file_].text.substr(syntax.begin, syntax.end - syntax.begin);
    expectation.location = location(syntax.begin);
    expectation.span = {file_, syntax.begin, syntax.end};
    expectation.top = syntax.top;
    expectation.comparison = syntax.comparison;
    bool ok = true;
    for (const auto& name : syntax.names) {
      expectation.names.push_back(name.text);
      switch (syntax.kind) {
        case ExpectationKind::advice:
        case ExpectationKind::no_advice: ok = known(name, advice_ids_, "advice") && ok; break;
        case ExpectationKind::fired:
        case ExpectationKind::not_fired: ok = known(name, rule_names_, "rule") && ok; break;
        case ExpectationKind::output: ok = known_output(name) && ok; break;
        case ExpectationKind::missing: ok = known_fact(name) && ok; break;
        default: ok = known(name, strategy_names_, "strategy") && ok; break;
      }
    }
    if (syntax.kind == ExpectationKind::score) {
      switch (Decimal::parse(syntax.literal.text, expectation.number)) {
        case DecimalParseError::none: break;
        case DecimalParseError::too_precise:
          error(syntax.literal, "a score has at most 6 decimal places, got " + syntax.literal.text);
          ok = false;
          break;
        default:
          error(syntax.literal, "a score lies within about +-9.2e12, got " + syntax.literal.text);
          ok = false;
          break;
      }
    }
    if (syntax.kind == ExpectationKind::output && ok) {
      const detail::ValueInfo& output = *value_named(syntax.names.front().text);
      std::string problem;
      const auto value = detail::literal_value(program_, output.type, syntax.literal, problem);
      if (!value) {
        error(syntax.literal, "'" + output.name + "': " + problem);
        return std::nullopt;
      }
      expectation.value = detail::render_value(program_, *value, output.type);
    }
    if (!ok) return std::nullopt;
    return expectation;
  }

  const RuleSet& rules_;
  const Program& program_;
  std::vector<SourceFile>& sources_;
  std::vector<Diagnostic>& diagnostics_;
  std::uint32_t file_ = 0;
  std::vector<std::string> strategy_names_, advice_ids_, rule_names_, output_names_, fact_names_;
};

// Adds a file's text to the sources, or reports why it cannot be: nothing when it cannot be read
// or is not UTF-8.
std::optional<std::uint32_t> add_source(std::string path, std::string text, RuleTestSuite& suite) {
  const auto index = static_cast<std::uint32_t>(suite.sources.size());
  suite.sources.push_back({std::move(path), std::move(text)});
  const std::string& content = suite.sources.back().text;
  const std::size_t bad = detail::find_invalid_utf8(content);
  if (bad == std::string::npos) return index;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(content[bad])));
  suite.diagnostics.push_back({Severity::error,
                               {index, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                               std::string("invalid UTF-8: byte ") + hex + " (test files must be UTF-8)",
                               {}});
  return std::nullopt;
}

}  // namespace

std::string RuleTestSuite::rendered_diagnostics() const { return render(diagnostics, sources); }

RuleTestSuite load_rule_tests(const RuleSet& rules, const std::vector<fs::path>& files) {
  RuleTestSuite suite;
  TestResolver resolver(rules, suite.sources, suite.diagnostics);
  for (const auto& path : files) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || fs::is_directory(path, ec)) {
      const std::string reason = fs::is_directory(path, ec) ? "is a directory"
                                 : fs::exists(path, ec)     ? "cannot be read"
                                                            : "does not exist";
      suite.diagnostics.push_back({Severity::error, {}, "test file '" + path.string() + "' " + reason, {}});
      suite.files.push_back({path.string(), true, {}});
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const auto index = add_source(path.string(), bytes.str(), suite);
    if (!index) {
      suite.files.push_back({path.string(), true, {}});
      continue;
    }
    suite.files.push_back(resolver.resolve(*index, path.parent_path()));
  }
  return suite;
}

RuleTestSuite load_rule_tests_from_string(const RuleSet& rules, std::string_view text, std::string name) {
  RuleTestSuite suite;
  TestResolver resolver(rules, suite.sources, suite.diagnostics);
  const auto index = add_source(name, std::string(text), suite);
  if (!index) {
    suite.files.push_back({std::move(name), true, {}});
    return suite;
  }
  suite.files.push_back(resolver.resolve(*index, fs::path()));
  return suite;
}

}  // namespace forbear
