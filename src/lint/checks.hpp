#pragma once

// The lint checks, one per file; each appends its warnings through the context.

#include "lint/context.hpp"

namespace forbear::detail::lint {

/// Facts and derived facts that nothing reads (unused.cpp).
void check_unused_values(LintContext& context);

/// Rules whose condition can never be true (never_fires.cpp).
void check_rules_that_never_fire(LintContext& context);

/// Rules with the same condition as an earlier rule, or the same condition and effects (duplicates.cpp).
void check_duplicate_rules(LintContext& context);

/// Points that a veto always overrides, and advice that another rule always gives already (shadowed.cpp).
void check_shadowed_effects(LintContext& context);

/// Strategies that no rule can give points to, advice that no rule can give (reachability.cpp).
void check_reachability(LintContext& context);

}  // namespace forbear::detail::lint
