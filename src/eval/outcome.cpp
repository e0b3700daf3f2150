#include "eval/outcome.hpp"

#include <algorithm>
#include <cstdlib>

#include "eval/evaluator.hpp"

namespace forbear::detail {

std::size_t Outcome::place(std::size_t strategy) const {
  if (vetoed[strategy]) return vetoed.size();
  return static_cast<std::size_t>(std::find(ranking.begin(), ranking.end(), strategy) - ranking.begin());
}

std::vector<Value> evaluate_values(const Program& program, const std::vector<Value>& facts, std::vector<Fault>& faults) {
  std::vector<Value> slots(program.values.size());
  for (Slot slot = 0; slot < program.fact_count && slot < facts.size(); ++slot) {
    slots[slot] = facts[slot];
    if (!is_known(slots[slot]) && program.values[slot].default_value) slots[slot] = *program.values[slot].default_value;
  }
  Evaluator evaluator(program, slots, faults);
  for (Slot slot : program.evaluation_order) {
    const auto& value = program.values[slot];
    slots[slot] = evaluator.evaluate(value.expr, value.name);
  }
  return slots;
}

Outcome evaluate_outcome(const Program& program, const std::vector<Value>& facts) {
  Outcome outcome;
  outcome.slots = evaluate_values(program, facts, outcome.faults);

  Evaluator evaluator(program, outcome.slots, outcome.faults);
  outcome.status.resize(program.rules.size());
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    const Value result = evaluator.evaluate(rule.condition, rule.name);
    const auto* fired = std::get_if<bool>(&result);
    outcome.status[r] = !fired ? RuleStatus::unknown : (*fired ? RuleStatus::fired : RuleStatus::not_fired);
  }

  const std::size_t strategy_count = program.strategies.size();
  outcome.scores.resize(strategy_count);
  outcome.vetoed.resize(strategy_count);
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    if (outcome.status[r] != RuleStatus::fired) continue;
    const auto& rule = program.rules[r];
    for (const auto& effect : rule.effects) {
      if (effect.kind == EffectKind::exclude) outcome.vetoed[effect.target] = true;
      if (effect.kind != EffectKind::add_points) continue;
      const auto sum = add(outcome.scores[effect.target], effect.points);
      if (sum.ok()) {
        outcome.scores[effect.target] = sum.value;
      } else {
        outcome.faults.push_back({rule.name, "arithmetic overflow adding points to '" + program.strategies[effect.target].name + "'", rule.location});
      }
    }
  }

  for (std::size_t s = 0; s < strategy_count; ++s) {
    if (!outcome.vetoed[s]) outcome.ranking.push_back(s);
  }
  std::stable_sort(outcome.ranking.begin(), outcome.ranking.end(),
                   [&](std::size_t a, std::size_t b) { return outcome.scores[a] > outcome.scores[b]; });
  return outcome;
}

RankingShift ranking_shift(const Outcome& before, const Outcome& after) {
  RankingShift shift;
  const std::size_t count = before.scores.size();
  shift.top_changed = before.top(count) != after.top(count);
  for (std::size_t s = 0; s < count; ++s) {
    const auto from = static_cast<long>(before.place(s));
    const auto to = static_cast<long>(after.place(s));
    shift.positions_moved += static_cast<int>(std::labs(from - to));
  }
  return shift;
}

}  // namespace forbear::detail
