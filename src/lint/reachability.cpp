// Strategies and advice that no rule can reach: counting only rules that can fire, a strategy
// that no rule gives points to (or that rules only take points from, or only exclude), and an
// advice item that no rule advises. A rule that names it but can never fire is shown in a note.

#include "lint/checks.hpp"

namespace forbear::detail::lint {
namespace {

// The net points rule `rule` gives to strategy `s` (its effects on `s` added up).
Decimal net_points(const Rule& rule, std::uint32_t s) {
  Decimal sum;
  for (const Effect& effect : rule.effects) {
    if (effect.kind == EffectKind::add_points && effect.target == s) sum = add(sum, effect.points).value;
  }
  return sum;
}

bool names(const Rule& rule, EffectKind kind, std::uint32_t target) {
  for (const Effect& effect : rule.effects) {
    if (effect.kind == kind && effect.target == target) return true;
  }
  return false;
}

void check_strategy(LintContext& context, std::uint32_t s) {
  const Program& program = context.program();
  bool gains = false;
  bool loses = false;
  bool excluded = false;
  std::vector<DiagnosticNote> dormant;
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const Rule& rule = program.rules[r];
    const Decimal points = net_points(rule, s);
    if (!context.condition(r).can_fire) {
      if (points > Decimal()) dormant.push_back({rule.name_span, "rule '" + rule.name + "' gives it points but can never fire"});
      continue;
    }
    if (points > Decimal()) gains = true;
    if (points < Decimal()) loses = true;
    if (names(rule, EffectKind::exclude, s)) excluded = true;
  }
  if (gains) return;
  const Strategy& strategy = program.strategies[s];
  const std::string head = "strategy '" + strategy.name + "' ";
  std::string message;
  if (excluded && !loses) {
    message = head + "is only ever excluded: no rule that can fire gives it points";
  } else if (loses) {
    message = head + "never gains points: the rules that can fire only take points from it" + (excluded ? " or exclude it" : "");
  } else {
    message = head + "gets no points from any rule that can fire: it always scores 0; give it points in a rule or remove it";
  }
  context.warn(strategy.span, message, std::move(dormant));
}

void check_advice(LintContext& context, std::uint32_t a) {
  const Program& program = context.program();
  std::vector<DiagnosticNote> dormant;
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const Rule& rule = program.rules[r];
    if (!names(rule, EffectKind::advise, a)) continue;
    if (context.condition(r).can_fire) return;
    dormant.push_back({rule.name_span, "rule '" + rule.name + "' advises it but can never fire"});
  }
  const AdviceItem& item = program.advice[a];
  context.warn(item.span, "advice '" + item.id + "' is never given: no rule that can fire advises it; advise it in a rule or remove it",
               std::move(dormant));
}

}  // namespace

void check_reachability(LintContext& context) {
  const Program& program = context.program();
  for (std::uint32_t s = 0; s < program.strategies.size(); ++s) check_strategy(context, s);
  for (std::uint32_t a = 0; a < program.advice.size(); ++a) check_advice(context, a);
}

}  // namespace forbear::detail::lint
