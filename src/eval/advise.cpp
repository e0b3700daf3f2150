// advise(): evaluates a case (evaluate_outcome) and assembles the ranked result with its
// explanation: contributions, advice, outputs, the missing facts in the order to ask them, the trace.

#include <algorithm>
#include <map>
#include <stdexcept>

#include "eval/deciding_facts.hpp"
#include "eval/fact_impact.hpp"
#include "eval/outcome.hpp"
#include "eval/render.hpp"
#include "forbear/engine.hpp"

namespace forbear {
namespace {

using detail::EffectKind;
using detail::Program;

using Status = detail::RuleStatus;

// A veto puts this many points at stake when weighing missing facts.
const Decimal kVetoWeight = Decimal::from_raw(100 * Decimal::kOne);

Contribution contribution(const Program& program, const detail::Rule& rule, Decimal points,
                          const std::vector<Value>& slots) {
  return {rule.name, points, detail::render_label(program, rule.because, slots), rule.sources, rule.location};
}

Decimal magnitude(Decimal points) { return points < Decimal() ? negate(points).value : points; }

}  // namespace

AdviceResult advise(const RuleSet& rules, const Case& facts, const AdviseOptions& options) {
  if (!facts.bound_to(rules)) {
    throw std::invalid_argument("forbear::advise: the case was read against another rule set; read it with parse_case(rules, ...)");
  }
  const Program& program = rules.program();
  AdviceResult result;
  result.id = facts.id();
  result.ruleset = {program.name, program.version, program.sha256};

  const detail::Outcome outcome = detail::evaluate_outcome(program, facts.facts());
  const std::vector<Value>& slots = outcome.slots;
  const auto& status = outcome.status;
  result.faults = outcome.faults;

  // What each fired rule contributed.
  const std::size_t strategy_count = program.strategies.size();
  std::vector<std::vector<Contribution>> because(strategy_count);
  std::vector<std::vector<Contribution>> vetoes(strategy_count);
  std::vector<std::vector<std::string>> advised_by(program.advice.size());
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    if (status[r] != Status::fired) continue;
    const auto& rule = program.rules[r];
    for (const auto& effect : rule.effects) {
      switch (effect.kind) {
        case EffectKind::add_points:
          because[effect.target].push_back(contribution(program, rule, effect.points, slots));
          break;
        case EffectKind::exclude:
          vetoes[effect.target].push_back(contribution(program, rule, Decimal(), slots));
          break;
        case EffectKind::advise:
          if (std::find(advised_by[effect.target].begin(), advised_by[effect.target].end(), rule.name) == advised_by[effect.target].end()) {
            advised_by[effect.target].push_back(rule.name);
          }
          break;
      }
    }
  }

  for (std::size_t s = 0; s < strategy_count; ++s) {
    if (!outcome.vetoed[s]) continue;
    result.excluded.push_back({program.strategies[s].name, detail::render_label(program, program.strategies[s].label, slots),
                               outcome.scores[s], std::move(vetoes[s]), std::move(because[s])});
  }
  for (std::size_t i = 0; i < outcome.ranking.size(); ++i) {
    const std::size_t s = outcome.ranking[i];
    result.strategies.push_back({program.strategies[s].name, static_cast<int>(i + 1), outcome.scores[s],
                                 detail::render_label(program, program.strategies[s].label, slots), std::move(because[s])});
  }

  // Advice, in declaration order.
  for (std::size_t a = 0; a < program.advice.size(); ++a) {
    if (advised_by[a].empty()) continue;
    const auto& item = program.advice[a];
    result.advice.push_back({item.id, item.kind, detail::render_label(program, item.text, slots), std::move(advised_by[a])});
  }

  // Outputs, in declaration order.
  for (detail::Slot slot = program.fact_count; slot < program.values.size(); ++slot) {
    const auto& value = program.values[slot];
    if (value.kind == detail::ValueKind::output) {
      result.outputs.emplace_back(value.name, detail::value_to_json(program, slots[slot], value.type));
    }
  }

