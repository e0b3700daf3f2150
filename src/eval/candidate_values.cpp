#include "eval/candidate_values.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "eval/evaluator.hpp"
#include "eval/outcome.hpp"
#include "model/numbers.hpp"

namespace forbear::detail {
namespace {

// The secant search for a comparison's turning point gives up after this many steps.
constexpr int kSecantSteps = 24;
// The search for a value on the other side of a comparison doubles its step at most this often
// (2^44 is beyond the range of a number).
constexpr int kDoublings = 44;

bool is_numeric(const Type& type) { return type.base == BaseType::integer || type.base == BaseType::number; }

bool is_comparison(Op op) {
  return op == Op::equal || op == Op::not_equal || op == Op::less || op == Op::less_equal || op == Op::greater ||
         op == Op::greater_equal;
}

// True when expression `id` reads `fact`, directly or through derived values.
bool reads_fact(const Program& program, ExprId id, Slot fact) {
  std::vector<Slot> slots;
  collect_slots(program, id, slots);
  return std::any_of(slots.begin(), slots.end(), [&](Slot slot) {
    if (slot == fact) return true;
    const auto& inputs = program.values[slot].input_facts;
    return slot >= program.fact_count && std::binary_search(inputs.begin(), inputs.end(), fact);
  });
}

// A numeric comparison that reads the fact: `lhs OP rhs`, or one element of `lhs in {...}`
// (then `node` is kNone and the outcome is lhs == rhs).
struct Comparison {
  ExprId node = kNone;
  ExprId lhs = kNone;
  ExprId rhs = kNone;
  bool ordering = false;  // <, <=, > or >=: true on one side of a turning point, false on the other
  friend bool operator<(const Comparison& a, const Comparison& b) {
    return std::tie(a.node, a.lhs, a.rhs) < std::tie(b.node, b.lhs, b.rhs);
  }
  friend bool operator==(const Comparison& a, const Comparison& b) {
    return std::tie(a.node, a.lhs, a.rhs) == std::tie(b.node, b.lhs, b.rhs);
  }
};

void collect_comparisons(const Program& program, ExprId id, Slot fact, std::vector<Comparison>& out) {
  const Expr& expr = program.exprs[id];
  if (is_comparison(expr.op) && is_numeric(program.exprs[expr.args[0]].type) && is_numeric(program.exprs[expr.args[1]].type) &&
      reads_fact(program, id, fact)) {
    out.push_back({id, expr.args[0], expr.args[1], expr.op != Op::equal && expr.op != Op::not_equal});
  }
  if (expr.op == Op::member_of && is_numeric(program.exprs[expr.args[0]].type) && reads_fact(program, expr.args[0], fact)) {
    for (std::size_t i = 1; i < expr.args.size(); ++i) out.push_back({kNone, expr.args[0], expr.args[i], false});
  }
  for (ExprId arg : expr.args) collect_comparisons(program, arg, fact, out);
}

Decimal whole(std::int64_t n) { return Decimal::from_int(n).value; }

// Evaluates comparisons with the fact set to trial values. Only the derived values that read the
// fact are computed again; each trial is remembered.
class Probe {
 public:
  Probe(const Program& program, const std::vector<Value>& facts, Slot fact)
      : program_(program), fact_(fact), integral_(program.values[fact].type.base == BaseType::integer) {
    std::vector<Fault> ignored;
    base_ = evaluate_values(program, facts, ignored);
    for (Slot slot : program.evaluation_order) {
      const auto& inputs = program.values[slot].input_facts;
      if (std::binary_search(inputs.begin(), inputs.end(), fact)) readers_.push_back(slot);
    }
  }

  bool integral() const { return integral_; }

  // The fact's value for a trial point (rounded to a whole number for an int fact).
  Value value_at(Decimal x) const {
    if (!integral_) return x;
    const auto rounded = round(x);
    return to_int64(rounded.ok() ? rounded.value : x);
  }

