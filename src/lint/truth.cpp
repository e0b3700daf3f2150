#include "lint/truth.hpp"

#include <algorithm>

#include "lint/canonical.hpp"

namespace forbear::detail::lint {
namespace {

Truth always() { return {{Alternative{}}, true}; }

// What the analysis gives when it stops looking: possibly true, no longer exact.
Truth widened() { return {{Alternative{}}, false}; }

bool is_literal(const Program& program, ExprId id) {
  const Expr& expr = program.exprs[id];
  return expr.op == Op::literal && is_known(expr.literal);
}

// `a OP b` read as `b OP' a`.
Op flipped(Op op) {
  switch (op) {
    case Op::less: return Op::greater;
    case Op::less_equal: return Op::greater_equal;
    case Op::greater: return Op::less;
    case Op::greater_equal: return Op::less_equal;
    default: return op;
  }
}

// The comparison that is true exactly where `op` is false (both sides known).
Op complement(Op op) {
  switch (op) {
    case Op::equal: return Op::not_equal;
    case Op::not_equal: return Op::equal;
    case Op::less: return Op::greater_equal;
    case Op::less_equal: return Op::greater;
    case Op::greater: return Op::less_equal;
    default: return Op::less;  // greater_equal
  }
}

// Operators whose result is unknown as soon as one operand is: a known result means every
// operand was known.
bool strict(Op op) {
  switch (op) {
    case Op::literal:
    case Op::logical_not:
    case Op::logical_and:
    case Op::logical_or:
    case Op::conditional:
    case Op::known:
      return false;
    default:
      return true;
  }
}

// The slots that must be known for `id` to have a value (reached through strict operators only).
void strict_slots(const Program& program, ExprId id, std::vector<Slot>& out) {
  const Expr& expr = program.exprs[id];
  if (expr.op == Op::slot) {
    if (std::find(out.begin(), out.end(), expr.slot) == out.end()) out.push_back(expr.slot);
    return;
  }
  if (!strict(expr.op)) return;
  // Only the subject of a membership test is evaluated; the set holds literals.
  const std::size_t count = expr.op == Op::member_of ? 1 : expr.args.size();
  for (std::size_t i = 0; i < count; ++i) strict_slots(program, expr.args[i], out);
}

Atom never(ExprId origin, bool origin_false, NeverReason reason) {
  Atom atom;
  atom.kind = AtomKind::never;
  atom.reason = reason;
  atom.origin = origin;
  atom.origin_false = origin_false;
  return atom;
}

}  // namespace

Truth both(const Truth& a, const Truth& b) {
  if (a.alternatives.size() * b.alternatives.size() > TruthAnalysis::kMaxAlternatives) return widened();
  Truth out;
  out.exact = a.exact && b.exact;
  for (const Alternative& x : a.alternatives) {
    for (const Alternative& y : b.alternatives) {
      Alternative joined = x;
      for (const Atom& atom : y) {
        if (std::find(joined.begin(), joined.end(), atom) == joined.end()) joined.push_back(atom);
      }
      if (joined.size() > TruthAnalysis::kMaxAtoms) return widened();
      out.alternatives.push_back(std::move(joined));
    }
  }
  return out;
}

Truth either(const Truth& a, const Truth& b) {
  if (a.alternatives.size() + b.alternatives.size() > TruthAnalysis::kMaxAlternatives) return widened();
  Truth out;
  out.exact = a.exact && b.exact;
  out.alternatives = a.alternatives;
  out.alternatives.insert(out.alternatives.end(), b.alternatives.begin(), b.alternatives.end());
  return out;
}

TruthAnalysis::TruthAnalysis(const Program& program) : program_(program) {}

bool TruthAnalysis::always_unknown(ExprId id) {
  const Expr& expr = program_.exprs[id];
  switch (expr.op) {
    case Op::literal:
      return !is_known(expr.literal);
    case Op::slot: {
      const ValueInfo& value = program_.values[expr.slot];
      if (value.kind == ValueKind::fact || value.expr == kNone) return false;
      // Once per derived fact: a chain of definitions that each read the previous one twice
      // would otherwise be followed an exponential number of times.
      if (const auto it = unknown_derived_.find(expr.slot); it != unknown_derived_.end()) return it->second;
      const bool unknown = always_unknown(value.expr);
      unknown_derived_.emplace(expr.slot, unknown);
      return unknown;
    }
    case Op::known:
      return false;
    case Op::logical_and:
    case Op::logical_or:
      return always_unknown(expr.args[0]) && always_unknown(expr.args[1]);
    case Op::logical_not:
      return always_unknown(expr.args[0]);
    case Op::conditional:
      return always_unknown(expr.args[0]) || (always_unknown(expr.args[1]) && always_unknown(expr.args[2]));
    case Op::member_of:
      return always_unknown(expr.args[0]);
    default:
      for (ExprId arg : expr.args) {
        if (always_unknown(arg)) return true;
      }
      return false;
  }
}


Truth TruthAnalysis::when_true(ExprId id) { return truth(id, true, true); }

Truth TruthAnalysis::single(Atom atom, bool in_rule) const {
  if (in_rule && atom.anchor == kNone) atom.anchor = atom.origin;
  return {{Alternative{std::move(atom)}}, true};
}

Truth TruthAnalysis::truth(ExprId id, bool want, bool in_rule) {
  const Expr& expr = program_.exprs[id];
  if (always_unknown(id)) return single(never(id, !want, NeverReason::always_unknown), in_rule);
  switch (expr.op) {
    case Op::literal: {
      const auto* value = std::get_if<bool>(&expr.literal);
      if (value && *value == want) return always();
      return single(never(id, !want, NeverReason::always_false), in_rule);
    }
    case Op::slot: {
      const ValueInfo& value = program_.values[expr.slot];
      if (value.kind == ValueKind::fact) {
        Atom atom;
        atom.kind = AtomKind::compare;
        atom.slot = expr.slot;
        atom.values = {Value{want}};
        atom.origin = id;
        atom.origin_false = !want;
        return single(std::move(atom), in_rule);
      }
      Truth out = derived(expr.slot, want);
      // The derived fact being true or false means it is known; a test of known(it) elsewhere
      // in the condition can conflict with that.
      Atom is_known;
      is_known.kind = AtomKind::known;
      is_known.slot = expr.slot;
      is_known.origin = id;
      is_known.origin_false = !want;
      is_known.implied = true;
      for (Alternative& alternative : out.alternatives) {
        alternative.push_back(is_known);
        if (!in_rule) continue;
        for (Atom& atom : alternative) {
          if (atom.anchor == kNone) atom.anchor = id;
        }
      }
      return out;
    }
    case Op::logical_not:
      return truth(expr.args[0], !want, in_rule);
    case Op::logical_and:
    case Op::logical_or: {
      const Truth a = truth(expr.args[0], want, in_rule);
      const Truth b = truth(expr.args[1], want, in_rule);
      // Kleene: `and` is true when both sides are and false when either is; `or` the other way.
      return (expr.op == Op::logical_and) == want ? both(a, b) : either(a, b);
    }
    case Op::conditional: {
      const ExprId condition = expr.args[0];
      const Truth then_branch = both(truth(condition, true, in_rule), truth(expr.args[1], want, in_rule));
      const Truth else_branch = both(truth(condition, false, in_rule), truth(expr.args[2], want, in_rule));
      return either(then_branch, else_branch);
    }
    case Op::equal:
    case Op::not_equal:
    case Op::less:
    case Op::less_equal:
    case Op::greater:
    case Op::greater_equal:
      return comparison(id, want, in_rule);
    case Op::member_of:
      return membership(id, want, in_rule);
    case Op::known:
      return known(id, want, in_rule);
    default:
      return opaque(id, canonical(program_, id), !want, !want, in_rule);
  }
}

const Truth& TruthAnalysis::derived(Slot slot, bool want) {
  const auto key = std::make_pair(slot, want);
  if (const auto it = derived_.find(key); it != derived_.end()) return it->second;
  Truth computed = truth(program_.values[slot].expr, want, false);
  return derived_.emplace(key, std::move(computed)).first->second;
}

Truth TruthAnalysis::comparison(ExprId id, bool want, bool in_rule) {
  const Expr& expr = program_.exprs[id];
  const ExprId lhs = expr.args[0];
  const ExprId rhs = expr.args[1];
  const bool literal_lhs = is_literal(program_, lhs);
  const bool literal_rhs = is_literal(program_, rhs);
  if (literal_lhs != literal_rhs) {
    const ExprId side = literal_lhs ? rhs : lhs;
    const Expr& literal = program_.exprs[literal_lhs ? lhs : rhs];
    const Op op = literal_lhs ? flipped(expr.op) : expr.op;
    const Expr& tested = program_.exprs[side];
    const auto* flag = std::get_if<bool>(&literal.literal);
    const bool fact = tested.op == Op::slot && program_.values[tested.slot].kind == ValueKind::fact;
    if (flag && !fact) {
      // `c == true` is `c`, `c != true` is `not c`: see through to the bool expression.
      const bool holds_when = (op == Op::equal) == *flag;
      return truth(side, want ? holds_when : !holds_when, in_rule);
    }
    if (tested.op == Op::slot) {
      Atom atom;
      atom.kind = AtomKind::compare;
      atom.slot = tested.slot;
      atom.op = want ? op : complement(op);
      atom.values = {literal.literal};
      atom.origin = id;
      atom.origin_false = !want;
      return single(std::move(atom), in_rule);
    }
    Truth out = opaque(id, canonical(program_, id), !want, !want, in_rule);
    add_known_operands(id, id, !want, in_rule, out);
    return out;
  }
  // A relation between two computed values: `a < b` is `not (b <= a)` and `a != b` is
  // `not (a == b)` for known values, so each is one opaque test with a polarity.
  std::string key;
  bool negated = !want;
  const std::string a = canonical(program_, lhs);
  const std::string b = canonical(program_, rhs);
  switch (expr.op) {
    case Op::equal:
    case Op::not_equal:
      key = "eq(" + std::min(a, b) + "," + std::max(a, b) + ")";
      if (expr.op == Op::not_equal) negated = want;
      break;
    case Op::less_equal: key = "le(" + a + "," + b + ")"; break;
    case Op::greater_equal: key = "le(" + b + "," + a + ")"; break;
    case Op::less: key = "le(" + b + "," + a + ")"; negated = want; break;
    default: key = "le(" + a + "," + b + ")"; negated = want; break;  // greater
  }
  Truth out = opaque(id, key, negated, !want, in_rule);
  add_known_operands(id, id, !want, in_rule, out);
  return out;
}

Truth TruthAnalysis::membership(ExprId id, bool want, bool in_rule) {
  const Expr& expr = program_.exprs[id];
  const Expr& subject = program_.exprs[expr.args[0]];
  if (subject.op == Op::slot) {
    Atom atom;
    atom.kind = AtomKind::member;
    atom.slot = subject.slot;
    atom.negated = expr.negated == want;  // `in` read as false is `not in`
    for (std::size_t i = 1; i < expr.args.size(); ++i) atom.values.push_back(program_.exprs[expr.args[i]].literal);
    atom.origin = id;
    atom.origin_false = !want;
    return single(std::move(atom), in_rule);
  }
  Truth out = opaque(id, canonical(program_, id), !want, !want, in_rule);
  add_known_operands(id, id, !want, in_rule, out);
  return out;
}

Truth TruthAnalysis::known(ExprId id, bool want, bool in_rule) {
  const ExprId operand = program_.exprs[id].args[0];
  if (always_unknown(operand)) {
    if (!want) return always();
    return single(never(id, false, NeverReason::always_false), in_rule);
  }
  if (is_literal(program_, operand)) {
    if (want) return always();
    return single(never(id, true, NeverReason::always_false), in_rule);
  }
  const Expr& subject = program_.exprs[operand];
  if (subject.op == Op::slot) {
    Atom atom;
    atom.kind = AtomKind::known;
    atom.slot = subject.slot;
    atom.negated = !want;
    atom.origin = id;
    atom.origin_false = !want;
    return single(std::move(atom), in_rule);
  }
  Truth out = opaque(id, canonical(program_, id), !want, !want, in_rule);
  if (want) add_known_operands(operand, id, false, in_rule, out);
  return out;
}

Truth TruthAnalysis::opaque(ExprId id, std::string key, bool negated, bool origin_false, bool in_rule) const {
  Atom atom;
  atom.kind = AtomKind::opaque;
  atom.key = std::move(key);
  atom.negated = negated;
  atom.origin = id;
  atom.origin_false = origin_false;
  return single(std::move(atom), in_rule);
}

void TruthAnalysis::add_known_operands(ExprId id, ExprId origin, bool origin_false, bool in_rule, Truth& truth) const {
  std::vector<Slot> slots;
  strict_slots(program_, id, slots);
  for (Slot slot : slots) {
    Atom atom;
    atom.kind = AtomKind::known;
    atom.slot = slot;
    atom.origin = origin;
    atom.origin_false = origin_false;
    atom.anchor = in_rule ? origin : kNone;
    atom.implied = true;
    for (Alternative& alternative : truth.alternatives) alternative.push_back(atom);
  }
}

}  // namespace forbear::detail::lint
