#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace forbear::detail {

/// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo
/// (at most one edit for short names, about a third of the length for longer ones).
std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace forbear::detail
