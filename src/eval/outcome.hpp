#pragma once

#include <cstddef>
#include <vector>

#include "forbear/advice.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// How a rule's condition came out: true, false or unknown.
enum class RuleStatus : std::uint8_t { fired, not_fired, unknown };

/// Everything one evaluation of a rule set decides, before it is explained: the values, which
/// rules fired, the scores, the vetoes and the ranking. advise() explains it; the what-if and
/// why-not tools evaluate changed facts through it and compare.
struct Outcome {
  std::vector<Value> slots;          ///< every value: facts (defaults filled in), then derived values
  std::vector<RuleStatus> status;    ///< per rule
  std::vector<Decimal> scores;       ///< per strategy: the sum of its fired points
  std::vector<bool> vetoed;          ///< per strategy: a fired rule excludes it
  std::vector<std::size_t> ranking;  ///< the strategies not vetoed, best first, ties in declaration order
  std::vector<Fault> faults;         ///< arithmetic faults, in the order met

  /// The strategy's place: its index in `ranking`; for a vetoed strategy the number of
  /// strategies, a place below any rank, so that being vetoed always counts as a move.
  std::size_t place(std::size_t strategy) const;
  /// The strategy ranked first, or the number of strategies when none is ranked.
  std::size_t top(std::size_t strategy_count) const { return ranking.empty() ? strategy_count : ranking.front(); }
};

/// The facts with defaults filled in where unknown, then every derived value in evaluation order.
/// `facts` holds one value per declared fact. Faults met are appended to `faults`.
std::vector<Value> evaluate_values(const Program& program, const std::vector<Value>& facts, std::vector<Fault>& faults);

/// Evaluates the rule set on `facts` (one value per declared fact, unknown where not given).
Outcome evaluate_outcome(const Program& program, const std::vector<Value>& facts);

/// How far the ranking moved from `before` to `after`.
struct RankingShift {
  bool top_changed = false;     ///< another strategy (or none) ranks first
  int positions_moved = 0;      ///< the sum over strategies of how many places each moved (Outcome::place)
};

/// Compares the rankings of two evaluations of the same rule set.
RankingShift ranking_shift(const Outcome& before, const Outcome& after);

}  // namespace forbear::detail
