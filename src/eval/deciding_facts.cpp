#include "eval/deciding_facts.hpp"

#include <algorithm>

namespace forbear::detail {
namespace {

const std::string kProbe = "probe";

void add_unique(std::vector<Slot>& out, Slot slot) {
  if (std::find(out.begin(), out.end(), slot) == out.end()) out.push_back(slot);
}

}  // namespace

DecidingFacts::DecidingFacts(const Program& program, const std::vector<Value>& slots)
    : program_(program), slots_(slots), probe_(program, slots, probe_faults_) {
  memo_[unknown_part].resize(program.values.size());
  memo_[known_part].resize(program.values.size());
}

std::vector<Slot> DecidingFacts::of(ExprId id) {
  std::vector<Slot> out;
  walk(id, is_known(probe_.evaluate(id, kProbe)) ? known_part : unknown_part, out);
  return out;
}

void DecidingFacts::walk_slot(Slot slot, Mode mode, std::vector<Slot>& out) {
  const bool known = is_known(slots_[slot]);
  if (slot < program_.fact_count) {
    if (!known && mode == unknown_part) add_unique(out, slot);
    return;
  }
  const Mode inner = (mode == unknown_part && !known) ? unknown_part : known_part;
  auto& memo = memo_[inner][slot];
  if (!memo) {
    std::vector<Slot> found;
    walk(program_.values[slot].expr, inner, found);
    memo = std::move(found);
  }
  for (Slot fact : *memo) add_unique(out, fact);
}

void DecidingFacts::walk(ExprId id, Mode mode, std::vector<Slot>& out) {
  const Expr& expr = program_.exprs[id];
  switch (expr.op) {
    case Op::literal:
      return;
    case Op::slot:
      walk_slot(expr.slot, mode, out);
      return;
    case Op::known: {
      // known(x) is never unknown, but giving x a value changes it.
      const bool argument_known = is_known(probe_.evaluate(expr.args[0], kProbe));
      walk(expr.args[0], argument_known ? known_part : unknown_part, out);
      return;
    }
    default:
      break;
  }
  const Mode inner = (mode == unknown_part && !is_known(probe_.evaluate(id, kProbe))) ? unknown_part : known_part;
  if (expr.op == Op::conditional) {
    const Value condition = probe_.evaluate(expr.args[0], kProbe);
    if (const auto* taken = std::get_if<bool>(&condition)) {
      walk(expr.args[0], known_part, out);
      walk(expr.args[*taken ? 1 : 2], inner, out);
      return;
    }
  }
  for (ExprId arg : expr.args) walk(arg, inner, out);
}

}  // namespace forbear::detail
