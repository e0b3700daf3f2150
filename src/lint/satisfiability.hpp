#pragma once

// Whether the atoms of one alternative can all hold at once, and if not, a smallest set of them
// (with the parts of a value's declaration) that cannot. Sound: "cannot" is said only when it is
// proven; anything the reasoning does not cover counts as possible.
//
// Each value is reasoned about on its own: numbers as intervals with excluded and allowed points
// (an int is a whole number within the int range, a number any decimal), enums and bools as
// their finite sets of values, texts as an open set; a fact's declared range and its default
// (which makes it always known) take part. Opaque tests conflict only with themselves negated.

#include <optional>
#include <vector>

#include "lint/atoms.hpp"
#include "model/program.hpp"

namespace forbear::detail::lint {

/// The parts of a value's declaration that a proof can use.
struct DomainUse {
  bool range = false;         ///< the fact's `in LOW..HIGH`
  bool integral = false;      ///< an int is a whole number within the int range
  bool closed = false;        ///< an enum or bool has no value besides its declared ones
  bool always_known = false;  ///< a fact with a default is never unknown

  /// True when no part is used.
  bool none() const noexcept { return !range && !integral && !closed && !always_known; }
};

/// Why an alternative cannot hold: the atoms that conflict and the declaration parts they need.
struct Conflict {
  std::vector<std::size_t> atoms;  ///< indices into the alternative, in increasing order
  Slot slot = kNone;               ///< the value whose declaration takes part, when `domain` is not none
  DomainUse domain;
};

/// The conflict that makes `alternative` impossible, or nothing when it may hold.
std::optional<Conflict> find_conflict(const Program& program, const Alternative& alternative);

/// True when every way for `alternative` to hold also makes `atom` hold (proven; false when not
/// known). `alternative` should be possible: an impossible one implies everything.
bool implies(const Program& program, const Alternative& alternative, const Atom& atom);

/// True when each possible alternative of `premise` implies one alternative of `conclusion`, so
/// that `conclusion` is true whenever `premise` is. `conclusion` must be exact; `premise` may have
/// been widened.
bool implies(const Program& program, const Truth& premise, const Truth& conclusion);

}  // namespace forbear::detail::lint
