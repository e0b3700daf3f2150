#pragma once

#include "forbear/advice.hpp"
#include "forbear/case.hpp"
#include "forbear/ruleset.hpp"

namespace forbear {

/// What to compute besides the ranking.
struct AdviseOptions {
  bool trace = true;  ///< fill AdviceResult::trace and AdviceResult::values
};

/// Evaluates a case against a rule set: scores and ranks strategies, applies vetoes, chooses
/// advice items, computes outputs, reports missing facts and traces every rule. Thread-safe.
AdviceResult advise(const RuleSet& rules, const Case& facts, const AdviseOptions& options = {});

}  // namespace forbear
