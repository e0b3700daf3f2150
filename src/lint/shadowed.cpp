// Effects that can never matter. All fired rules add up (there is no first match), so a rule is
// not shadowed by coming later; instead:
// - points for a strategy that a veto excludes whenever the rule fires never count in the ranking
//   (the rule itself excludes it, or a rule whose condition the rule's condition implies);
// - `advise X` is redundant when, whenever the rule fires, another rule that advises X fires too
//   (of two rules with equivalent conditions, the later one is told).
// "Implies" is proven (LintContext::implies), so a missed case gives no warning, never a wrong one.

#include <set>
#include <vector>

#include "lint/checks.hpp"

namespace forbear::detail::lint {
namespace {

const Effect* find_effect(const Rule& rule, EffectKind kind, std::uint32_t target) {
  for (const Effect& effect : rule.effects) {
    if (effect.kind == kind && effect.target == target) return &effect;
  }
  return nullptr;
}

// Per strategy (or advice item): the rules with an effect of one kind on it, in rule order. Looked
// up instead of scanning every rule for every effect (10,000 rules took seconds).
using RulesByTarget = std::vector<std::vector<std::size_t>>;

RulesByTarget rules_by_target(const Program& program, EffectKind kind, std::size_t targets) {
  RulesByTarget out(targets);
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    for (const Effect& effect : program.rules[r].effects) {
      if (effect.kind == kind && (out[effect.target].empty() || out[effect.target].back() != r)) out[effect.target].push_back(r);
    }
  }
  return out;
}

void check_vetoed_points(LintContext& context, std::size_t r, const RulesByTarget& excluders) {
  const Program& program = context.program();
  const Rule& rule = program.rules[r];
  std::set<std::uint32_t> reported;
  for (const Effect& effect : rule.effects) {
    if (effect.kind != EffectKind::add_points || !reported.insert(effect.target).second) continue;
    const std::string strategy = "'" + program.strategies[effect.target].name + "'";
    if (find_effect(rule, EffectKind::exclude, effect.target)) {
      context.warn(effect.span, "rule '" + rule.name + "' gives points to " + strategy +
                                    " and also excludes it: the points never count in the ranking; remove one of the two");
      continue;
    }
    for (std::size_t v : excluders[effect.target]) {
      const Rule& veto = program.rules[v];
      const Effect* exclude = find_effect(veto, EffectKind::exclude, effect.target);
      if (v == r || !exclude || !context.condition(v).can_fire || !context.implies(r, v)) continue;
      context.warn(effect.span,
                   "the points rule '" + rule.name + "' gives to " + strategy + " never count in the ranking: whenever '" +
                       rule.name + "' fires, rule '" + veto.name + "' (" + program.location(veto.name_span) + ") excludes " +
                       strategy + "; remove the points or narrow the veto",
                   {{exclude->span, "'" + veto.name + "' excludes " + strategy + " here"}});
      break;
    }
  }
}

void check_redundant_advice(LintContext& context, std::size_t r, const RulesByTarget& advisers) {
  const Program& program = context.program();
  const Rule& rule = program.rules[r];
  for (const Effect& effect : rule.effects) {
    if (effect.kind != EffectKind::advise) continue;
    const std::string item = "'" + program.advice[effect.target].id + "'";
    for (std::size_t q : advisers[effect.target]) {
      const Rule& other = program.rules[q];
      const Effect* advise = find_effect(other, EffectKind::advise, effect.target);
      if (q == r || !advise || !context.condition(q).can_fire || !context.implies(r, q)) continue;
      // Equivalent conditions imply each other: only the later rule is told.
      if (q > r && context.implies(q, r)) continue;
      context.warn(effect.span,
                   "rule '" + rule.name + "' need not advise " + item + ": whenever it fires, rule '" + other.name + "' (" +
                       program.location(other.name_span) + ") advises it too; remove it from '" + rule.name + "'",
                   {{advise->span, "'" + other.name + "' advises " + item + " here"}});
      break;
    }
  }
}

}  // namespace

void check_shadowed_effects(LintContext& context) {
  const Program& program = context.program();
  const RulesByTarget excluders = rules_by_target(program, EffectKind::exclude, program.strategies.size());
  const RulesByTarget advisers = rules_by_target(program, EffectKind::advise, program.advice.size());
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    if (!context.condition(r).can_fire) continue;  // already told: it can never fire
    check_vetoed_points(context, r, excluders);
    check_redundant_advice(context, r, advisers);
  }
}

}  // namespace forbear::detail::lint
