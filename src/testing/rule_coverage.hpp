#pragma once

// Which rules the tests fired, counted over the advice of every test that ran.

#include <vector>

#include "forbear/advice.hpp"
#include "forbear/rule_tests.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Counts, over many advices of one rule set, which rules fired at least once.
class CoverageCounter {
 public:
  explicit CoverageCounter(const Program& program) : program_(program), fired_(program.rules.size(), false) {}

  /// Marks the rules that fired in `advice` (whose trace must be on).
  void add(const AdviceResult& advice);

  /// The rules fired at least once and the others, both in rule set order.
  RuleCoverage result() const;

 private:
  const Program& program_;
  std::vector<bool> fired_;
};

}  // namespace forbear::detail
