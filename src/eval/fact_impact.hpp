#pragma once

#include <cstddef>
#include <vector>

#include "eval/outcome.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// The strongest effect that one value of a fact would have on the ranking.
struct FactImpact {
  bool could_change_top = false;  ///< some value puts another strategy (or none) first
  int positions_moved = 0;        ///< the most places that value moves the strategies (RankingShift)
  Value value;                    ///< that value; unknown when no value moves the ranking
  std::size_t new_top = 0;        ///< the strategy then ranked first (the strategy count when none is)
};

/// Tries each candidate value of `fact` (candidate_values) in `facts`, everything else as it is,
/// and keeps the one that moves the ranking of `base` (the evaluation of `facts`) most: changing
/// the top strategy first, then moving the most places; the first such candidate on a tie.
FactImpact fact_impact(const Program& program, const Outcome& base, const std::vector<Value>& facts, Slot fact);

}  // namespace forbear::detail
