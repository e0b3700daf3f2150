#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace forbear::detail::format {

/// A short unified-style report of where `after` first differs from `before`, for
/// `forbear fmt --check`: "NAME:LINE: not formatted", then up to `lines` lines of each text from
/// the first differing line on ("-" before, "+" after) and "..." when more differ. Carriage returns,
/// tabs and a byte order mark are shown escaped (\r, \t, \uFEFF), and a last line without a line
/// end is followed by "\ no newline at end of file". Empty when the texts are equal.
std::string describe_difference(const std::string& name, std::string_view before, std::string_view after,
                                std::size_t lines = 3);

}  // namespace forbear::detail::format
