// forbear check: every diagnostic of a rule set, and a summary.

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

namespace {

std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

}  // namespace

int run_check(const Arguments& args) {
  const auto loaded = load(args);
  std::cerr << loaded.rendered_diagnostics();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error) ++errors;
    if (d.severity == Severity::warning) ++warnings;
  }
  if (!loaded.ok()) {
    std::cerr << counted(errors, "error") << ", " << counted(warnings, "warning") << '\n';
    return kExitRuleErrors;
  }
  const auto& rules = *loaded.rules;
  std::cout << rules.name() << ' ' << rules.version() << ": " << counted(rules.sources().size(), "file") << ", "
            << counted(rules.facts().size(), "fact") << ", " << counted(warnings, "warning") << ", no errors\nsha256 "
            << rules.sha256() << '\n';
  if (args.warnings_as_errors && warnings > 0) return kExitRuleErrors;
  return kExitOk;
}

}  // namespace forbear::cli
