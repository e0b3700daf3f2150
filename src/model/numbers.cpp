#include "model/numbers.hpp"

namespace forbear::detail {

Checked<Decimal> as_decimal(const Value& value) {
  if (const auto* d = std::get_if<Decimal>(&value)) return {*d, ArithmeticError::none};
  return Decimal::from_int(std::get<std::int64_t>(value));
}

int compare_numbers(const Value& lhs, const Value& rhs) {
  const auto* a = std::get_if<std::int64_t>(&lhs);
  const auto* b = std::get_if<std::int64_t>(&rhs);
  if (a && b) return *a < *b ? -1 : (*a > *b ? 1 : 0);
  // Compare int with decimal without overflow: an int outside the decimal range is beyond any decimal.
  const auto da = as_decimal(lhs);
  const auto db = as_decimal(rhs);
  if (!da.ok()) return *a < 0 ? -1 : 1;
  if (!db.ok()) return *b < 0 ? 1 : -1;
  return da.value < db.value ? -1 : (da.value > db.value ? 1 : 0);
}

}  // namespace forbear::detail
