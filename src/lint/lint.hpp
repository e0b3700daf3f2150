#pragma once

// The lint pass: warnings about rules that load but are probably not what their author meant
// (unused facts, rules that can never fire, duplicates, effects that never matter, strategies and
// advice that nothing reaches). docs/en/check-warnings.md explains each one to rule authors.

#include <vector>

#include "forbear/diagnostic.hpp"
#include "model/program.hpp"

namespace forbear::detail::lint {

/// Appends every lint warning about `program` (which checked without errors) to `diagnostics`,
/// ordered by where they point. Warnings never stop a rule set from loading.
void run(const Program& program, std::vector<Diagnostic>& diagnostics);

}  // namespace forbear::detail::lint
