// compile(): the Program's expression trees flattened into one node array; run(): evaluates it
// with the same three-valued logic, arithmetic and fault rules as Evaluator (eval/evaluator.cpp),
// on cells instead of variants and into buffers sized in advance.

#include "eval/compiled_program.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "eval/outcome.hpp"

namespace forbear::detail {
namespace {

class Compiler {
 public:
  Compiler(const Program& program, CompiledProgram& out) : program_(program), out_(out) {}

  std::uint32_t compile(ExprId id) {
    const Expr& expr = program_.exprs[id];
    Node node;
    node.expr = id;
    node.number = expr.type.base == BaseType::number;
    node.integer = expr.type.base == BaseType::integer;
    switch (expr.op) {
      case Op::literal:
        node.op = NodeOp::constant;
        node.k = to_cell(expr.literal);
        break;
      case Op::slot:
        node.op = NodeOp::slot;
        node.a = expr.slot;
        break;
      case Op::negate:
      case Op::logical_not:
      case Op::known:
        node.op = expr.op == Op::negate ? NodeOp::negate : expr.op == Op::known ? NodeOp::known : NodeOp::logical_not;
        node.a = compile(expr.args[0]);
        break;
      case Op::logical_and:
      case Op::logical_or:
        node.op = expr.op == Op::logical_and ? NodeOp::logical_and : NodeOp::logical_or;
        node.a = compile(expr.args[0]);
        node.b = compile(expr.args[1]);
        break;
      case Op::add:
      case Op::subtract:
      case Op::multiply:
      case Op::divide:
        node.op = NodeOp::arithmetic;
        node.sub = static_cast<std::uint8_t>(static_cast<int>(expr.op) - static_cast<int>(Op::add));
        node.a = compile(expr.args[0]);
        node.b = compile(expr.args[1]);
        break;
      case Op::equal:
      case Op::not_equal:
      case Op::less:
      case Op::less_equal:
      case Op::greater:
      case Op::greater_equal: {
        node.sub = static_cast<std::uint8_t>(static_cast<int>(expr.op) - static_cast<int>(Op::equal));
        const Expr& lhs = program_.exprs[expr.args[0]];
        const Expr& rhs = program_.exprs[expr.args[1]];
        if (lhs.op == Op::slot && rhs.op == Op::literal) {
          node.op = NodeOp::compare_slot;
          node.a = lhs.slot;
          node.k = to_cell(rhs.literal);
          // A number slot against a whole constant (`amount < 5000`): the constant as a decimal,
          // so that both sides are of one kind (compare_numbers compares them so anyway).
          if (program_.values[lhs.slot].type.base == BaseType::number && node.k.tag == CellTag::integer) {
            const auto decimal = Decimal::from_int(node.k.i);
            if (decimal.ok()) node.k = Cell::of_decimal(decimal.value);
          }
        } else {
          node.op = NodeOp::compare;
          node.a = compile(expr.args[0]);
          node.b = compile(expr.args[1]);
        }
        break;
      }
      case Op::member_of: {
        node.negated = expr.negated;
        std::uint64_t mask = 0;
        bool all_enum = true;
        for (std::size_t i = 1; i < expr.args.size(); ++i) {
          const Cell element = to_cell(program_.exprs[expr.args[i]].literal);
          if (element.tag != CellTag::enumeration || element.i < 0 || element.i >= 64) {
            all_enum = false;
          } else {
            mask |= std::uint64_t{1} << element.i;
          }
        }
        const Expr& subject = program_.exprs[expr.args[0]];
        if (all_enum) {
          node.op = subject.op == Op::slot ? NodeOp::enum_mask_slot : NodeOp::enum_mask;
          node.a = subject.op == Op::slot ? subject.slot : compile(expr.args[0]);
          node.k.i = static_cast<std::int64_t>(mask);
        } else {
          node.op = NodeOp::member_list;
          node.a = compile(expr.args[0]);
          node.b = static_cast<std::uint32_t>(out_.constants.size());
          node.c = static_cast<std::uint32_t>(expr.args.size() - 1);
          for (std::size_t i = 1; i < expr.args.size(); ++i) out_.constants.push_back(to_cell(program_.exprs[expr.args[i]].literal));
        }
        break;
      }
      case Op::conditional:
        node.op = NodeOp::conditional;
        node.a = compile(expr.args[0]);
        node.b = compile(expr.args[1]);
        node.c = compile(expr.args[2]);
        break;
      case Op::min:
      case Op::max:
      case Op::abs:
      case Op::ceil:
      case Op::floor:
      case Op::round: {
        node.op = NodeOp::call;
        node.sub = static_cast<std::uint8_t>(expr.op);
        std::vector<std::uint32_t> args;
        for (ExprId arg : expr.args) args.push_back(compile(arg));
        node.b = static_cast<std::uint32_t>(out_.operands.size());
        node.c = static_cast<std::uint32_t>(args.size());
        out_.operands.insert(out_.operands.end(), args.begin(), args.end());
        break;
      }
    }
    out_.nodes.push_back(node);
    return static_cast<std::uint32_t>(out_.nodes.size() - 1);
  }

