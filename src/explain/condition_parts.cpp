#include "explain/condition_parts.hpp"

#include <algorithm>

#include "eval/deciding_facts.hpp"
#include "eval/evaluator.hpp"
#include "eval/render.hpp"

namespace forbear::detail {
namespace {

// Walks a condition with the values of one evaluation.
class PartFinder {
 public:
  PartFinder(const Program& program, const std::vector<Value>& slots)
      : program_(program), slots_(slots), evaluator_(program, slots, ignored_faults_), deciding_(program, slots) {}

  // The parts of `id` that are not true; `and` is flattened into its conjuncts.
  void blockers(ExprId id, std::vector<ConditionPart>& out) {
    if (is_true(id)) return;
    const Expr& expr = program_.exprs[id];
    if (expr.op == Op::logical_and) {
      for (ExprId arg : expr.args) blockers(arg, out);
      return;
    }
    out.push_back(part(id));
  }

 private:
  bool is_true(ExprId id) {
    const Value value = evaluator_.evaluate(id, kOwner);
    const auto* b = std::get_if<bool>(&value);
    return b && *b;
  }

  // A derived fact's definition, when `id` reads a bool derived fact.
  const Expr* definition_behind(ExprId id) const {
    const Expr& expr = program_.exprs[id];
    if (expr.op != Op::slot || expr.slot < program_.fact_count) return nullptr;
    return &program_.exprs[program_.values[expr.slot].expr];
  }

  // True when a logical part reads a derived fact whose reasons the rendering does not show.
  bool hides_reasons(ExprId id) const {
    const Expr& expr = program_.exprs[id];
    if (definition_behind(id)) return true;
    if (expr.op != Op::logical_and && expr.op != Op::logical_or) return false;
    return std::any_of(expr.args.begin(), expr.args.end(), [&](ExprId arg) { return hides_reasons(arg); });
  }

  // Each argument of an `or` that is not true, as an alternative.
  void alternatives(ExprId id, ConditionPart& into) {
    for (ExprId arg : program_.exprs[id].args) {
      if (program_.exprs[arg].op == Op::logical_or) {
        alternatives(arg, into);
      } else if (!is_true(arg)) {
        into.parts.push_back(part(arg));
      }
    }
    into.alternatives = true;
  }

  ConditionPart part(ExprId id) {
    ConditionPart out;
    out.expression = render_expr(program_, id, slots_);
    const Value value = evaluator_.evaluate(id, kOwner);
    out.outcome = is_known(value) ? "false" : "unknown";
    if (!is_known(value)) {
      std::vector<Slot> missing = deciding_.of(id);
      std::sort(missing.begin(), missing.end());
      for (Slot slot : missing) out.missing.push_back(program_.values[slot].name);
    }
    const Expr& expr = program_.exprs[id];
    if (const Expr* definition = definition_behind(id)) {
      const ExprId inner = program_.values[expr.slot].expr;
      if (definition->op == Op::logical_or) {
        alternatives(inner, out);
      } else {
        blockers(inner, out.parts);
      }
    } else if (expr.op == Op::logical_or && hides_reasons(id)) {
      alternatives(id, out);
    } else if (expr.op == Op::logical_and) {
      blockers(id, out.parts);
    }
    return out;
  }

  static inline const std::string kOwner = "why-not";
  const Program& program_;
  const std::vector<Value>& slots_;
  std::vector<Fault> ignored_faults_;  // the evaluation itself reports faults
  Evaluator evaluator_;
  DecidingFacts deciding_;
};

}  // namespace

std::vector<ConditionPart> failed_parts(const Program& program, ExprId condition, const std::vector<Value>& slots) {
  PartFinder finder(program, slots);
  std::vector<ConditionPart> out;
  finder.blockers(condition, out);
  return out;
}

}  // namespace forbear::detail
