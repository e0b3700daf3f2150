#pragma once

#include <cstddef>
#include <cstdint>

namespace forbear {

/// Bounds on what forbear accepts from rule files and cases. Input beyond a bound is refused with
/// an error that names the bound (never a crash, a hang or exhausted memory). The defaults are far
/// above what a hand-written knowledge base or a real case needs; a host application that reads
/// rules or cases from people it does not trust may lower them, one that needs more may raise
/// them. docs/en/hostile-input.md lists each bound and what forbear answers beyond it.
struct Limits {
  // ---- rule files (load_rules, load_rules_from_string) -------------------------------------

  /// Bytes in one rule file.
  std::size_t max_rule_file_bytes = 4 * 1024 * 1024;
  /// Bytes of all the rule files of one rule set together.
  std::size_t max_rule_set_bytes = 16 * 1024 * 1024;
  /// Rule files in one rule set (given, found in directories and reached through `include`).
  std::size_t max_rule_files = 1'000;
  /// Bytes in one line of a rule file (its line end not counted).
  std::size_t max_line_bytes = 16 * 1024;
  /// Bytes between the quotes of one string literal.
  std::size_t max_string_bytes = 8 * 1024;
  /// How deeply an expression may nest. Each parenthesis, `not`, unary `-`, `if`, function call,
  /// set and binary operator is one level, so `a + b + c` is two levels deeper than `a`. The
  /// checker, the evaluator and the trace walk expressions recursively: this bound keeps them
  /// within the stack (every level costs some kilobytes of stack while parsing).
  std::uint32_t max_expression_depth = 64;
  /// How deeply an expression may nest when each derived value (`let`, `output`) it reads counts as
  /// the expression that defines it: a chain of lets, each reading the one before, adds a level for
  /// every let. The missing-facts analysis walks through derived values recursively.
  std::uint32_t max_derived_depth = 1'000;
  /// `rule` declarations in one rule set.
  std::size_t max_rules = 10'000;
  /// `fact` declarations in one rule set.
  std::size_t max_facts = 10'000;
  /// Diagnostics kept in a LoadResult; one more error then says how many were left out.
  std::size_t max_diagnostics = 1'000;

  // ---- cases (parse_case, parse_case_json) -----------------------------------------------

  /// Bytes of one case's JSON text.
  std::size_t max_case_bytes = 1024 * 1024;
  /// Bytes in one JSON string of a case (a key or a value).
  std::size_t max_case_string_bytes = 64 * 1024;
  /// How deeply arrays and objects may nest in a case; the case object itself is level 1.
  std::uint32_t max_case_depth = 32;
};

}  // namespace forbear