  // Missing facts: the unknown facts that could change a rule's outcome (or an output), weighed
  // by the points those rules could move.
  detail::DecidingFacts deciding(program, slots);
  std::vector<std::vector<detail::Slot>> deciding_of_rule(program.rules.size());
  struct Weight {
    Decimal points;
    std::vector<std::string> rules;
  };
  std::map<detail::Slot, Weight> weights;
  const bool any_unknown_fact = std::any_of(slots.begin(), slots.begin() + program.fact_count,
                                            [](const Value& v) { return !is_known(v); });
  for (std::size_t r = 0; any_unknown_fact && r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    deciding_of_rule[r] = deciding.of(rule.condition);
    if (deciding_of_rule[r].empty()) continue;
    Decimal stake;
    for (const auto& effect : rule.effects) {
      if (effect.kind == EffectKind::add_points) stake = add(stake, magnitude(effect.points)).value;
      if (effect.kind == EffectKind::exclude) stake = add(stake, kVetoWeight).value;
    }
    for (detail::Slot input : deciding_of_rule[r]) {
      Weight& weight = weights[input];
      weight.points = add(weight.points, stake).value;
      weight.rules.push_back(rule.name);
    }
  }
  for (detail::Slot slot = program.fact_count; any_unknown_fact && slot < program.values.size(); ++slot) {
    const auto& value = program.values[slot];
    if (value.kind != detail::ValueKind::output) continue;
    for (detail::Slot input : deciding.of(value.expr)) weights[input];
  }
  // How far one value of each would move the ranking: the next question is the one whose answer
  // could change the advice most.
  for (const auto& [slot, weight] : weights) {
    const auto& fact = program.values[slot];
    MissingFact missing;
    missing.fact = fact.name;
    missing.description = detail::render_label(program, fact.description, slots);
    missing.rules = weight.rules;
    missing.weight = weight.points;
    if (!weight.rules.empty()) {
      const detail::FactImpact impact = detail::fact_impact(program, outcome, facts.facts(), slot);
      missing.could_change_top = impact.could_change_top;
      missing.positions_moved = impact.positions_moved;
      missing.with_value = detail::value_to_json(program, impact.value, fact.type);
      if (impact.could_change_top && impact.new_top < strategy_count) missing.new_top = program.strategies[impact.new_top].name;
    }
    result.missing.push_back(std::move(missing));
  }
  std::stable_sort(result.missing.begin(), result.missing.end(), [](const MissingFact& a, const MissingFact& b) {
    if (a.could_change_top != b.could_change_top) return a.could_change_top;
    if (a.positions_moved != b.positions_moved) return a.positions_moved > b.positions_moved;
    if (a.weight != b.weight) return a.weight > b.weight;
    return a.rules.size() > b.rules.size();
  });

  if (options.trace) {
    for (detail::Slot slot : program.evaluation_order) {
      const auto& value = program.values[slot];
      result.values.push_back({value.name, value.kind == detail::ValueKind::output ? "output" : "let",
                               detail::render_expr(program, value.expr, slots),
                               detail::render_value(program, slots[slot], value.type)});
    }
    static const char* const kStatusNames[] = {"fired", "not_fired", "unknown"};
    static const char* const kOutcomes[] = {"true", "false", "unknown"};
    for (std::size_t r = 0; r < program.rules.size(); ++r) {
      const auto& rule = program.rules[r];
      RuleTrace entry{rule.name, kStatusNames[static_cast<int>(status[r])],
                      detail::render_expr(program, rule.condition, slots) + " \xE2\x86\x92 " + kOutcomes[static_cast<int>(status[r])],
                      {}, rule.location};
      std::vector<detail::Slot> missing = deciding_of_rule[r];
      std::sort(missing.begin(), missing.end());
      for (detail::Slot input : missing) entry.missing.push_back(program.values[input].name);
      result.trace.push_back(std::move(entry));
    }
  }
  return result;
}

}  // namespace forbear
