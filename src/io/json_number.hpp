#pragma once

#include <nlohmann/json.hpp>

#include "forbear/decimal.hpp"

namespace forbear::detail {

/// A decimal as a JSON number: an integer when integral, else the double whose shortest text is
/// the decimal's own (exact for up to 15 significant digits).
template <typename Json = nlohmann::json>
Json decimal_to_json(Decimal value) {
  if (value.is_integer()) return to_int64(value);
  return std::stod(value.to_string());
}

}  // namespace forbear::detail
