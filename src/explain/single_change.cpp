#include "explain/single_change.hpp"

#include <algorithm>

#include "eval/candidate_values.hpp"
#include "model/numbers.hpp"

namespace forbear::detail {
namespace {

bool is_numeric(const Value& value) { return std::holds_alternative<std::int64_t>(value) || std::holds_alternative<Decimal>(value); }

// |a - b| for two numeric values; the largest decimal when it does not fit.
Decimal distance(const Value& a, const Value& b) {
  const auto da = as_decimal(a);
  const auto db = as_decimal(b);
  if (!da.ok() || !db.ok()) return Decimal::from_raw(INT64_MAX);
  const auto difference = subtract(da.value, db.value);
  if (!difference.ok()) return Decimal::from_raw(INT64_MAX);
  const auto magnitude = abs(difference.value);
  return magnitude.ok() ? magnitude.value : Decimal::from_raw(INT64_MAX);
}

// The value a fact has for the evaluation: as given, else its default.
Value current_value(const Program& program, const std::vector<Value>& facts, Slot fact) {
  if (is_known(facts[fact])) return facts[fact];
  return program.values[fact].default_value.value_or(Value{});
}

}  // namespace

std::optional<SingleChange> change_that_fires(const Program& program, const std::vector<Value>& facts, std::size_t rule) {
  std::vector<Slot> inputs = program.rules[rule].input_facts;
  std::stable_partition(inputs.begin(), inputs.end(), [&](Slot fact) { return !is_known(current_value(program, facts, fact)); });
  std::vector<Value> trial = facts;
  for (Slot fact : inputs) {
    const Value current = current_value(program, facts, fact);
    const std::vector<Value> candidates = candidate_values(program, facts, fact);
    std::vector<std::optional<Outcome>> firing(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      trial[fact] = candidates[i];
      Outcome outcome = evaluate_outcome(program, trial);
      if (outcome.status[rule] == RuleStatus::fired) firing[i] = std::move(outcome);
    }
    trial[fact] = facts[fact];
    // Which of the values that work to name: for a known number the nearest to it; for an
    // unknown number the first at the edge of the values that work (its neighbour does not),
    // which is the threshold rather than an extreme; otherwise the first.
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (!firing[i]) continue;
      if (!chosen) chosen = i;
      if (!is_numeric(candidates[i])) break;
      if (is_known(current)) {
        if (distance(candidates[i], current) < distance(candidates[*chosen], current)) chosen = i;
        continue;
      }
      const bool edge = (i > 0 && !firing[i - 1]) || (i + 1 < candidates.size() && !firing[i + 1]);
      if (edge) {
        chosen = i;
        break;
      }
    }
    if (chosen) return SingleChange{fact, candidates[*chosen], std::move(*firing[*chosen])};
  }
  return std::nullopt;
}

std::optional<SingleChange> change_that_raises(const Program& program, const std::vector<Value>& facts,
                                               const Outcome& base, std::size_t strategy) {
  std::optional<SingleChange> best;
  std::size_t best_place = base.place(strategy);
  std::vector<Value> trial = facts;
  for (Slot fact = 0; fact < program.fact_count; ++fact) {
    for (const Value& value : candidate_values(program, facts, fact)) {
      trial[fact] = value;
      Outcome outcome = evaluate_outcome(program, trial);
      const std::size_t place = outcome.place(strategy);
      bool better = place < best_place;
      if (best && place == best_place) {
        const Decimal score = outcome.scores[strategy];
        const Decimal best_score = best->outcome.scores[strategy];
        // The same effect from a value of the same number nearer to what it is: the smaller change.
        const Value current = current_value(program, facts, fact);
        const bool nearer = best->fact == fact && is_known(current) && is_numeric(current) &&
                            distance(value, current) < distance(best->value, current);
        better = score > best_score || (score == best_score && nearer);
      }
      if (!better) continue;
      best_place = place;
      best = SingleChange{fact, value, std::move(outcome)};
    }
    trial[fact] = facts[fact];
  }
  return best;
}

}  // namespace forbear::detail
