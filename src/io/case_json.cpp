// parse_case(): binds a JSON object of facts to a rule set's fact slots, checking each value.

#include <cmath>

#include "check/suggest.hpp"
#include "forbear/case.hpp"
#include "model/program.hpp"

namespace forbear {
namespace {

using detail::BaseType;

// A JSON value shown in an error message, shortened when long.
std::string shown(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut) + "...";
  }
  return text;
}

std::string json_kind(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::boolean: return "a bool";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "null";
  }
}

// Converts one JSON value to the fact's type, or says why it cannot.
std::optional<Value> convert(const detail::Program& program, const detail::ValueInfo& fact, const nlohmann::json& json,
                             std::string& problem) {
  const std::string expected = program.type_name(fact.type);
  const auto mismatch = [&] {
    problem = "expected " + expected + ", got " + json_kind(json) + " " + shown(json);
    return std::nullopt;
  };
  switch (fact.type.base) {
    case BaseType::boolean:
      if (!json.is_boolean()) return mismatch();
      return Value{json.get<bool>()};
    case BaseType::integer:
      if (json.is_number_unsigned()) {
        const auto value = json.get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(INT64_MAX)) {
          problem = "expected int, got " + shown(json) + ", which is beyond the int range";
          return std::nullopt;
        }
        return Value{static_cast<std::int64_t>(value)};
      }
      if (json.is_number_integer()) return Value{json.get<std::int64_t>()};
      if (json.is_number_float()) {
        // Producers that only have doubles send 45.0 for 45: accept whole numbers in range.
        const double value = json.get<double>();
        if (std::isfinite(value) && std::floor(value) == value && value >= -9.2e18 && value <= 9.2e18) {
          return Value{static_cast<std::int64_t>(value)};
        }
        problem = "expected int, got " + shown(json) +
                  (std::isfinite(value) && std::floor(value) == value ? ", which is beyond the int range"
                                                                     : ", which is not a whole number");
        return std::nullopt;
      }
      return mismatch();
    case BaseType::number: {
      if (!json.is_number()) return mismatch();
      if (json.is_number_float() && !std::isfinite(json.get<double>())) return mismatch();
      Decimal value;
      const std::string text = json.dump();
      switch (Decimal::parse(text, value)) {
        case DecimalParseError::none: return Value{value};
        case DecimalParseError::too_precise:
          problem = "expected number with at most 6 decimal places, got " + text;
          return std::nullopt;
        default:
          problem = "expected number within about +-9.2e12, got " + text;
          return std::nullopt;
      }
    }
    case BaseType::text:
      if (!json.is_string()) return mismatch();
      return Value{json.get<std::string>()};
    case BaseType::enumeration: {
      if (!json.is_string()) return mismatch();
      const auto& members = program.enums[fact.type.enum_id].members;
      const std::string text = json.get<std::string>();
      for (std::uint32_t i = 0; i < members.size(); ++i) {
        if (members[i] == text) return Value{EnumMember{i}};
      }
      problem = "expected one of " + expected.substr(5, expected.size() - 6) + ", got " + shown(json) +
                detail::did_you_mean(text, members);
      return std::nullopt;
    }
    default:
      problem = "the fact's declaration has an error";
      return std::nullopt;
  }
}

}  // namespace

CaseResult parse_case(const RuleSet& rules, const nlohmann::json& facts) {
  const detail::Program& program = rules.program();
  CaseResult result;
  if (!facts.is_object()) {
    result.errors.push_back({"", "expected a JSON object of facts, got " + json_kind(facts)});
    return result;
  }
  std::vector<Value> values(program.fact_count);
  nlohmann::json id;
  std::vector<std::string> fact_names;
  for (detail::Slot slot = 0; slot < program.fact_count; ++slot) fact_names.push_back(program.values[slot].name);

  for (const auto& [key, json] : facts.items()) {
    if (key == detail::kCaseIdField) {
      id = json;
      continue;
    }
    const auto it = std::find(fact_names.begin(), fact_names.end(), key);
    if (it == fact_names.end()) {
      const bool derived = std::any_of(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == key; });
      result.errors.push_back({key, derived ? "'" + key + "' is derived by the rules and cannot be given in a case"
                                            : "unknown fact '" + key + "'" + detail::did_you_mean(key, fact_names)});
      continue;
    }
    if (json.is_null()) continue;  // explicitly unknown
    const auto slot = static_cast<detail::Slot>(it - fact_names.begin());
    std::string problem;
    auto value = convert(program, program.values[slot], json, problem);
    if (!value) {
      result.errors.push_back({key, problem});
      continue;
    }
    const auto& fact = program.values[slot];
    if (!program.in_range(fact, *value)) {
      result.errors.push_back({key, "expected " + program.accepted(fact) + ", got " + shown(json)});
      continue;
    }
    values[slot] = std::move(*value);
  }
  if (result.errors.empty()) result.value = Case(rules.shared_program(), std::move(values), std::move(id));
  return result;
}

}  // namespace forbear
