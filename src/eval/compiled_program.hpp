#pragma once

// The flat form of a checked Program for fast evaluation: every expression a node in one array,
// children before parents, the common shapes fused (a slot compared with a constant, an enum slot
// tested against a set of members as one bit mask). The Program stays the reference for names,
// locations and explanations; this form only computes.

#include <cstdint>
#include <memory>
#include <vector>

#include "eval/cell.hpp"
#include "forbear/advice.hpp"
#include "model/program.hpp"

namespace forbear::detail {

enum class NodeOp : std::uint8_t {
  constant,         // k
  slot,             // slots[a]
  compare_slot,     // slots[a] <cmp> k
  compare,          // node a <cmp> node b
  enum_mask_slot,   // slots[a] is an enum member whose bit is set in k.i (negated: is not)
  enum_mask,        // node a ... as above
  member_list,      // node a equals one of constants[b .. b+c) (negated: none)
  negate,           // -node a
  logical_not,
  logical_and,      // a, b
  logical_or,
  arithmetic,       // node a <arith> node b; `integer` picks the int or decimal path
  conditional,      // if a then b else c; `number` converts an int result
  known,            // node a
  call,             // min/max/abs/ceil/floor/round over operands[b .. b+c)
};

enum class CompareOp : std::uint8_t { equal, not_equal, less, less_equal, greater, greater_equal };
enum class ArithmeticOp : std::uint8_t { add, subtract, multiply, divide };

struct Node {
  NodeOp op = NodeOp::constant;
  std::uint8_t sub = 0;      // CompareOp, ArithmeticOp or the function's Op
  bool negated = false;      // member tests
  bool number = false;       // the expression is number-typed (int results become decimals)
  bool integer = false;      // the expression is int-typed (arithmetic on ints)
  std::uint32_t a = 0, b = 0, c = 0;
  ExprId expr = kNone;       // the Program expression it comes from (faults name its location)
  Cell k;
};

/// An atom as a compact test: a slot compared with a number of the same kind, an enum slot in a
/// set, a bool slot or its negation. `generic` atoms (and any slot whose value is not of the
/// expected kind) are evaluated through their node.
struct AtomTest {
  enum class Kind : std::uint8_t { generic, compare, enum_mask, bool_slot, not_bool_slot };
  Kind kind = Kind::generic;
  std::uint8_t true_orders = 0;  // compare: which orders (-1, 0, 1 as bits 0, 1, 2) make it true
  bool negated = false;          // enum_mask
  CellTag tag = CellTag::unknown;  // compare: the constant's kind
  std::uint32_t slot = 0;
  std::int64_t k = 0;            // compare: the constant; enum_mask: the mask
};

/// A rule's effects, flattened.
struct CompiledEffect {
  EffectKind kind = EffectKind::add_points;
  std::uint32_t target = 0;
  std::int64_t points = 0;  // Decimal raw
};

/// What a fact accepts, for setting it without a Value.
struct FactSpec {
  BaseType base = BaseType::invalid;
  std::uint32_t enum_id = kNone;
  Cell min;  // unknown when the fact has no lower bound
  Cell max;  // unknown when the fact has no upper bound
};

struct CompiledProgram {
  std::vector<FactSpec> facts;
  std::vector<Node> nodes;
  std::vector<std::uint32_t> operands;  // node ids of call arguments
  std::vector<Cell> constants;          // member_list elements
  std::vector<Cell> defaults;           // per fact: its default, unknown when none
  std::vector<std::uint32_t> defaulted; // facts with a default
  std::vector<Slot> order;              // derived values, each after what it reads
  std::vector<std::uint32_t> value_root;  // per slot: root node of a derived value (kNone for facts)
  std::vector<std::uint32_t> rule_root;   // per rule: root node of its condition
  // Conditions that are `and`s of simple tests (a slot compared with a constant, an enum slot in a
  // set, a bool slot or its `not`): each distinct test is an atom, computed once per evaluation
  // and shared by every rule that makes it; such a rule is decided from its atoms' truths.
  std::vector<std::uint32_t> atoms;            // node ids
  std::vector<AtomTest> atom_tests;            // per atom: the test in a compact form
  std::vector<std::uint32_t> rule_atom_begin;  // per rule + 1: its atoms in rule_atoms (none: use rule_root)
  std::vector<std::uint32_t> rule_atoms;
  std::vector<std::uint32_t> effect_begin;  // per rule + 1: its effects in `effects`
  std::vector<CompiledEffect> effects;
  std::size_t fault_capacity = 0;       // the most faults one evaluation can record
  std::uint32_t slot_count = 0;
  std::uint32_t fact_count = 0;
  std::uint32_t strategy_count = 0;
  std::uint32_t advice_count = 0;
  std::uint32_t rule_count = 0;
};

/// -1, 0 or 1 comparing two known numeric cells exactly (as compare_numbers on values).
int compare_numbers(const Cell& lhs, const Cell& rhs) noexcept;

/// Compiles a checked program (which must outlive the result: text constants point into it).
std::shared_ptr<const CompiledProgram> compile(const Program& program);

/// Why an evaluation recorded a fault: arithmetic in an expression, or points that overflowed a score.
struct FaultRecord {
  std::uint32_t owner = 0;     // slot of a derived value, or slot_count + rule index
  std::uint32_t expr = kNone;  // the faulting expression; kNone for a score overflow
  std::uint32_t strategy = 0;  // the score that overflowed
  ArithmeticError error = ArithmeticError::none;
};

/// The state of one evaluation: every buffer sized once for its program, so that evaluating
/// again allocates nothing.
struct EvaluationState {
  std::vector<Cell> inputs;    // the facts as given (unknown where not)
  std::vector<Cell> slots;     // facts with defaults, then derived values
  std::vector<std::uint8_t> status;  // per rule: RuleStatus
  std::vector<std::uint8_t> atom_truth;  // per atom: 0 false, 1 true, 2 unknown
  std::vector<Decimal> scores;
  std::vector<std::uint8_t> vetoed;
  std::vector<std::uint8_t> advised;
  std::vector<std::uint32_t> ranking;
  std::vector<FaultRecord> faults;  // capacity fault_capacity; `fault_count` of them are valid
  std::size_t fault_count = 0;
  std::vector<FaultRecord> overflows;  // scratch: the score overflows of one evaluation

  /// Sizes every buffer for `program`; all facts unknown.
  void prepare(const CompiledProgram& program);
};

/// Evaluates the rule set on state.inputs: values, rule statuses, scores, vetoes, advice, ranking
/// and faults, exactly as evaluate_outcome() does. Allocates nothing.
void run(const CompiledProgram& program, EvaluationState& state) noexcept;

/// The faults of an evaluation in the form advise() reports them.
std::vector<Fault> describe_faults(const Program& program, const CompiledProgram& compiled, const EvaluationState& state);

}  // namespace forbear::detail
