#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "check/text_reader.hpp"
#include "dsl/parse_tree.hpp"
#include "forbear/diagnostic.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Types the expressions of a rule set and appends them, checked, to Program::exprs. An
/// expression with an error is still appended, typed invalid, so that the expressions around it
/// report nothing further.
class ExpressionChecker {
 public:
  /// Names resolve through `slot_by_name` to the values already in `program`; string literals are
  /// read with `text`. Every problem is appended to `diagnostics`.
  ExpressionChecker(Program& program, const std::vector<dsl::pt::File>& trees, std::vector<Diagnostic>& diagnostics,
                    const std::unordered_map<std::string, Slot>& slot_by_name, TextReader& text)
      : program_(program), trees_(trees), diagnostics_(diagnostics), slot_by_name_(slot_by_name), text_(text) {}

  /// Checks node `node` of file `file` and returns its expression. `context` is the enum type the
  /// node is compared with, if any: a bare name or string is then read as one of its members.
  ExprId check(std::uint32_t file, dsl::pt::NodeId node, std::optional<Type> context);

  /// The value of expression `id` when it is a literal, else nothing.
  std::optional<Value> constant_value(ExprId id) const;

  /// True when a value of type `from` fits where `to` is expected; an invalid type fits anything
  /// so that an error is reported once.
  bool assignable(const Type& to, const Type& from) const;

 private:
  /// True for int and number.
  static bool is_numeric(const Type& t);

  /// Appends an error at `where`.
  void error(SourceSpan where, std::string message);

  /// Appends `expr` to Program::exprs and returns its id.
  ExprId add(Expr expr);

  /// Where `node` is, in the file being checked.
  SourceSpan node_span(const dsl::pt::Node& node) const;

  /// Appends an invalid expression spanning `node`, after its error has been reported.
  ExprId invalid(const dsl::pt::Node& node);

  /// True when the node could be an enum member written bare or as a string.
  bool could_be_member(const dsl::pt::Node& node) const;

  /// Checks node `id` of the file being checked; `context` as for check().
  ExprId check_expr(dsl::pt::NodeId id, std::optional<Type> context);

  /// The literal for member `text` of enum `type`, reported when there is no such member.
  ExprId enum_member(const dsl::pt::Node& node, const std::string& text, const Type& type);

  /// True when expression `id` is bool or unknown; otherwise reports that `what` needs a bool.
  bool expect_bool(ExprId id, const std::string& what);

  /// Checks both operands of a comparison; a bare name or string on one side is read as a member
  /// when the other side is an enum.
  std::pair<ExprId, ExprId> check_pair(const dsl::pt::Node& node);

  /// The type of expression `id` when it is an enum, as context for the other side.
  std::optional<Type> enum_context(ExprId id) const;

  /// Checks 'and', 'or', arithmetic and comparisons.
  ExprId check_binary(const dsl::pt::Node& node);

  /// Checks `x in {a, b}` and `x not in {a, b}`.
  ExprId check_membership(const dsl::pt::Node& node);

  /// Checks `if c then a else b`; `context` applies to both branches.
  ExprId check_conditional(const dsl::pt::Node& node, std::optional<Type> context);

  /// Checks a call to one of the built-in functions.
  ExprId check_call(const dsl::pt::Node& node);

  /// Receives the checked expressions.
  Program& program_;
  /// The parse of each source file.
  const std::vector<dsl::pt::File>& trees_;
  /// Receives every problem found.
  std::vector<Diagnostic>& diagnostics_;
  /// The values a bare name can mean, and their slots.
  const std::unordered_map<std::string, Slot>& slot_by_name_;
  /// Reads string literals and offers value names for "did you mean".
  TextReader& text_;
  /// The file whose nodes are being checked.
  std::uint32_t current_file_ = 0;
};

}  // namespace forbear::detail
