#pragma once

#include "dsl/parse_tree.hpp"

namespace forbear::detail::format {

/// True when two parse trees declare the same things in the same order: equal apart from spans
/// (where things are written) and the spelling of numbers (compared by canonical_number).
bool same_declarations(const dsl::pt::File& a, const dsl::pt::File& b);

}  // namespace forbear::detail::format
