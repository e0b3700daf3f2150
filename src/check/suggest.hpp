#pragma once

#include <cstddef>
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

/// Errors beyond this many come without "did you mean": each suggestion costs time in proportion to
/// the names declared, and a hostile rule set can have ten thousand names and as many misspellings.
constexpr std::size_t kSuggestedErrors = 1'000;

/// did_you_mean(name, candidates) while fewer than kSuggestedErrors errors have been reported
/// (`reported` of them so far), else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates, std::size_t reported);

}  // namespace forbear::detail
