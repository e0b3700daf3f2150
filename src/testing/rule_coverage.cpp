// CoverageCounter: a rule is covered when at least one test fired it.

#include "testing/rule_coverage.hpp"

namespace forbear::detail {

void CoverageCounter::add(const AdviceResult& advice) {
  for (const auto& trace : advice.trace) {
    if (trace.status != "fired") continue;
    for (std::size_t r = 0; r < program_.rules.size(); ++r) {
      if (program_.rules[r].name == trace.rule) fired_[r] = true;
    }
  }
}

RuleCoverage CoverageCounter::result() const {
  RuleCoverage coverage;
  coverage.rule_count = program_.rules.size();
  for (std::size_t r = 0; r < program_.rules.size(); ++r) {
    const auto& rule = program_.rules[r];
    if (fired_[r]) {
      coverage.fired.push_back(rule.name);
    } else {
      coverage.never_fired.push_back({rule.name, rule.location});
    }
  }
  return coverage;
}

}  // namespace forbear::detail
