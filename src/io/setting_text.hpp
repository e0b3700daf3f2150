#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace forbear::detail {

/// A JSON value as people read it next to a fact's name: texts and enum values bare (an empty
/// text as ""), everything else as JSON (`true`, `45`, `null`).
inline std::string value_text(const nlohmann::json& value) {
  if (value.is_string() && !value.get<std::string>().empty()) return value.get<std::string>();
  return value.dump();
}

/// "fact = value", as a what-if would set it.
inline std::string setting_text(const std::string& fact, const nlohmann::json& value) {
  return fact + " = " + value_text(value);
}

}  // namespace forbear::detail
