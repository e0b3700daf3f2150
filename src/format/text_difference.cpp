#include "format/text_difference.hpp"

#include <algorithm>
#include <vector>

namespace forbear::detail::format {
namespace {

// The lines of `text`, each with its "\n" if it has one.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(start, next - start));
    start = next;
  }
  return lines;
}

std::string shown(std::string_view line, bool first_line) {
  std::string out;
  if (first_line && line.substr(0, 3) == "\xEF\xBB\xBF") {
    out += "\\uFEFF";
    line.remove_prefix(3);
  }
  const bool ended = !line.empty() && line.back() == '\n';
  if (ended) line.remove_suffix(1);
  for (char c : line) {
    if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  if (!ended) out += "\n\\ no newline at end of file";
  return out;
}

}  // namespace

std::string describe_difference(const std::string& name, std::string_view before, std::string_view after, std::size_t lines) {
  if (before == after) return {};
  const auto old_lines = split_lines(before);
  const auto new_lines = split_lines(after);
  std::size_t first = 0;
  while (first < old_lines.size() && first < new_lines.size() && old_lines[first] == new_lines[first]) ++first;
  std::size_t old_end = old_lines.size();
  std::size_t new_end = new_lines.size();
  while (old_end > first && new_end > first && old_lines[old_end - 1] == new_lines[new_end - 1]) {
    --old_end;
    --new_end;
  }
  std::string out = name + ":" + std::to_string(first + 1) + ": not formatted\n";
  for (std::size_t i = first; i < std::min(old_end, first + lines); ++i) out += "-" + shown(old_lines[i], i == 0) + "\n";
  for (std::size_t i = first; i < std::min(new_end, first + lines); ++i) out += "+" + shown(new_lines[i], i == 0) + "\n";
  if (old_end - first > lines || new_end - first > lines) out += "...\n";
  return out;
}

}  // namespace forbear::detail::format
