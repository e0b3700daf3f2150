#pragma once

// Reads the lines of a `.tests` file into tests, checking their syntax (not yet their names).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "forbear/rule_tests.hpp"
#include "testing/test_lexer.hpp"

namespace forbear::detail {

/// `NAME = VALUE` on a `given` line.
struct GivenSyntax {
  TestToken name;
  TestToken value;  // a number, a string or a word (true, false, unknown or an enum value)
};

/// An `expect` line: its kind and the tokens it names, not yet resolved.
struct ExpectSyntax {
  ExpectationKind kind = ExpectationKind::no_faults;
  std::uint32_t begin = 0;  // from `expect` to the last token
  std::uint32_t end = 0;
  std::vector<TestToken> names;  // strategies, advice ids, rules, outputs or facts
  int top = 0;
  Comparison comparison = Comparison::equal;
  TestToken literal;  // `score`: the number; `output`: the value
};

/// A `test` block as written.
struct TestSyntax {
  std::string name;
  std::uint32_t name_begin = 0;  // the quoted name
  std::uint32_t name_end = 0;
  std::optional<TestToken> case_path;
  std::vector<GivenSyntax> givens;  // in order: a later value for the same fact wins
  std::vector<ExpectSyntax> expects;
};

/// Parses a whole test file. Every syntax error is added to `diagnostics` (pointing into `file`),
/// as are duplicate test names, lines before the first test, a second `case` and tests without
/// any `expect`; a line with an error is skipped.
std::vector<TestSyntax> parse_test_file(std::string_view text, std::uint32_t file,
                                        std::vector<Diagnostic>& diagnostics);

}  // namespace forbear::detail
