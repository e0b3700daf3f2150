// Duplicate rules: a rule whose condition is the same as an earlier rule's (canonical.hpp decides
// "the same"), and, more strongly, one that also has the same effects. Each later rule is told
// about the first earlier rule that does the same, else the first one with its condition.

#include <map>
#include <set>
#include <vector>

#include "lint/checks.hpp"

namespace forbear::detail::lint {
namespace {

// What a rule does, whatever the order and grouping of its effects: points add up per strategy.
struct EffectSummary {
  std::map<std::uint32_t, Decimal> points;
  std::set<std::uint32_t> excluded;
  std::set<std::uint32_t> advised;
  bool overflow = false;  // points that do not add up within range never compare equal
  friend bool operator==(const EffectSummary&, const EffectSummary&) = default;
};

EffectSummary summarize(const Rule& rule) {
  EffectSummary summary;
  for (const Effect& effect : rule.effects) {
    switch (effect.kind) {
      case EffectKind::add_points: {
        const auto sum = add(summary.points[effect.target], effect.points);
        if (!sum.ok()) summary.overflow = true;
        summary.points[effect.target] = sum.value;
        break;
      }
      case EffectKind::exclude: summary.excluded.insert(effect.target); break;
      case EffectKind::advise: summary.advised.insert(effect.target); break;
    }
  }
  return summary;
}

}  // namespace

void check_duplicate_rules(LintContext& context) {
  const Program& program = context.program();
  std::map<std::string, std::vector<std::size_t>> rules_with_condition;
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    std::vector<std::size_t>& earlier = rules_with_condition[context.condition(r).key];
    earlier.push_back(r);
    if (earlier.size() == 1) continue;
    const Rule& rule = program.rules[r];
    const EffectSummary mine = summarize(rule);
    // The first earlier rule that does the same, else the first one with this condition.
    std::size_t other = earlier.front();
    bool identical = false;
    for (std::size_t i = 0; i + 1 < earlier.size() && !identical && !mine.overflow; ++i) {
      const EffectSummary theirs = summarize(program.rules[earlier[i]]);
      if (!theirs.overflow && theirs == mine) {
        other = earlier[i];
        identical = true;
      }
    }
    const Rule& first = program.rules[other];
    const std::string named = "rule '" + first.name + "' (" + program.location(first.name_span) + ")";
    const std::string message = identical ? "rule '" + rule.name + "' is identical to " + named +
                                                ": the same condition and the same effects; remove one of them"
                                          : "rule '" + rule.name + "' has the same condition as " + named + "; merge them";
    context.warn(rule.name_span, message, {{first.name_span, "'" + first.name + "' is declared here"}});
  }
}

}  // namespace forbear::detail::lint