  // lhs - rhs with the fact at x, when both sides are known.
  std::optional<Decimal> difference(Decimal x, const Comparison& c) {
    const Value a = evaluate(x, c.lhs);
    const Value b = evaluate(x, c.rhs);
    if (!is_known(a) || !is_known(b)) return std::nullopt;
    const auto da = as_decimal(a);
    const auto db = as_decimal(b);
    if (!da.ok() || !db.ok()) return std::nullopt;
    const auto d = subtract(da.value, db.value);
    if (!d.ok()) return std::nullopt;
    return d.value;
  }

  // Whether the comparison holds with the fact at x, when that is known.
  std::optional<bool> holds(Decimal x, const Comparison& c) {
    if (c.node == kNone) {
      const auto d = difference(x, c);
      if (!d) return std::nullopt;
      return *d == Decimal();
    }
    const Value value = evaluate(x, c.node);
    if (const auto* b = std::get_if<bool>(&value)) return *b;
    return std::nullopt;
  }

 private:
  Value evaluate(Decimal x, ExprId id) {
    std::vector<Fault> ignored;
    Evaluator evaluator(program_, slots_at(x), ignored);
    static const std::string kOwner = "probe";
    return evaluator.evaluate(id, kOwner);
  }

  const std::vector<Value>& slots_at(Decimal x) {
    auto found = trials_.find(x.raw());
    if (found != trials_.end()) return found->second;
    std::vector<Value> slots = base_;
    slots[fact_] = value_at(x);
    std::vector<Fault> ignored;
    Evaluator evaluator(program_, slots, ignored);
    for (Slot slot : readers_) slots[slot] = evaluator.evaluate(program_.values[slot].expr, program_.values[slot].name);
    return trials_.emplace(x.raw(), std::move(slots)).first->second;
  }

