#pragma once

#include <utility>
#include <vector>

#include "forbear/case.hpp"

namespace forbear::detail {

/// Makes a case from fact values already checked against the rule set (one per declared fact, in
/// declaration order): rule tests set `given` values with it, and replay makes masked facts unknown.
struct CaseAccess {
  static Case make(const RuleSet& rules, std::vector<Value> facts, nlohmann::json id) {
    return Case(rules.shared_program(), std::move(facts), std::move(id));
  }
};

}  // namespace forbear::detail
