#include "eval/fact_impact.hpp"

#include "eval/candidate_values.hpp"

namespace forbear::detail {

FactImpact fact_impact(const Program& program, const Outcome& base, const std::vector<Value>& facts, Slot fact) {
  FactImpact best;
  best.new_top = base.top(program.strategies.size());
  std::vector<Value> trial = facts;
  for (const Value& value : candidate_values(program, facts, fact)) {
    trial[fact] = value;
    const Outcome changed = evaluate_outcome(program, trial);
    const RankingShift shift = ranking_shift(base, changed);
    const bool stronger = shift.top_changed != best.could_change_top ? shift.top_changed
                                                                      : shift.positions_moved > best.positions_moved;
    if (!stronger) continue;
    best.could_change_top = shift.top_changed;
    best.positions_moved = shift.positions_moved;
    best.value = value;
    best.new_top = changed.top(program.strategies.size());
  }
  return best;
}

}  // namespace forbear::detail
