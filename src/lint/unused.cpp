// Unused facts and derived facts: declared, but read by no definition, rule condition or text.
// Only direct reads count: a fact read only by an unused derived fact is used, and the derived
// fact gets the warning. An output is used by being published.

#include <vector>

#include "lint/checks.hpp"

namespace forbear::detail::lint {
namespace {

void mark_template(const Template& text, std::vector<bool>& read) {
  for (const TemplatePiece& piece : text.pieces) {
    if (piece.slot != kNone) read[piece.slot] = true;
  }
}

void mark_label(const Label& label, std::vector<bool>& read) {
  mark_template(label.zh, read);
  mark_template(label.en, read);
}

void mark_expression(const Program& program, ExprId id, std::vector<bool>& read) {
  std::vector<Slot> slots;
  collect_slots(program, id, slots);
  for (Slot slot : slots) read[slot] = true;
}

}  // namespace

void check_unused_values(LintContext& context) {
  const Program& program = context.program();
  std::vector<bool> read(program.values.size(), false);
  for (const ValueInfo& value : program.values) {
    if (value.expr != kNone) mark_expression(program, value.expr, read);
    mark_label(value.description, read);
  }
  for (const Rule& rule : program.rules) {
    mark_expression(program, rule.condition, read);
    mark_label(rule.because, read);
  }
  for (const Strategy& strategy : program.strategies) mark_label(strategy.label, read);
  for (const AdviceItem& item : program.advice) mark_label(item.text, read);

  for (Slot slot = 0; slot < program.values.size(); ++slot) {
    const ValueInfo& value = program.values[slot];
    if (read[slot]) continue;
    if (value.kind == ValueKind::fact) {
      context.warn(value.span, "fact '" + value.name + "' is not used: no rule, derived fact or text reads it; "
                               "use it in a rule or remove it");
    } else if (value.kind == ValueKind::let) {
      context.warn(value.span, "derived fact '" + value.name + "' is not used: no rule, derived fact or text reads it; "
                               "use it, remove it, or make it an 'output' to publish it");
    }
  }
}

}  // namespace forbear::detail::lint
