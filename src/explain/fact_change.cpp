#include "explain/fact_change.hpp"

#include <optional>

#include "forbear/explain.hpp"

namespace forbear {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// The JSON value `text` is, when it is one (never throws).
std::optional<nlohmann::json> as_json(const std::string& text) {
  try {
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded()) return std::nullopt;
    return parsed;
  } catch (const nlohmann::json::exception&) {  // e.g. a number beyond a double
    return std::nullopt;
  }
}

}  // namespace

std::optional<FactChange> parse_fact_change(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) return std::nullopt;
  const std::string_view name = trimmed(text.substr(0, equals));
  if (name.empty()) return std::nullopt;
  return FactChange{std::string(name), std::string(trimmed(text.substr(equals + 1)))};
}

namespace detail {

nlohmann::json change_to_json(const ValueInfo* fact, const std::string& text) {
  if (text == "unknown") return nullptr;
  if (!fact) return text;
  switch (fact->type.base) {
    case BaseType::boolean:
      if (text == "true") return true;
      if (text == "false") return false;
      return text;
    case BaseType::integer:
    case BaseType::number: {
      const auto parsed = as_json(text);
      return parsed && parsed->is_number() ? *parsed : nlohmann::json(text);
    }
    case BaseType::text:
    case BaseType::enumeration: {
      if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        const auto parsed = as_json(text);
        if (parsed && parsed->is_string()) return *parsed;
      }
      return text;
    }
    default:
      return text;
  }
}

}  // namespace detail
}  // namespace forbear
