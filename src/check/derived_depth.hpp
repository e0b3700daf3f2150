#pragma once

#include <cstdint>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// How deeply an expression nests when each derived value it reads counts as the expression that
/// defines it: `let b = a + 1` is one level deeper than `a`'s definition, so a chain of lets, each
/// reading the one before, adds a level for every let. The missing-facts analysis walks derived
/// values recursively through their definitions; this bound keeps it within the stack.
///
/// Reports an error for the first derived value (in evaluation order), and else the first rule,
/// whose depth so counted exceeds `limit`; returns true when it did.
bool refuse_deep_derivations(const Program& program, std::uint32_t limit, std::vector<Diagnostic>& diagnostics);

}  // namespace forbear::detail
