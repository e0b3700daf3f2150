#pragma once

// What the lint pass knows about when a condition is true (or false): an "or" of alternatives,
// each an "and" of atoms, the primitive tests of the language on one value at a time.

#include <cstdint>
#include <string>
#include <vector>

#include "forbear/value.hpp"
#include "model/program.hpp"

namespace forbear::detail::lint {

/// The kinds of primitive test.
enum class AtomKind : std::uint8_t {
  compare,  ///< the slot is known and `slot OP value` holds (OP one of the six comparisons)
  member,   ///< the slot is known and its value is one of `values` (none of them, when negated)
  known,    ///< the slot is known (unknown, when negated)
  opaque,   ///< an expression the analysis does not look into is true (false, when negated)
  never,    ///< cannot hold: `false`, or a test that is always unknown
};

/// Why a `never` atom cannot hold.
enum class NeverReason : std::uint8_t { always_false, always_unknown };

/// One primitive test that an alternative needs.
struct Atom {
  AtomKind kind = AtomKind::never;
  Slot slot = kNone;          ///< compare, member, known
  Op op = Op::equal;          ///< compare
  bool negated = false;       ///< member, known, opaque
  std::vector<Value> values;  ///< compare: the one value; member: the set
  std::string key;            ///< opaque: the canonical form of the expression (see canonical.hpp)
  NeverReason reason = NeverReason::always_false;  ///< never
  /// The test as written: a comparison, `known(x)`, a name, a literal.
  ExprId origin = kNone;
  /// True when the atom holds where `origin` is false (it was read under a `not`).
  bool origin_false = false;
  /// Where the atom enters the rule's own condition: the test itself, or the name of the derived
  /// fact whose definition holds it. kNone while a derived fact is analysed on its own.
  ExprId anchor = kNone;
  /// True when the other atoms of its alternative already imply it: it helps find conflicts but
  /// need not be proven when one condition is shown to imply another.
  bool implied = false;

  friend bool operator==(const Atom&, const Atom&) = default;
};

/// An "and" of atoms.
using Alternative = std::vector<Atom>;

/// When an expression is true (or false): it is so exactly when one of the alternatives holds.
/// No alternative: never. One empty alternative: always (as far as the analysis can tell).
struct Truth {
  std::vector<Alternative> alternatives;
  /// False when the analysis gave up on part of the expression (too many alternatives) and
  /// widened it to "always": the alternatives then cover more than the expression's truth.
  bool exact = true;
};

}  // namespace forbear::detail::lint