  const Program& program_;
  Slot fact_;
  bool integral_;
  std::vector<Value> base_;     // every value with the fact as given
  std::vector<Slot> readers_;   // the derived values that read the fact, in evaluation order
  std::map<std::int64_t, std::vector<Value>> trials_;
};

// Where lhs - rhs reaches zero as the fact changes, by the secant method from `start` (exact in
// one step when the sides are linear in the fact); nothing when the difference is unknown or
// does not change.
std::optional<Decimal> secant_root(Probe& probe, Decimal start, const Comparison& c) {
  Decimal x0 = start;
  auto d0 = probe.difference(x0, c);
  if (!d0) {  // e.g. a division by the fact at 0: start one further
    const auto next = add(x0, whole(1));
    if (!next.ok()) return std::nullopt;
    x0 = next.value;
    d0 = probe.difference(x0, c);
    if (!d0) return std::nullopt;
  }
  const auto second = add(x0, whole(1));
  if (!second.ok()) return std::nullopt;
  Decimal x1 = second.value;
  auto d1 = probe.difference(x1, c);
  if (!d1) return std::nullopt;
  for (int step = 0; step < kSecantSteps; ++step) {
    if (*d1 == Decimal()) return x1;
    if (*d1 == *d0) return step == 0 ? std::nullopt : std::optional<Decimal>(x1);
    // x2 = x1 - d1 * (x1 - x0) / (d1 - d0), multiplying first to keep the digits
    const auto run = subtract(x1, x0);
    const auto rise = subtract(*d1, *d0);
    if (!run.ok() || !rise.ok()) break;
    const auto scaled = multiply(*d1, run.value);
    if (!scaled.ok()) break;
    const auto shift = divide(scaled.value, rise.value);
    if (!shift.ok()) break;
    const auto next = subtract(x1, shift.value);
    if (!next.ok()) break;
    Decimal x2 = next.value;
    if (probe.integral()) x2 = whole(std::get<std::int64_t>(probe.value_at(x2)));
    if (x2 == x1) break;
    const auto d2 = probe.difference(x2, c);
    if (!d2) break;
    x0 = x1;
    d0 = d1;
    x1 = x2;
    d1 = d2;
  }
  return x1;
}

// The first value at which an ordering comparison gives the other answer than at `start`,
// searching upwards (then downwards) by doubling steps and then halving the gap; for step
// functions (ceil, if) and curves where the secant method stalls.
std::optional<Decimal> crossing(Probe& probe, Decimal start, const Comparison& c, std::optional<Decimal> lowest) {
  const auto at_start = probe.holds(start, c);
  if (!at_start) return std::nullopt;
  const Decimal resolution = probe.integral() ? whole(1) : Decimal::from_raw(1);
  for (const bool upwards : {true, false}) {
    Decimal inside = start;
    for (int k = 0; k < kDoublings; ++k) {
      const auto step = Decimal::from_int(std::int64_t{1} << k);
      const auto next = upwards ? add(start, step.value) : subtract(start, step.value);
      if (!next.ok() || (!upwards && lowest && next.value < *lowest)) break;
      const auto there = probe.holds(next.value, c);
      if (!there) break;
      if (*there == *at_start) {
        inside = next.value;
        continue;
      }
      Decimal outside = next.value;
      // Halve the gap between the last value with the start's answer and the first without.
      for (;;) {
        const auto gap = subtract(outside, inside);
        if (!gap.ok() || abs(gap.value).value <= resolution) return outside;
        auto middle = add(inside, divide(gap.value, whole(2)).value).value;
        if (probe.integral()) middle = whole(std::get<std::int64_t>(probe.value_at(middle)));
        if (middle == inside || middle == outside) return outside;
        const auto answer = probe.holds(middle, c);
        if (!answer) return outside;
        (*answer == *at_start ? inside : outside) = middle;
      }
    }
  }
  return std::nullopt;
}

// 10^-places of the last decimal digit of `x` (1 for a whole number).
Decimal last_digit_step(Decimal x) {
  const std::string text = x.to_string();
  const auto point = text.find('.');
  if (point == std::string::npos) return whole(1);
  std::int64_t raw = Decimal::kOne;
  for (std::size_t i = point + 1; i < text.size(); ++i) raw /= 10;
  return Decimal::from_raw(raw);
}

// True when the comparison gives both answers among the points.
bool turns_among(Probe& probe, const std::vector<Decimal>& points, const Comparison& c) {
  bool seen_true = false;
  bool seen_false = false;
  for (Decimal point : points) {
    const auto answer = probe.holds(point, c);
    if (answer) (*answer ? seen_true : seen_false) = true;
  }
  return seen_true && seen_false;
}

// The values just around a turning point: whole numbers for an int fact; for a number the point
// and its neighbours at its last digit, or, for a point with more than two decimals (most often
// found only approximately, a division rounding to 6 places), the whole numbers or else the
// hundredths around it when the comparison turns among them: 1999, 2000, 2001 rather than
// 2000.000021 and its neighbours, which may all lie on one side of the turn.
std::vector<Decimal> around(Probe& probe, Decimal at, const Comparison& c) {
  std::vector<Decimal> points;
  const auto add_point = [&](Checked<Decimal> value) {
    if (value.ok()) points.push_back(value.value);
  };
  if (probe.integral()) {
    const std::int64_t low = to_int64(floor(at));
    const std::int64_t high = to_int64(ceil(at));
    for (std::int64_t n : {low - 1, low, high, high + 1}) add_point(Decimal::from_int(n));
    return points;
  }
  const auto hundredths = round(at, 2);
  if (!hundredths.ok() || hundredths.value != at) {
    for (const int places : {0, 2}) {
      const auto near = round(at, places);
      if (!near.ok()) continue;
      const Decimal unit = places == 0 ? whole(1) : Decimal::from_raw(Decimal::kOne / 100);
      std::vector<Decimal> rounded;
      for (const auto value : {subtract(near.value, unit), near, add(near.value, unit)}) {
        if (value.ok()) rounded.push_back(value.value);
      }
      if (turns_among(probe, rounded, c)) return rounded;
    }
  }
  const Decimal step = last_digit_step(at);
  add_point(subtract(at, step));
  points.push_back(at);
  add_point(add(at, step));
  return points;
}

std::vector<Value> numeric_candidates(const Program& program, const std::vector<Value>& facts, Slot fact) {
  const ValueInfo& info = program.values[fact];
  std::vector<Comparison> comparisons;
  for (Slot slot : program.evaluation_order) collect_comparisons(program, program.values[slot].expr, fact, comparisons);
  for (const auto& rule : program.rules) collect_comparisons(program, rule.condition, fact, comparisons);
  std::sort(comparisons.begin(), comparisons.end());
  comparisons.erase(std::unique(comparisons.begin(), comparisons.end()), comparisons.end());

  Decimal start;
  if (info.min_value && compare_numbers(*info.min_value, Value{start}) > 0) start = as_decimal(*info.min_value).value;
  if (info.max_value && compare_numbers(*info.max_value, Value{start}) < 0) start = as_decimal(*info.max_value).value;
  std::optional<Decimal> lowest;
  if (info.min_value) lowest = as_decimal(*info.min_value).value;

  Probe probe(program, facts, fact);
  std::vector<Decimal> points;
  for (const auto& comparison : comparisons) {
    std::vector<Decimal> near;
    if (const auto root = secant_root(probe, start, comparison)) near = around(probe, *root, comparison);
    if (comparison.ordering && !turns_among(probe, near, comparison)) {
      near.clear();
      if (const auto turn = crossing(probe, start, comparison, lowest)) near = around(probe, *turn, comparison);
    }
    points.insert(points.end(), near.begin(), near.end());
  }
  if (info.min_value) points.push_back(as_decimal(*info.min_value).value);
  if (info.max_value) points.push_back(as_decimal(*info.max_value).value);
  if (points.empty()) points.push_back(start);

  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<Value> out;
  for (Decimal point : points) {
    Value value = probe.value_at(point);
    if (program.in_range(info, value)) out.push_back(std::move(value));
  }
  return out;
}

// The texts a text fact is compared with (`x == "a"`, `x in {"a", "b"}`), in the order written.
void collect_texts(const Program& program, ExprId id, Slot fact, std::vector<Value>& out) {
  const Expr& expr = program.exprs[id];
  const auto is_fact = [&](ExprId arg) { return program.exprs[arg].op == Op::slot && program.exprs[arg].slot == fact; };
  const auto take = [&](ExprId arg) {
    const Expr& literal = program.exprs[arg];
    if (literal.op == Op::literal && std::holds_alternative<std::string>(literal.literal)) out.push_back(literal.literal);
  };
  if ((expr.op == Op::equal || expr.op == Op::not_equal) && (is_fact(expr.args[0]) || is_fact(expr.args[1]))) {
    take(expr.args[is_fact(expr.args[0]) ? 1 : 0]);
  }
  if (expr.op == Op::member_of && is_fact(expr.args[0])) {
    for (std::size_t i = 1; i < expr.args.size(); ++i) take(expr.args[i]);
  }
  for (ExprId arg : expr.args) collect_texts(program, arg, fact, out);
}

}  // namespace

std::vector<Value> candidate_values(const Program& program, const std::vector<Value>& facts, Slot fact) {
  const ValueInfo& info = program.values[fact];
  std::vector<Value> candidates;
  switch (info.type.base) {
    case BaseType::boolean:
      candidates = {Value{false}, Value{true}};
      break;
    case BaseType::enumeration:
      for (std::uint32_t i = 0; i < program.enums[info.type.enum_id].members.size(); ++i) candidates.emplace_back(std::in_place_type<EnumMember>, EnumMember{i});
      break;
    case BaseType::integer:
    case BaseType::number:
      candidates = numeric_candidates(program, facts, fact);
      break;
    case BaseType::text: {
      for (Slot slot : program.evaluation_order) collect_texts(program, program.values[slot].expr, fact, candidates);
      for (const auto& rule : program.rules) collect_texts(program, rule.condition, fact, candidates);
      candidates.push_back(std::string());
      std::vector<Value> unique;
      for (auto& value : candidates) {
        if (std::find(unique.begin(), unique.end(), value) == unique.end()) unique.push_back(std::move(value));
      }
      candidates = std::move(unique);
      break;
    }
    default:
      break;
  }
  Value current = fact < facts.size() ? facts[fact] : Value{};
  if (!is_known(current) && info.default_value) current = *info.default_value;
  if (is_known(current)) {
    const auto same = [&](const Value& value) {
      if (is_numeric(info.type)) return compare_numbers(value, current) == 0;
      return value == current;
    };
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(), same), candidates.end());
  }
  return candidates;
}

}  // namespace forbear::detail