 private:
  const Program& program_;
  CompiledProgram& out_;
};

Checked<Decimal> as_decimal(const Cell& cell) noexcept {
  if (cell.tag == CellTag::number) return {cell.decimal(), ArithmeticError::none};
  return Decimal::from_int(cell.i);
}

// -1, 0 or 1 comparing two known numeric cells exactly (as compare_numbers).
}  // namespace

int compare_numbers(const Cell& lhs, const Cell& rhs) noexcept {
  if (lhs.tag == rhs.tag) return lhs.i < rhs.i ? -1 : (lhs.i > rhs.i ? 1 : 0);  // both int, or both raw decimals
  const auto da = as_decimal(lhs);
  const auto db = as_decimal(rhs);
  if (!da.ok()) return lhs.i < 0 ? -1 : 1;
  if (!db.ok()) return rhs.i < 0 ? 1 : -1;
  return da.value < db.value ? -1 : (da.value > db.value ? 1 : 0);
}

namespace {

// For each CompareOp, which orders (-1, 0, 1 as bits 0, 1, 2) make it true.
constexpr std::uint8_t kTrueOrders[] = {0b010, 0b101, 0b001, 0b011, 0b100, 0b110};

inline Cell of_order(std::uint8_t op, int order) noexcept { return Cell::of_bool(((kTrueOrders[op] >> (order + 1)) & 1U) != 0); }

inline Cell compare(std::uint8_t op, const Cell& lhs, const Cell& rhs) noexcept {
  if (lhs.tag == rhs.tag && (lhs.tag == CellTag::integer || lhs.tag == CellTag::number)) {
    return of_order(op, (lhs.i > rhs.i) - (lhs.i < rhs.i));  // the common case: same kind of number
  }
  if (lhs.tag == rhs.tag && (lhs.tag == CellTag::boolean || lhs.tag == CellTag::enumeration)) {
    return Cell::of_bool((lhs.i == rhs.i) != (static_cast<CompareOp>(op) == CompareOp::not_equal));  // only == and != apply
  }
  if (!lhs.known() || !rhs.known()) return {};
  if (!lhs.numeric() || !rhs.numeric()) {
    const bool same = same_cell(lhs, rhs);
    return Cell::of_bool(static_cast<CompareOp>(op) == CompareOp::equal ? same : !same);
  }
  return of_order(op, compare_numbers(lhs, rhs));
}

Cell of(const Checked<std::int64_t>& r) noexcept { return Cell::of_int(r.value); }
Cell of(const Checked<Decimal>& r) noexcept { return Cell::of_decimal(r.value); }

class Machine {
 public:
  Machine(const CompiledProgram& program, EvaluationState& state) noexcept
      : nodes_(program.nodes.data()), operands_(program.operands.data()), constants_(program.constants.data()),
        slots_(state.slots.data()), state_(state) {}

  Cell evaluate(std::uint32_t root, std::uint32_t owner) noexcept {
    owner_ = owner;
    return eval(root);
  }

  /// The truth of a condition: 0 false, 1 true, 2 unknown.
  int condition(std::uint32_t root, std::uint32_t owner) noexcept {
    owner_ = owner;
    return truth(root);
  }

 private:
  Cell fault(const Node& node, ArithmeticError error) noexcept {
    state_.faults[state_.fault_count++] = FaultRecord{owner_, node.expr, 0, error};
    return {};
  }

  template <typename R>
  Cell checked(const Node& node, const R& r) noexcept {
    return r.ok() ? of(r) : fault(node, r.error);
  }

