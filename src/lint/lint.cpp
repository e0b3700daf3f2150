#include "lint/lint.hpp"

#include <algorithm>

#include "lint/checks.hpp"

namespace forbear::detail::lint {

void run(const Program& program, std::vector<Diagnostic>& diagnostics) {
  std::vector<Diagnostic> found;
  LintContext context(program, found);
  check_unused_values(context);
  check_rules_that_never_fire(context);
  check_duplicate_rules(context);
  check_shadowed_effects(context);
  check_reachability(context);
  // In the order of the text they point at, as a reader goes through the files; warnings at the
  // same place keep the order of the checks above.
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.file != b.span.file) return a.span.file < b.span.file;
    return a.span.begin < b.span.begin;
  });
  diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace forbear::detail::lint
