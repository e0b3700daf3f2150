#pragma once

// Reads a bool expression as the alternatives under which it is true (or false), in the language's
// three-valued logic: `a and b` is true when both are true and false when either is false, `not a`
// is true when `a` is false, a test on an unknown value is neither. Derived bool facts are seen
// through: a rule that tests `long_overdue` needs what `long_overdue`'s definition needs.

#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include "lint/atoms.hpp"
#include "model/program.hpp"

namespace forbear::detail::lint {

/// Turns bool expressions into Truth. Every alternative it gives is a real way for the expression
/// to be true (or false) -- the analysis never leaves one out -- but an alternative may be
/// impossible, which is what satisfiability.hpp finds out.
class TruthAnalysis {
 public:
  /// Analyses expressions of `program`, which must outlive the analysis.
  explicit TruthAnalysis(const Program& program);

  /// When the condition `id` of a rule is true. The atoms' anchors lie in the tree of `id`.
  Truth when_true(ExprId id);

  /// At most this many alternatives, each of at most this many atoms, are kept; beyond them, a
  /// part is widened to "always".
  static constexpr std::size_t kMaxAlternatives = 256;
  static constexpr std::size_t kMaxAtoms = 512;

  /// True when expression `id` is unknown whatever the facts (it computes with the literal
  /// `unknown`, maybe through derived facts).
  bool always_unknown(ExprId id);

 private:
  /// When `id` is `want`. `in_rule` is true while the rule's own condition is read (atoms are
  /// anchored at themselves) and false inside a derived fact's definition (anchored later).
  Truth truth(ExprId id, bool want, bool in_rule);
  /// When derived bool fact `slot` is `want`, its atoms not yet anchored.
  const Truth& derived(Slot slot, bool want);
  /// A one-atom truth; the atom is anchored at its origin when `in_rule`.
  Truth single(Atom atom, bool in_rule) const;
  /// A comparison `id`: a test of a value against a literal, or an opaque relation.
  Truth comparison(ExprId id, bool want, bool in_rule);
  /// A membership test `id`.
  Truth membership(ExprId id, bool want, bool in_rule);
  /// `known(x)`.
  Truth known(ExprId id, bool want, bool in_rule);
  /// An expression the analysis does not look into, with the values it implies are known.
  Truth opaque(ExprId id, std::string key, bool negated, bool origin_false, bool in_rule) const;
  /// Adds, to every alternative, that the slots read by `id` through operators that give unknown
  /// on an unknown operand are known (the expression having a value implies it).
  void add_known_operands(ExprId id, ExprId origin, bool origin_false, bool in_rule, Truth& truth) const;

  const Program& program_;
  std::map<std::pair<Slot, bool>, Truth> derived_;
  std::map<Slot, bool> unknown_derived_;  // always_unknown() of each derived fact seen so far
};

/// Both sides must hold: every alternative of `a` with every alternative of `b` (an atom that is in
/// both is kept once).
Truth both(const Truth& a, const Truth& b);

/// Either side may hold: the alternatives of `a` and those of `b`.
Truth either(const Truth& a, const Truth& b);

}  // namespace forbear::detail::lint