  // eval() of a node read as a truth value (0 false, 1 true, 2 unknown or not a bool), without a
  // Cell for the common shapes of conditions; anything else goes through eval().
  int truth(std::uint32_t id) noexcept {
    const Node& node = nodes_[id];
    switch (node.op) {
      case NodeOp::compare_slot: {
        const Cell& lhs = slots_[node.a];
        if (lhs.tag == node.k.tag && (lhs.tag == CellTag::integer || lhs.tag == CellTag::number)) {
          return (kTrueOrders[node.sub] >> ((lhs.i > node.k.i) - (lhs.i < node.k.i) + 1)) & 1;
        }
        break;
      }
      case NodeOp::enum_mask_slot: {
        const Cell& subject = slots_[node.a];
        if (subject.tag == CellTag::enumeration && subject.i >= 0 && subject.i < 64) {
          return (((static_cast<std::uint64_t>(node.k.i) >> subject.i) & 1U) != 0) != node.negated;
        }
        break;
      }
      case NodeOp::slot: {
        const Cell& value = slots_[node.a];
        return value.tag == CellTag::boolean ? static_cast<int>(value.i != 0) : 2;
      }
      case NodeOp::logical_not: {
        const int operand = truth(node.a);
        return operand == 2 ? 2 : 1 - operand;
      }
      case NodeOp::logical_and:
      case NodeOp::logical_or: {
        // Kleene, as Evaluator: a decisive side wins over an unknown one, and the faults of a
        // side that the decisive one overrides are dropped.
        const int decisive = node.op == NodeOp::logical_or ? 1 : 0;
        const std::size_t before_lhs = state_.fault_count;
        const int lhs = truth(node.a);
        if (lhs == decisive) return decisive;
        const std::size_t before_rhs = state_.fault_count;
        const int rhs = truth(node.b);
        if (rhs == decisive) {
          if (before_rhs != before_lhs) {
            std::copy(state_.faults.begin() + static_cast<std::ptrdiff_t>(before_rhs),
                      state_.faults.begin() + static_cast<std::ptrdiff_t>(state_.fault_count),
                      state_.faults.begin() + static_cast<std::ptrdiff_t>(before_lhs));
            state_.fault_count -= before_rhs - before_lhs;
          }
          return decisive;
        }
        if (lhs != 2 && rhs != 2) return 1 - decisive;
        return 2;
      }
      default:
        break;
    }
    const Cell value = eval(id);
    return value.tag == CellTag::boolean ? static_cast<int>(value.i != 0) : 2;
  }

  Cell eval(std::uint32_t id) noexcept {
    const Node& node = nodes_[id];
    switch (node.op) {
      case NodeOp::constant:
        return node.k;
      case NodeOp::slot:
        return slots_[node.a];
      case NodeOp::compare_slot:
        return compare(node.sub, slots_[node.a], node.k);
      case NodeOp::compare: {
        const Cell lhs = eval(node.a);
        const Cell rhs = eval(node.b);
        return compare(node.sub, lhs, rhs);
      }
      case NodeOp::enum_mask_slot:
      case NodeOp::enum_mask: {
        const Cell subject = node.op == NodeOp::enum_mask_slot ? slots_[node.a] : eval(node.a);
        if (!subject.known()) return {};
        const bool found = subject.tag == CellTag::enumeration && subject.i >= 0 && subject.i < 64 &&
                           ((static_cast<std::uint64_t>(node.k.i) >> subject.i) & 1U) != 0;
        return Cell::of_bool(found != node.negated);
      }
      case NodeOp::member_list: {
        const Cell subject = eval(node.a);
        if (!subject.known()) return {};
        bool found = false;
        for (std::uint32_t i = 0; i < node.c && !found; ++i) {
          const Cell& element = constants_[node.b + i];
          found = subject.numeric() && element.numeric() ? compare_numbers(subject, element) == 0 : same_cell(subject, element);
        }
        return Cell::of_bool(found != node.negated);
      }
      case NodeOp::negate: {
        const Cell operand = eval(node.a);
        if (operand.tag == CellTag::integer) return checked(node, negate(operand.i));
        if (operand.tag == CellTag::number) return checked(node, negate(operand.decimal()));
        return {};
      }
      case NodeOp::logical_not:
      case NodeOp::logical_and:
      case NodeOp::logical_or: {
        const int value = truth(id);
        return value == 2 ? Cell{} : Cell::of_bool(value == 1);
      }
      case NodeOp::arithmetic: {
        const Cell lhs = eval(node.a);
        const Cell rhs = eval(node.b);
        if (!lhs.known() || !rhs.known()) return {};
        const auto op = static_cast<ArithmeticOp>(node.sub);
        if (node.integer) {
          switch (op) {
            case ArithmeticOp::add: return checked(node, add(lhs.i, rhs.i));
            case ArithmeticOp::subtract: return checked(node, subtract(lhs.i, rhs.i));
            default: return checked(node, multiply(lhs.i, rhs.i));
          }
        }
        const auto a = as_decimal(lhs);
        if (!a.ok()) return fault(node, a.error);
        const auto b = as_decimal(rhs);
        if (!b.ok()) return fault(node, b.error);
        switch (op) {
          case ArithmeticOp::add: return checked(node, add(a.value, b.value));
          case ArithmeticOp::subtract: return checked(node, subtract(a.value, b.value));
          case ArithmeticOp::multiply: return checked(node, multiply(a.value, b.value));
          default: return checked(node, divide(a.value, b.value));
        }
      }
      case NodeOp::conditional: {
        const Cell condition = eval(node.a);
        if (condition.tag != CellTag::boolean) return {};
        const Cell chosen = eval(condition.i != 0 ? node.b : node.c);
        if (node.number && chosen.tag == CellTag::integer) return checked(node, Decimal::from_int(chosen.i));
        return chosen;
      }
      case NodeOp::known:
        return Cell::of_bool(eval(node.a).known());
      case NodeOp::call:
        return call(node);
    }
    return {};
  }

