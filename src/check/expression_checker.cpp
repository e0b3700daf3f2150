#include "check/expression_checker.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "check/suggest.hpp"

namespace forbear::detail {

using dsl::pt::NodeKind;

ExprId ExpressionChecker::check(std::uint32_t file, dsl::pt::NodeId node, std::optional<Type> context) {
  current_file_ = file;
  return check_expr(node, context);
}

bool ExpressionChecker::is_numeric(const Type& t) { return t.base == BaseType::integer || t.base == BaseType::number; }

bool ExpressionChecker::assignable(const Type& to, const Type& from) const {
  if (from.base == BaseType::any || from.base == BaseType::invalid || to.base == BaseType::invalid) return true;
  if (to.base == BaseType::number && from.base == BaseType::integer) return true;
  return to == from;
}

std::optional<Value> ExpressionChecker::constant_value(ExprId id) const {
  const Expr& expr = program_.exprs[id];
  if (expr.op == Op::literal) return expr.literal;
  return std::nullopt;
}

void ExpressionChecker::error(SourceSpan where, std::string message) {
  diagnostics_.push_back({Severity::error, where, std::move(message), {}});
}

ExprId ExpressionChecker::add(Expr expr) {
  program_.exprs.push_back(std::move(expr));
  return static_cast<ExprId>(program_.exprs.size() - 1);
}

SourceSpan ExpressionChecker::node_span(const dsl::pt::Node& node) const {
  return {current_file_, node.span.begin, node.span.end};
}

ExprId ExpressionChecker::invalid(const dsl::pt::Node& node) {
  return add({Op::literal, Type{BaseType::invalid}, node_span(node), kNone, {}, {}, false, {}});
}

bool ExpressionChecker::could_be_member(const dsl::pt::Node& node) const {
  if (node.kind == NodeKind::string) return true;
  return node.kind == NodeKind::name && !slot_by_name_.count(node.text);
}

ExprId ExpressionChecker::check_expr(dsl::pt::NodeId id, std::optional<Type> context) {
  const auto& node = trees_[current_file_].nodes[id];
  const SourceSpan where = node_span(node);
  switch (node.kind) {
    case NodeKind::number: {
      if (node.text.find('.') == std::string::npos) {
        std::int64_t value = 0;
        const auto [end, problem] = std::from_chars(node.text.data(), node.text.data() + node.text.size(), value);
        if (problem != std::errc() || end != node.text.data() + node.text.size()) {
          error(where, "integer " + node.text + " is too large (the largest int is 9223372036854775807)");
          return invalid(node);
        }
        return add({Op::literal, Type{BaseType::integer}, where, kNone, Value{value}, {}, false, node.text});
      }
      Decimal value;
      const auto parsed = Decimal::parse(node.text, value);
      if (parsed == DecimalParseError::too_precise) {
        error(where, "number " + node.text + " has more than 6 decimal places");
        return invalid(node);
      }
      if (parsed != DecimalParseError::none) {
        error(where, "number " + node.text + " is too large for a number (about 9.2e12 at most)");
        return invalid(node);
      }
      return add({Op::literal, Type{BaseType::number}, where, kNone, Value{value}, {}, false, node.text});
    }
    case NodeKind::string: {
      std::string text = text_.unescape(current_file_, {node.text, node.span});
      if (context && context->base == BaseType::enumeration) return enum_member(node, text, *context);
      return add({Op::literal, Type{BaseType::text}, where, kNone, Value{text}, {}, false, "\"" + node.text + "\""});
    }
    case NodeKind::boolean:
      return add({Op::literal, Type{BaseType::boolean}, where, kNone, Value{node.text == "true"}, {}, false, node.text});
    case NodeKind::unknown:
      return add({Op::literal, Type{BaseType::any}, where, kNone, Value{}, {}, false, "unknown"});
    case NodeKind::name: {
      if (context && context->base == BaseType::enumeration) {
        const auto& members = program_.enums[context->enum_id].members;
        if (std::find(members.begin(), members.end(), node.text) != members.end()) {
          return enum_member(node, node.text, *context);
        }
      }
      const auto it = slot_by_name_.find(node.text);
      if (it == slot_by_name_.end()) {
        // Compared with an enum, an unknown bare name is most likely a misspelt member.
        if (context && context->base == BaseType::enumeration) return enum_member(node, node.text, *context);
        error(where, "unknown name '" + node.text + "'" + did_you_mean(node.text, text_.value_names(), diagnostics_.size()));
        return invalid(node);
      }
      const Type type = program_.values[it->second].type;
      return add({Op::slot, type, where, it->second, {}, {}, false, node.text});
    }
    case NodeKind::negate: {
      const ExprId operand = check_expr(node.children[0], std::nullopt);
      const Type type = program_.exprs[operand].type;
      if (type.base == BaseType::invalid) return invalid(node);
      if (!is_numeric(type) && type.base != BaseType::any) {
        error(where, "'-' needs a number, not " + program_.type_name(type));
        return invalid(node);
      }
      // A negative literal is a literal: sets and defaults hold only literals.
      if (const Expr& inner = program_.exprs[operand]; inner.op == Op::literal && is_known(inner.literal)) {
        Value negated;
        if (const auto* i = std::get_if<std::int64_t>(&inner.literal)) {
          const auto r = negate(*i);
          if (r.ok()) negated = r.value;
        } else if (const auto* d = std::get_if<Decimal>(&inner.literal)) {
          negated = negate(*d).value;
        }
        if (is_known(negated)) return add({Op::literal, type, where, kNone, negated, {}, false, (!inner.spelling.empty() && inner.spelling.front() == '-' ? "-(" + inner.spelling + ")" : "-" + inner.spelling)});
      }
      return add({Op::negate, type, where, kNone, {}, {operand}, false, {}});
    }
    case NodeKind::logical_not: {
      const ExprId operand = check_expr(node.children[0], std::nullopt);
      if (!expect_bool(operand, "'not'")) return invalid(node);
      return add({Op::logical_not, Type{BaseType::boolean}, where, kNone, {}, {operand}, false, {}});
    }
    case NodeKind::binary:
      return check_binary(node);
    case NodeKind::membership:
      return check_membership(node);
    case NodeKind::conditional:
      return check_conditional(node, context);
    case NodeKind::call:
      return check_call(node);
  }
  return invalid(node);
}

ExprId ExpressionChecker::enum_member(const dsl::pt::Node& node, const std::string& text, const Type& type) {
  const auto& members = program_.enums[type.enum_id].members;
  const auto it = std::find(members.begin(), members.end(), text);
  if (it == members.end()) {
    error(node_span(node), "'" + text + "' is not a value of " + program_.type_name(type) + did_you_mean(text, members, diagnostics_.size()));
    return invalid(node);
  }
  const auto index = static_cast<std::uint32_t>(it - members.begin());
  return add({Op::literal, type, node_span(node), kNone, Value{EnumMember{index}}, {}, false, text});
}

bool ExpressionChecker::expect_bool(ExprId id, const std::string& what) {
  const Type type = program_.exprs[id].type;
  if (type.base == BaseType::boolean || type.base == BaseType::any) return true;
  if (type.base != BaseType::invalid) {
    error(program_.exprs[id].span, what + " needs a bool, not " + program_.type_name(type));
  }
  return false;
}

std::pair<ExprId, ExprId> ExpressionChecker::check_pair(const dsl::pt::Node& node) {
  const auto& nodes = trees_[current_file_].nodes;
  const auto& lhs_node = nodes[node.children[0]];
  const auto& rhs_node = nodes[node.children[1]];
  // When the side that gives the context has an error, a bare name on the other side cannot
  // be resolved either; checking it would only repeat the first error.
  if (could_be_member(lhs_node) && !could_be_member(rhs_node)) {
    const ExprId rhs = check_expr(node.children[1], std::nullopt);
    if (program_.exprs[rhs].type.base == BaseType::invalid) return {invalid(lhs_node), rhs};
    const ExprId lhs = check_expr(node.children[0], enum_context(rhs));
    return {lhs, rhs};
  }
  const ExprId lhs = check_expr(node.children[0], std::nullopt);
  if (program_.exprs[lhs].type.base == BaseType::invalid && could_be_member(rhs_node)) return {lhs, invalid(rhs_node)};
  const ExprId rhs = check_expr(node.children[1], enum_context(lhs));
  return {lhs, rhs};
}

std::optional<Type> ExpressionChecker::enum_context(ExprId id) const {
  const Type type = program_.exprs[id].type;
  if (type.base == BaseType::enumeration) return type;
  return std::nullopt;
}

ExprId ExpressionChecker::check_binary(const dsl::pt::Node& node) {
  const std::string& op = node.text;
  const SourceSpan where = node_span(node);
  if (op == "and" || op == "or") {
    const ExprId lhs = check_expr(node.children[0], std::nullopt);
    const ExprId rhs = check_expr(node.children[1], std::nullopt);
    const bool ok = expect_bool(lhs, "'" + op + "'") & expect_bool(rhs, "'" + op + "'");
    if (!ok) return invalid(node);
    return add({op == "and" ? Op::logical_and : Op::logical_or, Type{BaseType::boolean}, where, kNone, {}, {lhs, rhs}, false, {}});
  }
  const auto [lhs, rhs] = check_pair(node);
  const Type left = program_.exprs[lhs].type;
  const Type right = program_.exprs[rhs].type;
  if (left.base == BaseType::invalid || right.base == BaseType::invalid) return invalid(node);

  static const std::map<std::string, Op> kArithmetic{{"+", Op::add}, {"-", Op::subtract}, {"*", Op::multiply}, {"/", Op::divide}};
  static const std::map<std::string, Op> kComparison{{"==", Op::equal},      {"!=", Op::not_equal},   {"<", Op::less},
                                                     {"<=", Op::less_equal}, {">", Op::greater}, {">=", Op::greater_equal}};
  const bool left_numeric = is_numeric(left) || left.base == BaseType::any;
  const bool right_numeric = is_numeric(right) || right.base == BaseType::any;
  if (const auto it = kArithmetic.find(op); it != kArithmetic.end()) {
    if (!left_numeric || !right_numeric) {
      error(where, "'" + op + "' needs numbers, not " + program_.type_name(left) + " and " + program_.type_name(right));
      return invalid(node);
    }
    const bool both_int = left.base != BaseType::number && right.base != BaseType::number && it->second != Op::divide;
    return add({it->second, Type{both_int ? BaseType::integer : BaseType::number}, where, kNone, {}, {lhs, rhs}, false, {}});
  }
  const Op comparison = kComparison.at(op);
  const bool ordering = comparison != Op::equal && comparison != Op::not_equal;
  const bool numbers = left_numeric && right_numeric;
  const bool comparable = numbers || assignable(left, right) || assignable(right, left);
  if (!comparable) {
    error(where, "cannot compare " + program_.type_name(left) + " with " + program_.type_name(right));
    return invalid(node);
  }
  if (ordering && !numbers) {
    error(where, "'" + op + "' orders numbers only; " + program_.type_name(left.base == BaseType::any ? right : left) +
                     " values can be compared with == and !=");
    return invalid(node);
  }
  return add({comparison, Type{BaseType::boolean}, where, kNone, {}, {lhs, rhs}, false, {}});
}

ExprId ExpressionChecker::check_membership(const dsl::pt::Node& node) {
  const ExprId subject = check_expr(node.children[0], std::nullopt);
  const Type type = program_.exprs[subject].type;
  Expr expr{Op::member_of, Type{BaseType::boolean}, node_span(node), kNone, {}, {subject}, node.negated, {}};
  bool ok = type.base != BaseType::invalid;
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    const ExprId element = check_expr(node.children[i], enum_context(subject));
    const Expr& checked = program_.exprs[element];
    if (checked.type.base == BaseType::invalid) {
      ok = false;
    } else if (!constant_value(element)) {
      error(checked.span, "a set holds literal values only");
      ok = false;
    } else if (checked.type.base == BaseType::any) {
      error(checked.span, "a set cannot hold 'unknown'; test known(x) instead");
      ok = false;
    } else if (ok && !(assignable(type, checked.type) || (is_numeric(type) && is_numeric(checked.type)))) {
      error(checked.span, "set element of type " + program_.type_name(checked.type) + " cannot match " +
                              program_.type_name(type));
      ok = false;
    }
    expr.args.push_back(element);
  }
  if (!ok) return invalid(node);
  return add(std::move(expr));
}

