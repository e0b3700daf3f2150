#pragma once

#include "forbear/decimal.hpp"
#include "forbear/value.hpp"

namespace forbear::detail {

/// A known numeric value (int or number) as a decimal; an int beyond the decimal range overflows.
Checked<Decimal> as_decimal(const Value& value);

/// -1, 0 or 1 comparing two known numeric values (int or number) exactly.
int compare_numbers(const Value& lhs, const Value& rhs);

}  // namespace forbear::detail
