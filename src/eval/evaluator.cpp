#include "eval/evaluator.hpp"

#include "model/numbers.hpp"

namespace forbear::detail {
namespace {

const char* describe(ArithmeticError error) {
  return error == ArithmeticError::division_by_zero ? "division by zero" : "arithmetic overflow";
}

}  // namespace

Value Evaluator::evaluate(ExprId id, const std::string& owner) {
  owner_ = &owner;
  return eval(id);
}

Value Evaluator::fault(const Expr& expr, ArithmeticError error) {
  faults_.push_back({owner_ ? *owner_ : std::string(), describe(error), program_.location(expr.span)});
  return {};
}

Value Evaluator::eval(ExprId id) {
  const Expr& expr = program_.exprs[id];
  switch (expr.op) {
    case Op::literal:
      return expr.literal;
    case Op::slot:
      return slots_[expr.slot];
    case Op::negate: {
      const Value operand = eval(expr.args[0]);
      if (const auto* i = std::get_if<std::int64_t>(&operand)) {
        const auto r = negate(*i);
        return r.ok() ? Value{r.value} : fault(expr, r.error);
      }
      if (const auto* d = std::get_if<Decimal>(&operand)) {
        const auto r = negate(*d);
        return r.ok() ? Value{r.value} : fault(expr, r.error);
      }
      return {};
    }
    case Op::logical_not: {
      const Value operand = eval(expr.args[0]);
      if (const auto* b = std::get_if<bool>(&operand)) return !*b;
      return {};
    }
    case Op::logical_and:
    case Op::logical_or: {
      // Kleene: a decisive side (false for and, true for or) wins over an unknown one.
      const bool decisive = expr.op == Op::logical_or;
      // A side that the decisive one overrides cannot matter, and neither can its faults (a guard
      // such as `months > 0 and amount / months < 100` must not report a division by zero).
      const std::size_t before_lhs = faults_.size();
      const Value lhs = eval(expr.args[0]);
      const auto* a = std::get_if<bool>(&lhs);
      if (a && *a == decisive) return decisive;
      const std::size_t before_rhs = faults_.size();
      const Value rhs = eval(expr.args[1]);
      const auto* b = std::get_if<bool>(&rhs);
      if (b && *b == decisive) {
        faults_.erase(faults_.begin() + static_cast<std::ptrdiff_t>(before_lhs), faults_.begin() + static_cast<std::ptrdiff_t>(before_rhs));
        return decisive;
      }
      if (a && b) return !decisive;
      return {};
    }
    case Op::add:
    case Op::subtract:
    case Op::multiply:
    case Op::divide: {
      const Value lhs = eval(expr.args[0]);
      const Value rhs = eval(expr.args[1]);
      if (!is_known(lhs) || !is_known(rhs)) return {};
      return arithmetic(expr, lhs, rhs);
    }
    case Op::equal:
    case Op::not_equal:
    case Op::less:
    case Op::less_equal:
    case Op::greater:
    case Op::greater_equal: {
      const Value lhs = eval(expr.args[0]);
      const Value rhs = eval(expr.args[1]);
      if (!is_known(lhs) || !is_known(rhs)) return {};
      return compare(expr, lhs, rhs);
    }
    case Op::member_of: {
      const Value subject = eval(expr.args[0]);
      if (!is_known(subject)) return {};
      const bool numeric = std::holds_alternative<std::int64_t>(subject) || std::holds_alternative<Decimal>(subject);
      bool found = false;
      for (std::size_t i = 1; i < expr.args.size() && !found; ++i) {
        const Value& element = program_.exprs[expr.args[i]].literal;
        const bool element_numeric = std::holds_alternative<std::int64_t>(element) || std::holds_alternative<Decimal>(element);
        found = numeric && element_numeric ? compare_numbers(subject, element) == 0 : subject == element;
      }
      return found != expr.negated;
    }
    case Op::conditional: {
      const Value condition = eval(expr.args[0]);
      const auto* c = std::get_if<bool>(&condition);
      if (!c) return {};
      Value chosen = eval(expr.args[*c ? 1 : 2]);
      // A number-typed conditional gives a number from either branch.
      if (expr.type.base == BaseType::number) {
        if (const auto* i = std::get_if<std::int64_t>(&chosen)) {
          const auto r = Decimal::from_int(*i);
          return r.ok() ? Value{r.value} : fault(expr, r.error);
        }
      }
      return chosen;
    }
    case Op::known:
      return is_known(eval(expr.args[0]));
    case Op::min:
    case Op::max:
    case Op::abs:
    case Op::ceil:
    case Op::floor:
    case Op::round:
      return call(expr);
  }
  return {};
}

Value Evaluator::arithmetic(const Expr& expr, const Value& lhs, const Value& rhs) {
  if (expr.type.base == BaseType::integer) {
    const std::int64_t a = std::get<std::int64_t>(lhs);
    const std::int64_t b = std::get<std::int64_t>(rhs);
    Checked<std::int64_t> r;
    switch (expr.op) {
      case Op::add: r = add(a, b); break;
      case Op::subtract: r = subtract(a, b); break;
      default: r = multiply(a, b); break;
    }
    return r.ok() ? Value{r.value} : fault(expr, r.error);
  }
  const auto a = as_decimal(lhs);
  if (!a.ok()) return fault(expr, a.error);
  const auto b = as_decimal(rhs);
  if (!b.ok()) return fault(expr, b.error);
  Checked<Decimal> r;
  switch (expr.op) {
    case Op::add: r = add(a.value, b.value); break;
    case Op::subtract: r = subtract(a.value, b.value); break;
    case Op::multiply: r = multiply(a.value, b.value); break;
    default: r = divide(a.value, b.value); break;
  }
  return r.ok() ? Value{r.value} : fault(expr, r.error);
}

Value Evaluator::compare(const Expr& expr, const Value& lhs, const Value& rhs) {
  const bool numeric = (std::holds_alternative<std::int64_t>(lhs) || std::holds_alternative<Decimal>(lhs)) &&
                       (std::holds_alternative<std::int64_t>(rhs) || std::holds_alternative<Decimal>(rhs));
  if (!numeric) {
    const bool same = lhs == rhs;
    return expr.op == Op::equal ? same : !same;  // the checker allows only == and != here
  }
  const int order = compare_numbers(lhs, rhs);
  switch (expr.op) {
    case Op::equal: return order == 0;
    case Op::not_equal: return order != 0;
    case Op::less: return order < 0;
    case Op::less_equal: return order <= 0;
    case Op::greater: return order > 0;
    default: return order >= 0;
  }
}

Value Evaluator::call(const Expr& expr) {
  std::vector<Value> args;
  args.reserve(expr.args.size());
  for (ExprId arg : expr.args) {
    args.push_back(eval(arg));
    if (!is_known(args.back())) return {};
  }
  const Value& first = args[0];
  switch (expr.op) {
    case Op::min:
    case Op::max: {
      std::size_t best = 0;
      for (std::size_t i = 1; i < args.size(); ++i) {
        const int order = compare_numbers(args[i], args[best]);
        if (expr.op == Op::min ? order < 0 : order > 0) best = i;
      }
      if (expr.type.base == BaseType::number) {
        const auto r = as_decimal(args[best]);
        return r.ok() ? Value{r.value} : fault(expr, r.error);
      }
      return args[best];
    }
    case Op::abs: {
      if (const auto* i = std::get_if<std::int64_t>(&first)) {
        const auto r = abs(*i);
        return r.ok() ? Value{r.value} : fault(expr, r.error);
      }
      const auto r = abs(std::get<Decimal>(first));
      return r.ok() ? Value{r.value} : fault(expr, r.error);
    }
    case Op::ceil:
    case Op::floor:
    case Op::round: {
      if (std::holds_alternative<std::int64_t>(first)) {
        if (expr.op != Op::round || args.size() == 1) return first;
      }
      const auto d = as_decimal(first);
      if (!d.ok()) return fault(expr, d.error);
      if (expr.op == Op::ceil) return to_int64(ceil(d.value));
      if (expr.op == Op::floor) return to_int64(floor(d.value));
      const int places = args.size() == 2 ? static_cast<int>(std::get<std::int64_t>(args[1])) : 0;
      const auto r = round(d.value, places);
      if (!r.ok()) return fault(expr, r.error);
      if (args.size() == 1) return to_int64(r.value);
      return r.value;
    }
    default:
      return {};
  }
}

}  // namespace forbear::detail
