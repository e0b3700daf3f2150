#pragma once

// What every lint check shares: the program, what is known about each rule's condition, how to
// quote an expression, and the list the warnings go to.

#include <optional>
#include <string>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "lint/atoms.hpp"
#include "lint/truth.hpp"
#include "model/program.hpp"

namespace forbear::detail::lint {

/// What the analysis found about one rule's condition.
struct RuleCondition {
  Truth when_true;                     ///< when the condition is true
  bool can_fire = true;                ///< false when no alternative of when_true is possible
  std::string key;                     ///< canonical form of the condition
  std::vector<std::string> conjuncts;  ///< canonical forms of its top-level `and` operands
};

/// Shared state of one lint run over a checked program.
class LintContext {
 public:
  /// Analyses every rule's condition of `program`; warnings are appended to `out`.
  LintContext(const Program& program, std::vector<Diagnostic>& out);

  /// The program being linted.
  const Program& program() const noexcept { return program_; }
  /// What is known about rule `index`'s condition.
  const RuleCondition& condition(std::size_t index) const { return conditions_[index]; }

  /// True when rule `premise` fires only where rule `conclusion` fires too (proven: its condition
  /// is the same, holds the other's `and` operands, or implies it by reasoning on values).
  bool implies(std::size_t premise, std::size_t conclusion) const;

  /// The derived fact whose definition holds expression `id`, or kNone (in a rule's condition).
  Slot owner(ExprId id) const { return owners_[id]; }

  /// `where` widened over the parentheses it leaves half open, or nothing when they are not there
  /// to take in.
  std::optional<SourceSpan> closed(SourceSpan where) const;
  /// Where expression `id` is written, with the parentheses that its span leaves half open (the
  /// parser's spans stop inside them: `(a or b) and c` starts at `a`) closed again.
  SourceSpan span(ExprId id) const;
  /// The source text of a span on one line: line breaks and comments become single spaces.
  std::string text(const SourceSpan& span) const;
  /// The expression an atom is shown as: its origin, or the `not` around an origin read as false.
  ExprId shown(const Atom& atom) const;
  /// How an atom is shown in a message, quoted: `'x > 3'`, `'not known(x)'`, and for one read
  /// from a derived fact's definition, `'x > 3' (in 'name')`.
  std::string quote(const Atom& atom) const;
  /// The span of the smallest expression of the tree rooted at `root` that holds every one of
  /// `anchors`; of a chain of `and`s (or of `or`s), only the operands that hold them.
  SourceSpan covering(ExprId root, const std::vector<ExprId>& anchors) const;

  /// Appends a warning.
  void warn(SourceSpan where, std::string message, std::vector<DiagnosticNote> notes = {});

 private:
  const Program& program_;
  std::vector<Diagnostic>& out_;
  std::vector<ExprId> parents_;
  std::vector<Slot> owners_;
  std::vector<RuleCondition> conditions_;
};

}  // namespace forbear::detail::lint
