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

AtomTest atom_test(const CompiledProgram& program, std::uint32_t id) {
  const Node& node = program.nodes[id];
  AtomTest test;
  switch (node.op) {
    case NodeOp::compare_slot:
      if (node.k.tag == CellTag::integer || node.k.tag == CellTag::number) {
        test.kind = AtomTest::Kind::compare;
        test.true_orders = kTrueOrders[node.sub];
        test.tag = node.k.tag;
        test.slot = node.a;
        test.k = node.k.i;
      }
      break;
    case NodeOp::enum_mask_slot:
      test.kind = AtomTest::Kind::enum_mask;
      test.negated = node.negated;
      test.slot = node.a;
      test.k = node.k.i;
      break;
    case NodeOp::slot:
      test.kind = AtomTest::Kind::bool_slot;
      test.slot = node.a;
      break;
    case NodeOp::logical_not:
      test.kind = AtomTest::Kind::not_bool_slot;
      test.slot = program.nodes[node.a].a;
      break;
    default:
      break;
  }
  return test;
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
  out->effect_begin.push_back(0);
  out->rule_atom_begin.push_back(0);
  std::size_t add_points = 0;
  std::map<std::tuple<int, int, bool, std::uint32_t, int, std::int64_t, std::uint32_t>, std::uint32_t> atom_of;
  for (const auto& rule : program.rules) {
    out->rule_root.push_back(compiler.compile(rule.condition));
    std::vector<std::uint32_t> leaves;
    if (conjunction_of_atoms(*out, out->rule_root.back(), leaves)) {
      for (std::uint32_t leaf : leaves) {
        const Node& node = out->nodes[leaf];
        const std::uint32_t subject = node.op == NodeOp::logical_not ? out->nodes[node.a].a : node.a;
        const auto key = std::make_tuple(static_cast<int>(node.op), static_cast<int>(node.sub), node.negated, subject,
                                         static_cast<int>(node.k.tag), node.k.i, node.k.length);
        // Text constants are compared by their bytes' address: equal texts at two places stay two atoms.
        auto [found, added] = atom_of.emplace(key, static_cast<std::uint32_t>(out->atoms.size()));
        if (added) {
          out->atoms.push_back(leaf);
          out->atom_tests.push_back(atom_test(*out, leaf));
        }
        out->rule_atoms.push_back(found->second);
      }
    }
    out->rule_atom_begin.push_back(static_cast<std::uint32_t>(out->rule_atoms.size()));
    for (const auto& effect : rule.effects) {
      out->effects.push_back({effect.kind, effect.target, effect.points.raw()});
      if (effect.kind == EffectKind::add_points) ++add_points;
    }
    out->effect_begin.push_back(static_cast<std::uint32_t>(out->effects.size()));
  }
  // Each node is evaluated at most once per evaluation and records at most one fault; each
  // point effect can overflow its score once.
  out->fault_capacity = out->nodes.size() + add_points;
  out->nodes.shrink_to_fit();
  out->operands.shrink_to_fit();
  out->constants.shrink_to_fit();
  out->effects.shrink_to_fit();
  return out;
}

void EvaluationState::prepare(const CompiledProgram& program) {
  inputs.assign(program.fact_count, Cell{});
  slots.assign(program.slot_count, Cell{});
  status.assign(program.rule_count, 0);
  atom_truth.assign(program.atoms.size(), 0);
  scores.assign(program.strategy_count, Decimal());
  vetoed.assign(program.strategy_count, 0);
  advised.assign(program.advice_count, 0);
  ranking.assign(program.strategy_count, 0);
  ranking.clear();
  faults.assign(program.fault_capacity, FaultRecord{});
  overflows.assign(program.effects.size(), FaultRecord{});
  fault_count = 0;
}

void run(const CompiledProgram& program, EvaluationState& state) noexcept {
  state.fault_count = 0;
  std::copy(state.inputs.begin(), state.inputs.end(), state.slots.begin());
  for (std::uint32_t slot : program.defaulted) {
    if (!state.slots[slot].known()) state.slots[slot] = program.defaults[slot];
  }
  Machine machine(program, state);
  for (Slot slot : program.order) state.slots[slot] = machine.evaluate(program.value_root[slot], slot);

  std::fill(state.scores.begin(), state.scores.end(), Decimal());
  std::fill(state.vetoed.begin(), state.vetoed.end(), 0);
  std::fill(state.advised.begin(), state.advised.end(), 0);
  // Each rule's points and vetoes as soon as its condition is known. Faults of points that overflow
  // a score are listed after every condition's faults (as evaluate_outcome lists them).
  std::size_t overflows = 0;
  const Cell* slots = state.slots.data();
  for (std::size_t a = 0; a < program.atoms.size(); ++a) {
    const AtomTest& test = program.atom_tests[a];
    const Cell& value = slots[test.slot];
    int truth = -1;
    switch (test.kind) {
      case AtomTest::Kind::compare:
        if (value.tag == test.tag) truth = (test.true_orders >> ((value.i > test.k) - (value.i < test.k) + 1)) & 1;
        break;
      case AtomTest::Kind::enum_mask:
        if (value.tag == CellTag::enumeration && value.i >= 0 && value.i < 64) {
          truth = (((static_cast<std::uint64_t>(test.k) >> value.i) & 1U) != 0) != test.negated;
        }
        break;
      case AtomTest::Kind::bool_slot:
        truth = value.tag == CellTag::boolean ? static_cast<int>(value.i != 0) : 2;
        break;
      case AtomTest::Kind::not_bool_slot:
        truth = value.tag == CellTag::boolean ? static_cast<int>(value.i == 0) : 2;
        break;
      case AtomTest::Kind::generic:
        break;
    }
    if (truth < 0) truth = machine.condition(program.atoms[a], 0);  // unknown values, mixed kinds, texts
    state.atom_truth[a] = static_cast<std::uint8_t>(truth);
  }
  for (std::uint32_t r = 0; r < program.rule_count; ++r) {
    int truth = 1;
    const std::uint32_t first_atom = program.rule_atom_begin[r];
    const std::uint32_t end_atom = program.rule_atom_begin[r + 1];
    if (first_atom == end_atom) {
      truth = machine.condition(program.rule_root[r], program.slot_count + r);
    } else {
      // Kleene `and`: false when one is false, else unknown when one is unknown.
      for (std::uint32_t i = first_atom; i < end_atom && truth != 0; ++i) {
        const int atom = state.atom_truth[program.rule_atoms[i]];
        truth = atom == 0 ? 0 : (atom == 2 ? 2 : truth);
      }
    }
    const RuleStatus status = truth == 2 ? RuleStatus::unknown : truth == 1 ? RuleStatus::fired : RuleStatus::not_fired;
    state.status[r] = static_cast<std::uint8_t>(status);
    if (status != RuleStatus::fired) continue;
    for (std::uint32_t e = program.effect_begin[r]; e < program.effect_begin[r + 1]; ++e) {
      const CompiledEffect& effect = program.effects[e];
      switch (effect.kind) {
        case EffectKind::add_points: {
          const auto sum = add(state.scores[effect.target], Decimal::from_raw(effect.points));
          if (sum.ok()) {
            state.scores[effect.target] = sum.value;
          } else {
            state.overflows[overflows++] = FaultRecord{program.slot_count + r, kNone, effect.target, ArithmeticError::overflow};
          }
          break;
        }
        case EffectKind::exclude: state.vetoed[effect.target] = 1; break;
        case EffectKind::advise: state.advised[effect.target] = 1; break;
      }
    }
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
