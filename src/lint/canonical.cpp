#include "lint/canonical.hpp"

#include <algorithm>

namespace forbear::detail::lint {
namespace {

// Length-prefixed, so that no text inside a literal can be mistaken for structure.
std::string quoted(const std::string& text) { return std::to_string(text.size()) + ":" + text; }

std::string literal_key(const Expr& expr) {
  const Value& value = expr.literal;
  if (!is_known(value)) return "unknown";
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* i = std::get_if<std::int64_t>(&value)) return "int " + std::to_string(*i);
  if (const auto* d = std::get_if<Decimal>(&value)) return "number " + d->to_string();
  if (const auto* s = std::get_if<std::string>(&value)) return "text " + quoted(*s);
  const auto member = std::get<EnumMember>(value);
  return "enum " + std::to_string(expr.type.enum_id) + " " + std::to_string(member.index);
}

const char* op_name(Op op) {
  switch (op) {
    case Op::literal: return "literal";
    case Op::slot: return "slot";
    case Op::negate: return "neg";
    case Op::logical_not: return "not";
    case Op::logical_and: return "and";
    case Op::logical_or: return "or";
    case Op::add: return "add";
    case Op::subtract: return "sub";
    case Op::multiply: return "mul";
    case Op::divide: return "div";
    case Op::equal: return "eq";
    case Op::not_equal: return "ne";
    case Op::less: return "lt";
    case Op::less_equal: return "le";
    case Op::greater: return "gt";
    case Op::greater_equal: return "ge";
    case Op::member_of: return "in";
    case Op::conditional: return "if";
    case Op::min: return "min";
    case Op::max: return "max";
    case Op::abs: return "abs";
    case Op::ceil: return "ceil";
    case Op::floor: return "floor";
    case Op::round: return "round";
    case Op::known: return "known";
  }
  return "?";
}

std::string join(const std::string& head, const std::vector<std::string>& parts) {
  std::string out = head + "(";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "," : "") + parts[i];
  return out + ")";
}

void sort_unique(std::vector<std::string>& parts) {
  std::sort(parts.begin(), parts.end());
  parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
}

// The operands of a chain of the same associative operator, flattened.
void flatten(const Program& program, ExprId id, Op op, std::vector<std::string>& out) {
  const Expr& expr = program.exprs[id];
  if (expr.op == op) {
    for (ExprId arg : expr.args) flatten(program, arg, op, out);
    return;
  }
  out.push_back(canonical(program, id));
}

}  // namespace

std::string canonical(const Program& program, ExprId id) {
  const Expr& expr = program.exprs[id];
  switch (expr.op) {
    case Op::literal:
      return literal_key(expr);
    case Op::slot:
      return "$" + program.values[expr.slot].name;
    case Op::logical_not: {
      const Expr& inner = program.exprs[expr.args[0]];
      if (inner.op == Op::logical_not) return canonical(program, inner.args[0]);  // Kleene: not not x == x
      return join("not", {canonical(program, expr.args[0])});
    }
    case Op::logical_and:
    case Op::logical_or: {
      std::vector<std::string> parts;
      flatten(program, id, expr.op, parts);
      sort_unique(parts);
      if (parts.size() == 1) return parts[0];  // `a and a` is `a`
      return join(op_name(expr.op), parts);
    }
    case Op::equal:
    case Op::not_equal: {
      std::vector<std::string> sides{canonical(program, expr.args[0]), canonical(program, expr.args[1])};
      std::sort(sides.begin(), sides.end());
      return join(op_name(expr.op), sides);
    }
    case Op::greater:  // a > b is b < a
      return join("lt", {canonical(program, expr.args[1]), canonical(program, expr.args[0])});
    case Op::greater_equal:  // a >= b is b <= a
      return join("le", {canonical(program, expr.args[1]), canonical(program, expr.args[0])});
    case Op::member_of: {
      std::vector<std::string> elements;
      for (std::size_t i = 1; i < expr.args.size(); ++i) elements.push_back(canonical(program, expr.args[i]));
      sort_unique(elements);
      return join(expr.negated ? "notin" : "in", {canonical(program, expr.args[0]), join("set", elements)});
    }
    default: {
      std::vector<std::string> parts;
      for (ExprId arg : expr.args) parts.push_back(canonical(program, arg));
      return join(op_name(expr.op), parts);
    }
  }
}

std::vector<std::string> canonical_conjuncts(const Program& program, ExprId id) {
  std::vector<std::string> parts;
  flatten(program, id, Op::logical_and, parts);
  sort_unique(parts);
  return parts;
}

}  // namespace forbear::detail::lint
