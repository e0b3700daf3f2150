#include "check/derived_depth.hpp"

#include <algorithm>
#include <string>

namespace forbear::detail {
namespace {

// The depth of expression `id`, a derived value read counting as deep as its definition
// (`value_depth`, filled for every derived value evaluated before). Recursion here is bounded by
// the expression depth limit the parser enforces.
std::uint32_t depth_of(const Program& program, ExprId id, const std::vector<std::uint32_t>& value_depth) {
  const Expr& expr = program.exprs[id];
  if (expr.op == Op::slot) return expr.slot < program.fact_count ? 1 : value_depth[expr.slot];
  std::uint32_t deepest = 0;
  for (ExprId arg : expr.args) deepest = std::max(deepest, depth_of(program, arg, value_depth));
  return deepest + 1;
}

std::string too_deep(const std::string& what, std::uint32_t limit) {
  return what + " nests deeper than " + std::to_string(limit) +
         " levels, counting the derived values it reads (the limit); shorten the chain of 'let' values";
}

}  // namespace

bool refuse_deep_derivations(const Program& program, std::uint32_t limit, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::uint32_t> value_depth(program.values.size(), 1);
  for (Slot slot : program.evaluation_order) {
    const ValueInfo& value = program.values[slot];
    value_depth[slot] = depth_of(program, value.expr, value_depth);
    if (value_depth[slot] > limit) {
      diagnostics.push_back({Severity::error, value.span, too_deep("'" + value.name + "'", limit), {}});
      return true;
    }
  }
  for (const Rule& rule : program.rules) {
    if (depth_of(program, rule.condition, value_depth) > limit) {
      diagnostics.push_back({Severity::error, rule.span, too_deep("the condition of rule '" + rule.name + "'", limit), {}});
      return true;
    }
  }
  return false;
}

}  // namespace forbear::detail
