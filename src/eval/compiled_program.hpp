#pragma once

// The flat form of a checked Program for fast evaluation: every expression a node in one array,
// children before parents, the common shapes fused (a slot compared with a constant, an enum slot
// tested against a set of members as one bit mask). The Program stays the reference for names,
// locations and explanations; this form only computes.

#include <array>
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

/// The truth of an atom or of an `and` of atoms, coded so that Kleene's `and` is a bitwise and:
/// false 0, unknown 1, true 3.
inline constexpr std::uint8_t kCodeFalse = 0;
inline constexpr std::uint8_t kCodeUnknown = 1;
inline constexpr std::uint8_t kCodeTrue = 3;

/// Atoms comparing one number slot with constants of one kind (int with int, decimal with
/// decimal): the atoms begin .. end, their constants in compare_k and truth codes in compare_codes.
/// A slot holding anything else decides them through their nodes.
struct CompareGroup {
  std::uint32_t slot = 0;
  std::uint32_t tag = 0;  // the constants' CellTag
  std::uint32_t begin = 0, end = 0;
};

/// An atom testing an enum slot against a set of members (the mask already negated for `not in`),
/// or (`mask` unused) a bool slot or its `not`.
struct MaskAtom {
  std::uint64_t mask = 0;
  std::uint32_t slot = 0;
  bool negated = false;  // bool atoms: `not slot`
};

/// A rule's `add_points` effect, with its rule and its place among all of them in rule order.
struct PointEffect {
  std::uint32_t rule = 0;
  std::uint32_t order = 0;
  std::int64_t points = 0;  // Decimal raw
};

/// The `add_points` effects on one strategy (point_effects begin .. end, in rule order).
struct PointGroup {
  std::uint32_t target = 0;
  std::uint32_t begin = 0, end = 0;
};

/// A rule's `exclude` or `advise` effect, with its rule.
struct FlagEffect {
  std::uint32_t rule = 0;
  std::uint32_t target = 0;
  EffectKind kind = EffectKind::exclude;
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
  // and shared by every rule that makes it; such a rule is decided from its atoms' truth codes.
  // The atoms are numbered by kind (compare, enum, bool, then generic: any other constant, such as
  // a text), each kind computed by its own loop; one more atom, always true, pads the rules.
  std::vector<std::uint32_t> atoms;            // per atom: its node id
  std::vector<CompareGroup> compare_groups;    // the first atoms, by slot
  std::vector<std::int64_t> compare_k;         // per compare atom: the constant
  std::vector<std::uint8_t> compare_codes;     // per compare atom: truth code of order -1, 0, 1 in bits 0-1, 2-3, 4-5
  std::vector<MaskAtom> enum_atoms;            // the next ones
  std::vector<MaskAtom> bool_atoms;            // the next ones; the rest are generic
  std::uint32_t true_atom = 0;                 // the padding atom: atoms.size()
  // Per rule: up to four atoms whose codes and-ed decide it (padded with true_atom). A rule with
  // more atoms or another condition is `special`: decided after, in rule order, from its atoms in
  // special_atoms or (none) from its condition's node.
  std::vector<std::array<std::uint32_t, 4>> rule_quads;
  std::vector<std::uint32_t> special_rules;
  std::vector<std::uint32_t> special_atom_begin;  // per special rule + 1
  std::vector<std::uint32_t> special_atoms;
  std::vector<PointEffect> point_effects;  // by strategy, then in rule order (each rule's as written)
  std::vector<PointGroup> point_groups;    // per strategy that rules give points
  std::vector<FlagEffect> flag_effects;
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
  std::vector<std::uint8_t> atom_truth;  // per atom + the true atom: its truth code
  std::vector<Decimal> scores;
  std::vector<std::uint8_t> vetoed;
  std::vector<std::uint8_t> advised;
  std::vector<std::uint32_t> ranking;
  std::vector<FaultRecord> faults;  // capacity fault_capacity; `fault_count` of them are valid
  std::size_t fault_count = 0;
  std::vector<FaultRecord> overflows;  // scratch: the score overflows of one evaluation
  std::vector<std::uint32_t> overflow_order;  // scratch: per overflow, its effect's PointEffect::order

  /// Sizes every buffer for `program`; all facts unknown.
  void prepare(const CompiledProgram& program);
};

/// Evaluates the rule set on state.inputs: values, rule statuses, scores, vetoes, advice, ranking
/// and faults, exactly as evaluate_outcome() does. Allocates nothing.
void run(const CompiledProgram& program, EvaluationState& state) noexcept;

/// The faults of an evaluation in the form advise() reports them.
std::vector<Fault> describe_faults(const Program& program, const CompiledProgram& compiled, const EvaluationState& state);

}  // namespace forbear::detail