  Cell call(const Node& node) noexcept {
    // At most the arguments of round (2); min and max take any number: they are compared as read.
    const auto op = static_cast<Op>(node.sub);
    if (op == Op::min || op == Op::max) {
      Cell best;
      for (std::uint32_t i = 0; i < node.c; ++i) {
        const Cell arg = eval(operands_[node.b + i]);
        if (!arg.known()) return {};
        if (i == 0) {
          best = arg;
          continue;
        }
        const int order = compare_numbers(arg, best);
        if (op == Op::min ? order < 0 : order > 0) best = arg;
      }
      if (node.number) {
        const auto r = as_decimal(best);
        return r.ok() ? Cell::of_decimal(r.value) : fault(node, r.error);
      }
      return best;
    }
    const Cell first = eval(operands_[node.b]);
    if (!first.known()) return {};
    Cell second;
    if (node.c == 2) {
      second = eval(operands_[node.b + 1]);
      if (!second.known()) return {};
    }
    switch (op) {
      case Op::abs:
        if (first.tag == CellTag::integer) return checked(node, abs(first.i));
        return checked(node, abs(first.decimal()));
      case Op::ceil:
      case Op::floor:
      case Op::round: {
        if (first.tag == CellTag::integer && (op != Op::round || node.c == 1)) return first;
        const auto d = as_decimal(first);
        if (!d.ok()) return fault(node, d.error);
        if (op == Op::ceil) return Cell::of_int(to_int64(ceil(d.value)));
        if (op == Op::floor) return Cell::of_int(to_int64(floor(d.value)));
        const int places = node.c == 2 ? static_cast<int>(second.i) : 0;
        const auto r = round(d.value, places);
        if (!r.ok()) return fault(node, r.error);
        if (node.c == 1) return Cell::of_int(to_int64(r.value));
        return Cell::of_decimal(r.value);
      }
      default:
        return {};
    }
  }

