#pragma once

// A canonical text for an expression, equal for two expressions that are written differently but
// mean the same: spans, spelling and parentheses are ignored, the operands of `and` and `or` are
// sorted and deduplicated, `not not x` is `x`, `3 < x` is `x > 3`, the sides of `==` and `!=` and
// the elements of a set are sorted.

#include <string>
#include <vector>

#include "model/program.hpp"

namespace forbear::detail::lint {

/// The canonical text of expression `id`. Not meant for people: only for comparing.
std::string canonical(const Program& program, ExprId id);

/// The canonical texts of the operands of `id` read as an "and" (nested `and`s flattened), sorted
/// and deduplicated; an expression that is no `and` is its one operand.
std::vector<std::string> canonical_conjuncts(const Program& program, ExprId id);

}  // namespace forbear::detail::lint
