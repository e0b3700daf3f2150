#pragma once

#include <charconv>
#include <string>

#include <nlohmann/json.hpp>

#include "forbear/decimal.hpp"

namespace forbear::detail {

/// A decimal as a JSON number: an integer when integral, else the double whose shortest text is
/// the decimal's own (exact for up to 15 significant digits).
template <typename Json = nlohmann::json>
Json decimal_to_json(Decimal value) {
  if (value.is_integer()) return to_int64(value);
  // from_chars, unlike stod, ignores the host's locale (a German locale reads "0.25" as 0).
  const std::string text = value.to_string();
  double number = 0;
  std::from_chars(text.data(), text.data() + text.size(), number);
  return number;
}

}  // namespace forbear::detail
