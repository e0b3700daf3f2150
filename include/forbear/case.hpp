#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/limits.hpp"
#include "forbear/ruleset.hpp"
#include "forbear/value.hpp"

namespace forbear {

namespace detail {
struct CaseAccess;  // builds a case from values already checked against the facts (rule tests)
}

/// One problem in a case's facts: which field, and what was expected and given.
struct CaseError {
  std::string field;      ///< the JSON key, or "" for the case as a whole
  std::string message;    ///< e.g. "expected int, got \"abc\""
  std::uint32_t line = 0;    ///< for invalid JSON text: the line of the error (1-based), else 0
  std::uint32_t column = 0;  ///< for invalid JSON text: the column of the error (in code points), else 0
};

/// A case's facts, checked against a rule set's declarations and bound to it: it can only be
/// evaluated against that rule set (or a copy of it). A fact left out (or given as null) is
/// unknown unless it has a default.
class Case {
 public:
  /// One value per declared fact, in declaration order (unknown where not supplied).
  const std::vector<Value>& facts() const noexcept { return facts_; }
  /// The case's "id" field, passed through untouched (null when absent).
  const nlohmann::json& id() const noexcept { return id_; }
  /// True when the case was read against `rules` (or a copy of it). A rule set loaded again,
  /// even from the same files, is another rule set: read the case again against it.
  bool bound_to(const RuleSet& rules) const noexcept { return program_ == rules.shared_program(); }

 private:
  friend struct CaseResult parse_case(const RuleSet& rules, const nlohmann::json& facts, const Limits& limits);
  friend struct CaseResult parse_case_json(const RuleSet& rules, std::string_view json_text, const Limits& limits);
  friend struct detail::CaseAccess;
  Case(std::shared_ptr<const detail::Program> program, std::vector<Value> facts, nlohmann::json id)
      : program_(std::move(program)), facts_(std::move(facts)), id_(std::move(id)) {}

  // Shared, not a raw pointer: a freed program's address could be reused by another one.
  std::shared_ptr<const detail::Program> program_;
  std::vector<Value> facts_;
  nlohmann::json id_;
};

/// The outcome of reading a case: the case, or every error found in it.
struct CaseResult {
  std::optional<Case> value;
  std::vector<CaseError> errors;
  bool ok() const noexcept { return value.has_value(); }
};

/// Checks a JSON object of facts against the rule set: every key must be a declared fact (or
/// "id"), every value of the fact's type. Reports all errors, not just the first. Strings longer
/// and values nested deeper than `limits` allow are errors too. A number is taken as the JSON value
/// holds it: a double keeps about 15 significant digits (parse_case_json reads the text exactly).
CaseResult parse_case(const RuleSet& rules, const nlohmann::json& facts, const Limits& limits = Limits{});

/// Parses case JSON text and checks it as parse_case does. Beyond that: numbers are read exactly as
/// written (no rounding through a double), a key given twice in one object is an error (not the
/// last one silently winning), and so are an empty text, NaN or Infinity, text after the object,
/// and a text longer than `limits.max_case_bytes`. Invalid JSON is reported with its line and column.
CaseResult parse_case_json(const RuleSet& rules, std::string_view json_text, const Limits& limits = Limits{});

}  // namespace forbear