ExprId ExpressionChecker::check_conditional(const dsl::pt::Node& node, std::optional<Type> context) {
  const ExprId condition = check_expr(node.children[0], std::nullopt);
  const bool condition_ok = expect_bool(condition, "'if'");
  const ExprId then_value = check_expr(node.children[1], context);
  const ExprId else_value = check_expr(node.children[2], context ? context : enum_context(then_value));
  const Type a = program_.exprs[then_value].type;
  const Type b = program_.exprs[else_value].type;
  if (!condition_ok || a.base == BaseType::invalid || b.base == BaseType::invalid) return invalid(node);
  Type result;
  if (a.base == BaseType::any) {
    result = b;
  } else if (b.base == BaseType::any || a == b) {
    result = a;
  } else if (is_numeric(a) && is_numeric(b)) {
    result = Type{BaseType::number};
  } else {
    error(node_span(node), "'if' gives " + program_.type_name(a) + " in one branch and " + program_.type_name(b) +
                               " in the other");
    return invalid(node);
  }
  return add({Op::conditional, result, node_span(node), kNone, {}, {condition, then_value, else_value}, false, {}});
}

ExprId ExpressionChecker::check_call(const dsl::pt::Node& node) {
  static const std::map<std::string, Op> kFunctions{{"min", Op::min},     {"max", Op::max},     {"abs", Op::abs},
                                                    {"ceil", Op::ceil},   {"floor", Op::floor}, {"round", Op::round},
                                                    {"known", Op::known}};
  const SourceSpan where = node_span(node);
  const auto function = kFunctions.find(node.text);
  if (function == kFunctions.end()) {
    std::vector<std::string> names;
    for (const auto& [name, op] : kFunctions) names.push_back(name);
    error({where.file, where.begin, where.begin + static_cast<std::uint32_t>(node.text.size())},
          "unknown function '" + node.text + "'" + did_you_mean(node.text, names) +
              "; the functions are min, max, abs, ceil, floor, round and known");
    return invalid(node);
  }
  const Op op = function->second;
  std::vector<ExprId> args;
  bool ok = true;
  for (dsl::pt::NodeId child : node.children) {
    args.push_back(check_expr(child, std::nullopt));
    if (program_.exprs[args.back()].type.base == BaseType::invalid) ok = false;
  }
  const std::size_t count = args.size();
  const bool count_ok = (op == Op::min || op == Op::max) ? count >= 2 : op == Op::round ? (count == 1 || count == 2) : count == 1;
  if (!count_ok) {
    const char* wanted = (op == Op::min || op == Op::max) ? "at least 2 arguments"
                         : op == Op::round                ? "1 or 2 arguments"
                                                          : "1 argument";
    error(where, "'" + node.text + "' takes " + wanted + ", not " + std::to_string(count));
    return invalid(node);
  }
  if (!ok) return invalid(node);
  if (op == Op::known) return add({op, Type{BaseType::boolean}, where, kNone, {}, args, false, node.text});
  bool all_int = true;
  for (ExprId arg : args) {
    const Type t = program_.exprs[arg].type;
    if (!is_numeric(t) && t.base != BaseType::any) {
      error(program_.exprs[arg].span, "'" + node.text + "' needs numbers, not " + program_.type_name(t));
      return invalid(node);
    }
    if (t.base == BaseType::number) all_int = false;
  }
  Type result{all_int ? BaseType::integer : BaseType::number};
  if (op == Op::ceil || op == Op::floor || (op == Op::round && count == 1)) result = Type{BaseType::integer};
  if (op == Op::round && count == 2) {
    const auto places = constant_value(args[1]);
    const auto* value = places ? std::get_if<std::int64_t>(&*places) : nullptr;
    if (!value || *value < 0 || *value > Decimal::kPlaces) {
      error(program_.exprs[args[1]].span, "round's places must be a whole number from 0 to 6");
      return invalid(node);
    }
    result = Type{BaseType::number};
  }
  return add({op, result, where, kNone, {}, args, false, node.text});
}

}  // namespace forbear::detail
