#include "util/double_decimal.hpp"

#include <cmath>

namespace forbear::detail {

// Why this is exact. Let c = m / 10^6 be the decimal nearest to `value` with 6 places. The double
// nearest to c is `value` when c lies inside value's rounding interval (half an ulp each side; a
// quarter below a power of two). Grisu2 writes the fewest digits that stay inside that interval
// shrunk by far less than 1/64 of an ulp: if c is inside the shrunk interval, the digits written
// stop at or before c's last place, and below 2^31 an ulp is smaller than 10^-6, so the only number
// with so few places in the interval is c itself. Hence: accept when c is within the interval less a
// margin of 1/64 ulp; near its edges (about 3% of 6-place decimals) the caller writes the text.
bool decimal_of_double(double value, std::int64_t& millionths) noexcept {
  constexpr double kLimit = 2147483648.0;  // 2^31
  if (!(std::fabs(value) < kLimit)) return false;  // also NaN
  const double scaled_rounded = std::nearbyint(value * 1e6);
  if (value == 0) {
    millionths = 0;
    return true;
  }
  int exponent = 0;
  const double fraction = std::frexp(value, &exponent);  // value = fraction * 2^exponent, 0.5 <= |fraction| < 1
  const double ulp = std::ldexp(1.0, exponent - 53);
  const bool power_of_two = std::fabs(fraction) == 0.5;
  // Below a power of two the neighbouring double is only half an ulp away.
  const double half_interval = (power_of_two ? 0.25 : 0.5) * ulp;
  const double allowed = (half_interval - ulp / 64) * 1e6;
  const double distance = std::fabs(std::fma(value, 1e6, -scaled_rounded));  // |value * 10^6 - m|, rounded once
  if (!(distance < allowed)) return false;
  millionths = static_cast<std::int64_t>(scaled_rounded);
  return true;
}

}  // namespace forbear::detail
