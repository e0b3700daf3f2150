#pragma once

#include <string>
#include <string_view>

namespace forbear::detail::format {

/// The canonical spelling of a number literal (digits, optionally '.' and digits): leading zeros
/// of the whole part are dropped ("007" -> "7", "00.5" -> "0.5"). The fraction is kept as written:
/// "1.0" is a number where "1" is an int, and "1.50" may show that an amount is money; dropping
/// its zeros could also hide a literal with more decimal places than a number holds.
std::string canonical_number(std::string_view literal);

}  // namespace forbear::detail::format
