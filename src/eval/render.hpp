#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/ruleset.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// A value as the trace shows it: `45`, `0.3`, `"text"`, `illness`, `true`, `unknown`.
std::string render_value(const Program& program, const Value& value, const Type& type);

/// A value as JSON: numbers exact (integral decimals as integers), enums by member name, null when unknown.
nlohmann::json value_to_json(const Program& program, const Value& value, const Type& type);

/// An expression as written, each name followed by the value it had: `days_overdue (45) <= 30`.
std::string render_expr(const Program& program, ExprId id, const std::vector<Value>& slots);

/// Receives an expression's rendering in order: the runs of constant text and, between them, the
/// place of each name's value (which render_expr writes with render_value of `type`).
class ExprTextParts {
 public:
  virtual ~ExprTextParts() = default;
  /// A run of text that is the same in every evaluation.
  virtual void text(std::string_view constant) = 0;
  /// The value of `slot`, rendered as render_value(program, value, type).
  virtual void value(Slot slot, const Type& type) = 0;
};

/// render_expr taken apart: hands `parts` what render_expr would write, the values as places.
void render_expr_parts(const Program& program, ExprId id, ExprTextParts& parts);

/// A text template with values filled in; an unknown value shows as `?`.
std::string render_template(const Program& program, const Template& text, const std::vector<Value>& slots);

/// A label in both languages, each falling back to the other when absent.
LocalizedText render_label(const Program& program, const Label& label, const std::vector<Value>& slots);

}  // namespace forbear::detail
