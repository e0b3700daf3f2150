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
/// Throws std::invalid_argument when the case was read against another rule set (its facts
/// would not line up); read it with parse_case(rules, ...) first.
AdviceResult advise(const RuleSet& rules, const Case& facts, const AdviseOptions& options = {});

}  // namespace forbear
