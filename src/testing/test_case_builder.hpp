#pragma once

// The case a rule test advises on: its case file, if any, with its `given` values applied.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "forbear/case.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"
#include "testing/test_parser.hpp"

namespace forbear::detail {

/// Builds the cases of the tests of one load, reading each case file once.
class TestCaseBuilder {
 public:
  /// Diagnostics go to `diagnostics`; a case file with a JSON syntax error is added to `sources`
  /// so that the error can point into it.
  TestCaseBuilder(const RuleSet& rules, std::vector<SourceFile>& sources, std::vector<Diagnostic>& diagnostics)
      : rules_(rules), sources_(sources), diagnostics_(diagnostics) {}

  /// The case of `test`, written in the test file `file` whose folder is `folder` (case paths are
  /// relative to it); nothing when the case file or a `given` value has an error (reported).
  std::optional<Case> build(const TestSyntax& test, std::uint32_t file, const std::filesystem::path& folder);

 private:
  // A case file as read: its facts, or nothing when it has errors (reported once, at the first
  // test that uses it).
  struct CaseFile {
    std::optional<Case> facts;
  };

  const CaseFile& case_file(const TestToken& path, std::uint32_t file, const std::filesystem::path& folder);
  void error(SourceSpan span, std::string message, std::vector<DiagnosticNote> notes = {});

  const RuleSet& rules_;
  std::vector<SourceFile>& sources_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, CaseFile> case_files_;  // by path as resolved
};

}  // namespace forbear::detail
