#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/program.hpp"

namespace forbear::detail {

/// A what-if value as written on a command line, turned into the case JSON value it stands for
/// by the type of the fact it is for (`fact` may be null when the name is not a fact): `unknown`
/// is null; for a bool `true`/`false`, for an int or number a JSON number, for a text or enum a
/// JSON string (with or without its quotes). Anything else stays a string, so that parse_case
/// rejects it with the message it gives for case JSON.
nlohmann::json change_to_json(const ValueInfo* fact, const std::string& text);

}  // namespace forbear::detail
