#include "check/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace forbear::detail {
namespace {

// The edit distance between a and b when it is at most `bound`, else bound + 1. Stopping as soon as
// every path costs more keeps a rule set with thousands of misspelt names quick to check.
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t bound, std::vector<std::size_t>& row) {
  const std::size_t length_difference = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_difference > bound) return bound + 1;
  row.resize(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t row_best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      row_best = std::min(row_best, row[j]);
    }
    if (row_best > bound) return bound + 1;
  }
  return std::min(row[b.size()], bound + 1);
}

}  // namespace

std::optional<std::string> closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  std::vector<std::size_t> row;
  for (const std::string& candidate : candidates) {
    // Only a candidate strictly closer than the best so far can replace it.
    const std::size_t distance = bounded_edit_distance(name, candidate, best_distance - 1, row);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
      if (distance == 0) break;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const auto match = closest_match(name, candidates);
  return match ? " (did you mean '" + *match + "'?)" : std::string();
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates, std::size_t reported) {
  return reported < kSuggestedErrors ? did_you_mean(name, candidates) : std::string();
}

}  // namespace forbear::detail
