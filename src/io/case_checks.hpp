#pragma once

// The checks parse_case applies to one value, shared with the fast path (Context::assign), so that
// both accept exactly the same cases.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forbear/limits.hpp"

namespace forbear::detail {

/// Why a JSON number written as `text` is not a whole number in the int range, or nothing when it
/// is (then `out` holds it). Reads the text exactly.
std::optional<std::string> whole_number(std::string_view text, std::int64_t& out);

/// True when a value of the case object (at nesting level 2) is within `limits`: depth, string
/// lengths, UTF-8. Allocates only for arrays and objects.
bool case_value_within_limits(const nlohmann::json& value, const Limits& limits);

/// Why a text fact's value cannot be taken (control characters), or nothing.
std::optional<std::string> text_fact_problem(std::string_view text);

}  // namespace forbear::detail
