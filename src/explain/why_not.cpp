// why_not(): where a strategy stands, who is ahead, and which rules kept it down.

#include <algorithm>
#include <stdexcept>

#include "check/suggest.hpp"
#include "eval/deciding_facts.hpp"
#include "eval/outcome.hpp"
#include "eval/render.hpp"
#include "explain/condition_parts.hpp"
#include "explain/single_change.hpp"
#include "forbear/explain.hpp"

namespace forbear {
namespace {

using detail::EffectKind;
using detail::Outcome;
using detail::Program;
using detail::RuleStatus;

const char* status_name(RuleStatus status) {
  static const char* const kNames[] = {"fired", "not_fired", "unknown"};
  return kNames[static_cast<int>(status)];
}

FactSetting setting(const Program& program, detail::Slot fact, const Value& value) {
  return {program.values[fact].name, detail::value_to_json(program, value, program.values[fact].type)};
}

// What the rule did or could have done, in the words of the trace.
RuleExplanation explain_rule(const Program& program, const Outcome& outcome, std::size_t r, Decimal points, bool vetoes) {
  const auto& rule = program.rules[r];
  static const char* const kOutcomes[] = {"true", "false", "unknown"};
  RuleExplanation out;
  out.rule = rule.name;
  out.status = status_name(outcome.status[r]);
  out.points = points;
  out.vetoes = vetoes;
  out.condition = detail::render_expr(program, rule.condition, outcome.slots) + " \xE2\x86\x92 " +
                  kOutcomes[static_cast<int>(outcome.status[r])];
  out.reason = detail::render_label(program, rule.because, outcome.slots);
  out.sources = rule.sources;
  out.location = rule.location;
  return out;
}

// Adds to `out` what kept a rule from firing: the failed parts, the missing facts, and one fact
// value that would make it fire.
void explain_not_firing(const Program& program, const Outcome& outcome, const std::vector<Value>& facts, std::size_t r,
                        RuleExplanation& out) {
  const auto& rule = program.rules[r];
  out.failed = detail::failed_parts(program, rule.condition, outcome.slots);
  if (outcome.status[r] == RuleStatus::unknown) {
    detail::DecidingFacts deciding(program, outcome.slots);
    std::vector<detail::Slot> missing = deciding.of(rule.condition);
    std::sort(missing.begin(), missing.end());
    for (detail::Slot slot : missing) out.missing.push_back(program.values[slot].name);
  }
  if (const auto change = detail::change_that_fires(program, facts, r)) out.would_fire_with = setting(program, change->fact, change->value);
}

}  // namespace

WhyNotResult why_not(const RuleSet& rules, const Case& facts, std::string_view strategy) {
  if (!facts.bound_to(rules)) {
    throw std::invalid_argument("forbear::why_not: the case was read against another rule set; read it with parse_case(rules, ...)");
  }
  const Program& program = rules.program();
  WhyNotResult result;
  std::vector<std::string> names;
  for (const auto& s : program.strategies) names.push_back(s.name);
  const auto found = std::find(names.begin(), names.end(), strategy);
  if (found == names.end()) {
    result.error = "unknown strategy '" + std::string(strategy) + "'" + detail::did_you_mean(strategy, names);
    return result;
  }
  const auto s = static_cast<std::size_t>(found - names.begin());
  const Outcome outcome = detail::evaluate_outcome(program, facts.facts());

  WhyNot why;
  why.strategy = program.strategies[s].name;
  why.label = detail::render_label(program, program.strategies[s].label, outcome.slots);
  why.excluded = outcome.vetoed[s];
  why.score = outcome.scores[s];
  const std::size_t place = outcome.place(s);
  if (!why.excluded) why.rank = static_cast<int>(place + 1);
  for (std::size_t i = 0; i < outcome.ranking.size(); ++i) {
    const std::size_t other = outcome.ranking[i];
    if (other == s) break;
    // An excluded strategy is compared as the ranking would place it without its veto.
    if (why.excluded && !(outcome.scores[other] > why.score || (outcome.scores[other] == why.score && other < s))) continue;
    why.ahead.push_back({program.strategies[other].name, detail::render_label(program, program.strategies[other].label, outcome.slots),
                         static_cast<int>(i + 1), outcome.scores[other], subtract(outcome.scores[other], why.score).value});
  }

  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    Decimal points;
    bool names_it = false;
    bool vetoes = false;
    for (const auto& effect : rule.effects) {
      if (effect.kind == EffectKind::advise || effect.target != s) continue;
      names_it = true;
      if (effect.kind == EffectKind::exclude) vetoes = true;
      if (effect.kind == EffectKind::add_points) points = add(points, effect.points).value;
    }
    if (!names_it) continue;
    RuleExplanation explanation = explain_rule(program, outcome, r, points, vetoes);
    if (outcome.status[r] == RuleStatus::fired) {
      if (vetoes) why.vetoed_by.push_back(explanation);
      if (points < Decimal()) why.took_points.push_back(explanation);
      if (points > Decimal()) why.gave_points.push_back(explanation);
    } else if (points > Decimal()) {
      explain_not_firing(program, outcome, facts.facts(), r, explanation);
      why.could_have_helped.push_back(std::move(explanation));
    }
  }
  std::stable_sort(why.could_have_helped.begin(), why.could_have_helped.end(),
                   [](const RuleExplanation& a, const RuleExplanation& b) { return a.points > b.points; });

  if (const auto change = detail::change_that_raises(program, facts.facts(), outcome, s)) {
    why.best_change = Improvement{setting(program, change->fact, change->value),
                                  static_cast<int>(change->outcome.place(s) + 1), change->outcome.scores[s]};
  }
  result.value = std::move(why);
  return result;
}

}  // namespace forbear
