#pragma once

// The tree the X3 grammar builds: declarations as plain structs, expressions as nodes in one
// arena addressed by index. It records what was written and where (byte offsets); names are
// resolved and types checked later, in check/.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace forbear::dsl::pt {

using NodeId = std::uint32_t;

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// An identifier (possibly dotted, for advice ids) or a keyword-like word.
struct Name {
  std::string text;
  Span span;
};

/// A string literal: `raw` is the text between the quotes, escapes not yet processed.
struct Text {
  std::string raw;
  Span span;  ///< includes the quotes
};

/// One `lang: "text"` part of a label; a lone string has an empty lang.
struct LangText {
  Name lang;
  Text text;
};

using Label = std::vector<LangText>;

enum class NodeKind : std::uint8_t {
  number,       // text = literal digits
  string,       // text = raw literal
  boolean,      // text = "true" / "false"
  unknown,      // the literal `unknown`
  name,         // text = identifier
  negate,       // children[0]
  logical_not,  // children[0]
  binary,       // text = operator, children[0..1]
  call,         // text = function name, children = arguments
  conditional,  // children = condition, then, else
  membership,   // children[0] = subject, children[1..] = set elements; negated for `not in`
};

struct Node {
  NodeKind kind = NodeKind::number;
  std::string text;
  Span span;
  std::vector<NodeId> children;
  bool negated = false;
};

struct TypeSpec {
  Name kind;                 ///< bool, int, number, text or enum
  std::vector<Name> values;  ///< enum members
};

struct RulesetDecl {
  Name name;
  Text version;
  Span span;
};

struct IncludeDecl {
  Text path;
  Span span;
};

/// `in LOW..HIGH` after a numeric fact's type; either bound may be left out.
struct RangeSpec {
  std::optional<NodeId> low;
  std::optional<NodeId> high;
  Span span;
};

struct FactDecl {
  Name name;
  TypeSpec type;
  std::optional<RangeSpec> range;
  std::optional<NodeId> default_value;
  Label description;
  Span span;
};

/// `let` (published = false) or `output` (published = true).
struct ValueDecl {
  Name name;
  NodeId value = 0;
  bool published = false;
  Label description;
  Span span;
};

struct StrategyDecl {
  Name name;
  Label label;
  Span span;
};

struct AdviceDecl {
  Name id;
  Label label;
  Span span;
};

enum class EffectKind : std::uint8_t { add, subtract, exclude, advise };

struct Effect {
  EffectKind kind = EffectKind::add;
  Name target;
  Name points;  ///< the number literal, for add and subtract
  Span span;
};

struct RuleDecl {
  Name name;
  NodeId condition = 0;
  std::vector<Effect> effects;
  Label because;
  std::vector<Text> sources;
  Span span;
};

/// Everything one file declares, each kind in source order.
struct File {
  std::vector<Node> nodes;
  std::vector<RulesetDecl> rulesets;
  std::vector<IncludeDecl> includes;
  std::vector<FactDecl> facts;
  std::vector<ValueDecl> values;
  std::vector<StrategyDecl> strategies;
  std::vector<AdviceDecl> advice;
  std::vector<RuleDecl> rules;
};

}  // namespace forbear::dsl::pt
