// Does a documented output match the real one? The documentation may leave lines out: a line that
// is only "…" (U+2026, indented or not) stands for any number of lines, including none. Every other
// line must equal a line of the real output, in order; lines with no "…" between them must be
// consecutive, and the first and last documented lines must be the output's own first and last
// unless a "…" comes before or after them.
#pragma once

#include <string>
#include <vector>

#include "support/cli_runner.hpp"

namespace forbear::test {

namespace detail_excerpt {

inline bool is_elision(const std::string& line) {
  const auto begin = line.find_first_not_of(' ');
  return begin != std::string::npos && line.compare(begin, std::string::npos, "…") == 0;
}

inline bool run_at(const std::vector<std::string>& actual, std::size_t at, const std::vector<std::string>& run) {
  if (at + run.size() > actual.size()) return false;
  for (std::size_t i = 0; i < run.size(); ++i) {
    if (actual[at + i] != run[i]) return false;
  }
  return true;
}

}  // namespace detail_excerpt

/// True when `documented` leaves lines out (has a line that is only "…").
inline bool has_elision(const std::string& documented) {
  for (const std::string& line : lines_of(documented)) {
    if (detail_excerpt::is_elision(line)) return true;
  }
  return false;
}

/// Empty when `documented` is an excerpt of `actual` as described above; otherwise the first
/// documented line that could not be placed, and why.
inline std::string excerpt_mismatch(const std::string& documented, const std::string& actual) {
  using namespace detail_excerpt;
  const std::vector<std::string> real = lines_of(actual);
  // The documented lines, cut into runs at each elision.
  std::vector<std::vector<std::string>> runs(1);
  for (const std::string& line : lines_of(documented)) {
    if (is_elision(line)) {
      runs.emplace_back();
    } else {
      runs.back().push_back(line);
    }
  }
  if (runs.size() == 1) {
    if (runs.front() == real) return "";
    return "the output differs from the documented lines (no \"…\" to leave lines out)";
  }
  std::size_t at = 0;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    if (run.empty()) continue;
    if (r == 0) {  // no elision before it: the output starts here
      if (!run_at(real, 0, run)) {
        return "the output does not start with the documented lines from \"" + run.front() + "\"";
      }
      at = run.size();
    } else if (r + 1 == runs.size()) {  // no elision after it: the output ends here
      if (real.size() < at + run.size() || !run_at(real, real.size() - run.size(), run)) {
        return "the output does not end with the documented lines from \"" + run.front() + "\"";
      }
      at = real.size();
    } else {  // the earliest place after the previous run: any later one would leave less room
      std::size_t found = at;
      while (found + run.size() <= real.size() && !run_at(real, found, run)) ++found;
      if (found + run.size() > real.size()) {
        return "the documented lines from \"" + run.front() + "\" are not in the output (in this order)";
      }
      at = found + run.size();
    }
  }
  return "";
}

}  // namespace forbear::test