  const Node* nodes_;
  const std::uint32_t* operands_;
  const Cell* constants_;
  const Cell* slots_;
  EvaluationState& state_;
  std::uint32_t owner_ = 0;
};

// Collects the leaves of an `and` chain of atoms (see CompiledProgram::atoms); false when a leaf
// is something else.
bool conjunction_of_atoms(const CompiledProgram& program, std::uint32_t id, std::vector<std::uint32_t>& leaves) {
  const Node& node = program.nodes[id];
  switch (node.op) {
    case NodeOp::logical_and:
      return conjunction_of_atoms(program, node.a, leaves) && conjunction_of_atoms(program, node.b, leaves);
    case NodeOp::compare_slot:
    case NodeOp::enum_mask_slot:
    case NodeOp::slot:
      leaves.push_back(id);
      return true;
    case NodeOp::logical_not:
      if (program.nodes[node.a].op != NodeOp::slot) return false;
      leaves.push_back(id);
      return true;
    default:
      return false;
  }
}

// The kind of test an atom's node makes, which decides the loop that computes it.
enum class AtomKind : std::uint8_t { compare, enum_mask, boolean, generic };

AtomKind atom_kind(const CompiledProgram& program, std::uint32_t id) {
  const Node& node = program.nodes[id];
  switch (node.op) {
    case NodeOp::compare_slot: {
      if (node.k.tag == CellTag::integer || node.k.tag == CellTag::number) return AtomKind::compare;
      // `==` and `!=` with a bool or an enum member are the same tests as `b`, `not b`, `in {m}`.
      const bool equality = static_cast<CompareOp>(node.sub) == CompareOp::equal || static_cast<CompareOp>(node.sub) == CompareOp::not_equal;
      if (equality && node.k.tag == CellTag::boolean) return AtomKind::boolean;
      if (equality && node.k.tag == CellTag::enumeration && node.k.i >= 0 && node.k.i < 64) return AtomKind::enum_mask;
      return AtomKind::generic;
    }
    case NodeOp::enum_mask_slot: return AtomKind::enum_mask;
    case NodeOp::slot:
    case NodeOp::logical_not: return AtomKind::boolean;
    default: return AtomKind::generic;
  }
}

// The truth code of a truth (0 false, 1 true, 2 unknown).
constexpr std::uint8_t kCodeOfTruth[] = {kCodeFalse, kCodeTrue, kCodeUnknown};
// The RuleStatus of a truth code.
constexpr std::uint8_t kStatusOfCode[] = {static_cast<std::uint8_t>(RuleStatus::not_fired), static_cast<std::uint8_t>(RuleStatus::unknown),
                                          static_cast<std::uint8_t>(RuleStatus::unknown), static_cast<std::uint8_t>(RuleStatus::fired)};

// Numbers the atoms by kind and fills their compact tests; `leaf_atoms` (atoms by first use) and
// the rules' atom lists are renumbered in place.
void order_atoms(CompiledProgram& out, std::vector<std::uint32_t>& rule_atom_lists) {
  const std::vector<std::uint32_t> leaves = std::move(out.atoms);
  std::vector<std::uint32_t> renumbered(leaves.size());
  out.atoms.clear();
  // Compare atoms by slot and kind of constant (first use decides the order of the groups), so
  // that each group reads its slot once.
  std::vector<std::uint32_t> compare_first;  // indices into `leaves`
  for (std::uint32_t first = 0; first < leaves.size(); ++first) {
    if (atom_kind(out, leaves[first]) == AtomKind::compare) compare_first.push_back(first);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> group_of;  // (slot, tag) by first use
  std::vector<std::uint32_t> group_index(compare_first.size());
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> group_by_key;
  for (std::size_t i = 0; i < compare_first.size(); ++i) {
    const Node& node = out.nodes[leaves[compare_first[i]]];
    const auto key = std::make_pair(node.a, static_cast<std::uint32_t>(node.k.tag));
    const auto [found, added] = group_by_key.emplace(key, static_cast<std::uint32_t>(group_of.size()));
    if (added) group_of.push_back(key);
    group_index[i] = found->second;
  }
  std::vector<std::uint32_t> in_group_order(compare_first.size());
  for (std::size_t i = 0; i < in_group_order.size(); ++i) in_group_order[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(in_group_order.begin(), in_group_order.end(), [&](std::uint32_t x, std::uint32_t y) { return group_index[x] < group_index[y]; });
  for (std::uint32_t i : in_group_order) {
    const std::uint32_t first = compare_first[i];
    const Node& node = out.nodes[leaves[first]];
    if (out.compare_groups.empty() || std::make_pair(out.compare_groups.back().slot, out.compare_groups.back().tag) != group_of[group_index[i]]) {
      const auto atom = static_cast<std::uint32_t>(out.atoms.size());
      out.compare_groups.push_back({node.a, static_cast<std::uint32_t>(node.k.tag), atom, atom});
    }
    renumbered[first] = static_cast<std::uint32_t>(out.atoms.size());
    out.atoms.push_back(leaves[first]);
    ++out.compare_groups.back().end;
    std::uint8_t codes = 0;
    for (int order = 0; order < 3; ++order) {
      if ((kTrueOrders[node.sub] >> order) & 1U) codes |= static_cast<std::uint8_t>(kCodeTrue << (2 * order));
    }
    out.compare_k.push_back(node.k.i);
    out.compare_codes.push_back(codes);
  }
  for (AtomKind kind : {AtomKind::enum_mask, AtomKind::boolean, AtomKind::generic}) {
    for (std::size_t first = 0; first < leaves.size(); ++first) {
      const std::uint32_t id = leaves[first];
      if (atom_kind(out, id) != kind) continue;
      renumbered[first] = static_cast<std::uint32_t>(out.atoms.size());
      out.atoms.push_back(id);
      const Node& node = out.nodes[id];
      const bool unequal = node.op == NodeOp::compare_slot && static_cast<CompareOp>(node.sub) == CompareOp::not_equal;
      if (kind == AtomKind::enum_mask) {
        const bool negated = node.op == NodeOp::compare_slot ? unequal : node.negated;
        const std::uint64_t mask = node.op == NodeOp::compare_slot ? std::uint64_t{1} << node.k.i : static_cast<std::uint64_t>(node.k.i);
        out.enum_atoms.push_back({negated ? ~mask : mask, node.a, false});
      } else if (kind == AtomKind::boolean) {
        if (node.op == NodeOp::compare_slot) {
          out.bool_atoms.push_back({0, node.a, (node.k.i == 0) != unequal});
        } else {
          const bool negated = node.op == NodeOp::logical_not;
          out.bool_atoms.push_back({0, negated ? out.nodes[node.a].a : node.a, negated});
        }
      }
    }
  }
  out.true_atom = static_cast<std::uint32_t>(out.atoms.size());
  for (std::uint32_t& atom : rule_atom_lists) atom = renumbered[atom];
}

}  // namespace

std::shared_ptr<const CompiledProgram> compile(const Program& program) {
  auto out = std::make_shared<CompiledProgram>();
  out->slot_count = static_cast<std::uint32_t>(program.values.size());
  out->fact_count = program.fact_count;
  out->strategy_count = static_cast<std::uint32_t>(program.strategies.size());
  out->advice_count = static_cast<std::uint32_t>(program.advice.size());
  out->rule_count = static_cast<std::uint32_t>(program.rules.size());
  Compiler compiler(program, *out);

  for (Slot slot = 0; slot < program.fact_count; ++slot) {
    const auto& fact = program.values[slot];
    out->facts.push_back({fact.type.base, fact.type.enum_id, fact.min_value ? to_cell(*fact.min_value) : Cell{},
                          fact.max_value ? to_cell(*fact.max_value) : Cell{}});
  }
  out->defaults.resize(program.fact_count);
  for (Slot slot = 0; slot < program.fact_count; ++slot) {
    if (program.values[slot].default_value) {
      out->defaults[slot] = to_cell(*program.values[slot].default_value);
      out->defaulted.push_back(slot);
    }
  }
  out->value_root.assign(program.values.size(), kNone);
  for (Slot slot : program.evaluation_order) {
    out->order.push_back(slot);
    out->value_root[slot] = compiler.compile(program.values[slot].expr);
  }
  // Per rule, its atoms (by first use, renumbered by kind below) in rule_atom_lists.
  std::vector<std::uint32_t> rule_atom_begin{0};
  std::vector<std::uint32_t> rule_atom_lists;
  std::vector<bool> conjunction;
  std::vector<std::vector<PointEffect>> points_by_target(program.strategies.size());
  std::size_t point_count = 0;
  std::map<std::tuple<int, int, bool, std::uint32_t, int, std::int64_t, std::uint32_t>, std::uint32_t> atom_of;
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    out->rule_root.push_back(compiler.compile(rule.condition));
    std::vector<std::uint32_t> leaves;
    conjunction.push_back(conjunction_of_atoms(*out, out->rule_root.back(), leaves));
    if (conjunction.back()) {
      for (std::uint32_t leaf : leaves) {
        const Node& node = out->nodes[leaf];
        const std::uint32_t subject = node.op == NodeOp::logical_not ? out->nodes[node.a].a : node.a;
        const auto key = std::make_tuple(static_cast<int>(node.op), static_cast<int>(node.sub), node.negated, subject,
                                         static_cast<int>(node.k.tag), node.k.i, node.k.length);
        // Text constants are compared by their bytes' address: equal texts at two places stay two atoms.
        auto [found, added] = atom_of.emplace(key, static_cast<std::uint32_t>(out->atoms.size()));
        if (added) out->atoms.push_back(leaf);
        rule_atom_lists.push_back(found->second);
      }
    }
    rule_atom_begin.push_back(static_cast<std::uint32_t>(rule_atom_lists.size()));
    for (const auto& effect : rule.effects) {
      if (effect.kind == EffectKind::add_points) {
        points_by_target[effect.target].push_back({r, static_cast<std::uint32_t>(point_count++), effect.points.raw()});
      } else {
        out->flag_effects.push_back({r, effect.target, effect.kind});
      }
    }
  }
  for (std::uint32_t target = 0; target < points_by_target.size(); ++target) {
    if (points_by_target[target].empty()) continue;
    const auto begin = static_cast<std::uint32_t>(out->point_effects.size());
    out->point_effects.insert(out->point_effects.end(), points_by_target[target].begin(), points_by_target[target].end());
    out->point_groups.push_back({target, begin, static_cast<std::uint32_t>(out->point_effects.size())});
  }
  order_atoms(*out, rule_atom_lists);
  out->special_atom_begin.push_back(0);
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    std::array<std::uint32_t, 4> quad{out->true_atom, out->true_atom, out->true_atom, out->true_atom};
    const std::uint32_t count = rule_atom_begin[r + 1] - rule_atom_begin[r];
    if (conjunction[r] && count <= quad.size()) {
      std::copy_n(rule_atom_lists.begin() + rule_atom_begin[r], count, quad.begin());
    } else {
      out->special_rules.push_back(r);
      out->special_atoms.insert(out->special_atoms.end(), rule_atom_lists.begin() + rule_atom_begin[r], rule_atom_lists.begin() + rule_atom_begin[r + 1]);
      out->special_atom_begin.push_back(static_cast<std::uint32_t>(out->special_atoms.size()));
    }
    out->rule_quads.push_back(quad);
  }
  // Each node is evaluated at most once per evaluation and records at most one fault; each
  // point effect can overflow its score once.
  out->fault_capacity = out->nodes.size() + out->point_effects.size();
  out->nodes.shrink_to_fit();
  out->operands.shrink_to_fit();
  out->constants.shrink_to_fit();
  out->atoms.shrink_to_fit();
  out->compare_k.shrink_to_fit();
  out->rule_root.shrink_to_fit();
  out->rule_quads.shrink_to_fit();
  out->point_effects.shrink_to_fit();
  return out;
}

void EvaluationState::prepare(const CompiledProgram& program) {
  inputs.assign(program.fact_count, Cell{});
  slots.assign(program.slot_count, Cell{});
  status.assign(program.rule_count, 0);
  atom_truth.assign(program.atoms.size() + 1, kCodeTrue);  // the last one: the padding atom, always true
  scores.assign(program.strategy_count, Decimal());
  vetoed.assign(program.strategy_count, 0);
  advised.assign(program.advice_count, 0);
  ranking.assign(program.strategy_count, 0);
  ranking.clear();
  faults.assign(program.fault_capacity, FaultRecord{});
  overflows.assign(program.point_effects.size(), FaultRecord{});
  overflow_order.assign(program.point_effects.size(), 0);
  fault_count = 0;
}

namespace {

// The truth codes of every atom, one loop per kind. A slot holding something other than the kind
// the test expects (unknown, or a number of the other kind) is decided through the atom's node.
[[gnu::noinline]] void compute_atoms(const CompiledProgram& program, const Cell* slots, std::uint8_t* truth, Machine& machine) noexcept {
  const std::uint32_t* nodes = program.atoms.data();
  const std::int64_t* ks = program.compare_k.data();
  const std::uint8_t* codes = program.compare_codes.data();
  for (const CompareGroup& group : program.compare_groups) {
    const Cell value = slots[group.slot];
    if (static_cast<std::uint32_t>(value.tag) == group.tag) [[likely]] {
      for (std::uint32_t a = group.begin; a < group.end; ++a) {
        const int order = (value.i > ks[a]) + (value.i >= ks[a]);  // -1, 0, 1 as 0, 1, 2
        truth[a] = static_cast<std::uint8_t>((codes[a] >> (2 * order)) & 3U);
      }
    } else {
      for (std::uint32_t a = group.begin; a < group.end; ++a) truth[a] = value.known() ? kCodeOfTruth[machine.condition(nodes[a], 0)] : kCodeUnknown;
    }
  }
  auto a = static_cast<std::uint32_t>(program.compare_k.size());
  const MaskAtom* enums = program.enum_atoms.data();
  for (std::size_t i = 0, n = program.enum_atoms.size(); i < n; ++i, ++a) {
    const MaskAtom& test = enums[i];
    const Cell& value = slots[test.slot];
    if (value.tag == CellTag::enumeration && static_cast<std::uint64_t>(value.i) < 64) [[likely]] {
      truth[a] = static_cast<std::uint8_t>(((test.mask >> value.i) & 1U) * kCodeTrue);
    } else {
      truth[a] = value.known() ? kCodeOfTruth[machine.condition(nodes[a], 0)] : kCodeUnknown;
    }
  }
  const MaskAtom* bools = program.bool_atoms.data();
  for (std::size_t i = 0, n = program.bool_atoms.size(); i < n; ++i, ++a) {
    const MaskAtom& test = bools[i];
    const Cell& value = slots[test.slot];
    const bool holds = (value.i != 0) != test.negated;
    truth[a] = value.tag == CellTag::boolean ? static_cast<std::uint8_t>(holds * kCodeTrue) : kCodeUnknown;
  }
  for (const std::uint32_t end = program.true_atom; a < end; ++a) truth[a] = kCodeOfTruth[machine.condition(nodes[a], 0)];
}

}  // namespace

void run(const CompiledProgram& program, EvaluationState& state) noexcept {
  state.fault_count = 0;
  std::copy(state.inputs.begin(), state.inputs.end(), state.slots.begin());
  for (std::uint32_t slot : program.defaulted) {
    if (!state.slots[slot].known()) state.slots[slot] = program.defaults[slot];
  }
  Machine machine(program, state);
  for (Slot slot : program.order) state.slots[slot] = machine.evaluate(program.value_root[slot], slot);

  // Every rule's status: the atoms, then the rules of four atoms or fewer from their codes, then
  // the others in rule order (the only ones that can record faults, so these stay in rule order).
  std::uint8_t* truth = state.atom_truth.data();
  compute_atoms(program, state.slots.data(), truth, machine);
  std::uint8_t* status = state.status.data();
  const std::array<std::uint32_t, 4>* quads = program.rule_quads.data();
  for (std::uint32_t r = 0, n = program.rule_count; r < n; ++r) {
    const auto& quad = quads[r];
    status[r] = kStatusOfCode[truth[quad[0]] & truth[quad[1]] & truth[quad[2]] & truth[quad[3]]];
  }
  for (std::size_t s = 0; s < program.special_rules.size(); ++s) {
    const std::uint32_t r = program.special_rules[s];
    std::uint8_t code = kCodeTrue;
    const std::uint32_t first = program.special_atom_begin[s];
    const std::uint32_t end = program.special_atom_begin[s + 1];
    if (first == end) {
      code = kCodeOfTruth[machine.condition(program.rule_root[r], program.slot_count + r)];
    } else {
      for (std::uint32_t i = first; i < end; ++i) code &= truth[program.special_atoms[i]];
    }
    status[r] = kStatusOfCode[code];
  }

  // The effects of the rules that fired, each score summed in rule order. A score that would
  // overflow keeps its value (as add() leaves it); those faults are listed after every condition's
  // faults, in rule order (as evaluate_outcome lists them).
  std::fill(state.scores.begin(), state.scores.end(), Decimal());
  std::fill(state.vetoed.begin(), state.vetoed.end(), 0);
  std::fill(state.advised.begin(), state.advised.end(), 0);
  constexpr auto kFired = static_cast<std::uint8_t>(RuleStatus::fired);
  std::size_t overflows = 0;
  const PointEffect* effects = program.point_effects.data();
  for (const PointGroup& group : program.point_groups) {
    std::int64_t score = 0;
    for (std::uint32_t e = group.begin; e < group.end; ++e) {
      const PointEffect& effect = effects[e];
      const std::int64_t points = status[effect.rule] == kFired ? effect.points : 0;
      std::int64_t sum = 0;
      if (!__builtin_add_overflow(score, points, &sum)) [[likely]] {
        score = sum;
      } else {
        state.overflows[overflows] = FaultRecord{program.slot_count + effect.rule, kNone, group.target, ArithmeticError::overflow};
        state.overflow_order[overflows++] = effect.order;
      }
    }
    state.scores[group.target] = Decimal::from_raw(score);
  }
  // Back to rule order (an insertion sort: overflows are rare).
  for (std::size_t i = 1; i < overflows; ++i) {
    for (std::size_t j = i; j > 0 && state.overflow_order[j - 1] > state.overflow_order[j]; --j) {
      std::swap(state.overflow_order[j - 1], state.overflow_order[j]);
      std::swap(state.overflows[j - 1], state.overflows[j]);
    }
  }
  for (const FlagEffect& effect : program.flag_effects) {
    if (status[effect.rule] != kFired) continue;
    (effect.kind == EffectKind::exclude ? state.vetoed : state.advised)[effect.target] = 1;
  }
  for (std::size_t i = 0; i < overflows; ++i) state.faults[state.fault_count++] = state.overflows[i];
  // The ranking: the strategies not vetoed, highest score first, ties in declaration order
  // (an insertion sort: stable, in place, and the strategies are few).
  state.ranking.clear();
  for (std::uint32_t s = 0; s < program.strategy_count; ++s) {
    if (state.vetoed[s]) continue;
    std::size_t place = state.ranking.size();
    state.ranking.push_back(s);  // within the capacity reserved by prepare()
    while (place > 0 && state.scores[state.ranking[place - 1]] < state.scores[s]) {
      state.ranking[place] = state.ranking[place - 1];
      --place;
    }
    state.ranking[place] = s;
  }
}

std::vector<Fault> describe_faults(const Program& program, const CompiledProgram& compiled, const EvaluationState& state) {
  std::vector<Fault> faults;
  for (std::size_t i = 0; i < state.fault_count; ++i) {
    const FaultRecord& record = state.faults[i];
    if (record.owner >= compiled.slot_count) {
      const auto& rule = program.rules[record.owner - compiled.slot_count];
      if (record.expr == kNone) {
        faults.push_back({rule.name, "arithmetic overflow adding points to '" + program.strategies[record.strategy].name + "'", rule.location});
        continue;
      }
      faults.push_back({rule.name, "", program.location(program.exprs[record.expr].span)});
    } else {
      faults.push_back({program.values[record.owner].name, "", program.location(program.exprs[record.expr].span)});
    }
    faults.back().message = record.error == ArithmeticError::division_by_zero ? "division by zero" : "arithmetic overflow";
  }
  return faults;
}

}  // namespace forbear::detail
