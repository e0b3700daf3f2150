#pragma once

// A host's double read as a decimal without writing its text. parse_case reads a double from the
// text nlohmann::json writes for it (Grisu2): 0.1 is 0.1 and 1e-06 is 0.000001, but Grisu2 is not
// always shortest (-569523.103787 comes out as -569523.1037869999, which is too precise for a
// decimal). This decides, by arithmetic alone, the doubles for which that text surely reads as a
// given decimal with at most 6 places; for the rest the caller writes the text.

#include <cstdint>

namespace forbear::detail {

/// True, with `millionths` set, when the text nlohmann::json writes for `value` is surely the
/// decimal `millionths` / 10^6. False when that cannot be decided without writing the text (the
/// value may still be such a decimal, or may not be one).
bool decimal_of_double(double value, std::int64_t& millionths) noexcept;

}  // namespace forbear::detail
