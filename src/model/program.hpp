#pragma once

// The checked, compiled form of a rule set: names resolved to slots and indices, every
// expression typed. Immutable once built; shared by every evaluation.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/decimal.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"
#include "forbear/value.hpp"

namespace forbear::detail {

using ExprId = std::uint32_t;
using Slot = std::uint32_t;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

/// The case field that identifies a case; it is passed through, so no fact may take its name.
constexpr std::string_view kCaseIdField = "id";

enum class BaseType : std::uint8_t {
  boolean,
  integer,
  number,
  text,
  enumeration,
  any,      // the literal `unknown`: fits every type
  invalid,  // an expression that already has an error; suppresses follow-on errors
};

struct Type {
  BaseType base = BaseType::invalid;
  std::uint32_t enum_id = kNone;  // index into Program::enums for enumeration
  friend bool operator==(const Type&, const Type&) = default;
};

struct EnumType {
  std::vector<std::string> members;
};

enum class Op : std::uint8_t {
  literal,
  slot,
  negate,
  logical_not,
  logical_and,
  logical_or,
  add,
  subtract,
  multiply,
  divide,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  member_of,  // args[0] in args[1..]; `negated` for `not in`
  conditional,
  min,
  max,
  abs,
  ceil,
  floor,
  round,
  known,
};

struct Expr {
  Op op = Op::literal;
  Type type;
  SourceSpan span;
  Slot slot = kNone;  // Op::slot
  Value literal;      // Op::literal
  std::vector<ExprId> args;
  bool negated = false;
  std::string spelling;  // how a literal was written, for traces
};

/// A piece of a text template: literal text, or the value of a slot.
struct TemplatePiece {
  std::string text;
  Slot slot = kNone;
};

struct Template {
  std::vector<TemplatePiece> pieces;
  bool empty() const noexcept { return pieces.empty(); }
};

/// Texts in both languages; an empty one falls back to the other.
struct Label {
  Template zh;
  Template en;
};

enum class ValueKind : std::uint8_t { fact, let, output };

struct ValueInfo {
  std::string name;
  ValueKind kind = ValueKind::fact;
  Type type;
  std::optional<Value> default_value;  // facts only
  std::optional<Value> min_value;      // numeric facts declared `in LOW..HIGH`
  std::optional<Value> max_value;
  Label description;
  ExprId expr = kNone;                 // lets and outputs
  SourceSpan span;
  std::vector<Slot> depends_on;        // slots the definition reads directly
  std::vector<Slot> input_facts;       // fact slots it depends on, directly or not (sorted)
};

struct Strategy {
  std::string name;
  Label label;
  SourceSpan span;
};

struct AdviceItem {
  std::string id;
  std::string kind;
  Label text;
  SourceSpan span;
};

enum class EffectKind : std::uint8_t { add_points, exclude, advise };

struct Effect {
  EffectKind kind = EffectKind::add_points;
  std::uint32_t target = kNone;  // strategy index, or advice index for advise
  Decimal points;                // negative for `-=`
  SourceSpan span;               // its target as written (the first time, when repeated)
};

struct Rule {
  std::string name;
  ExprId condition = kNone;
  std::vector<Effect> effects;
  Label because;
  std::vector<std::string> sources;
  SourceSpan span;
  SourceSpan name_span;           // the rule's name, for diagnostics
  std::vector<Slot> input_facts;  // fact slots the condition depends on (sorted)
  std::string location;           // "file:line", computed once at load
};

struct Program {
  std::string name;
  std::string version;
  std::string sha256;
  std::vector<SourceFile> sources;
  std::vector<EnumType> enums;
  std::vector<ValueInfo> values;      // facts first (slots 0..fact_count-1), then lets and outputs
  std::uint32_t fact_count = 0;
  std::vector<Slot> evaluation_order;  // lets and outputs, each after what it reads
  std::vector<Strategy> strategies;
  std::vector<AdviceItem> advice;
  std::vector<Rule> rules;
  std::vector<Expr> exprs;
  std::vector<std::vector<std::uint32_t>> line_starts;  // per source file: offset of each line

  /// Fills line_starts from the sources (once, before location() is used).
  void index_lines();
  /// "file:line" of a span, for results and traces.
  std::string location(const SourceSpan& span) const;
  /// The type's name as written in the language ("int", "enum(a, b)").
  std::string type_name(const Type& type) const;
  /// What a fact accepts: its type and range ("int", "int >= 0", "number from 0 to 100").
  std::string accepted(const ValueInfo& fact) const;
  /// True when a known value of the fact lies within its declared range.
  bool in_range(const ValueInfo& fact, const Value& value) const;
};

/// Appends to `out` every slot that expression `id` reads, each once, in the order first read.
void collect_slots(const Program& program, ExprId id, std::vector<Slot>& out);

}  // namespace forbear::detail
