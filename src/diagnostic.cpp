#include "forbear/diagnostic.hpp"

#include <algorithm>

#include "util/utf8.hpp"

namespace forbear {
namespace {

constexpr const char* kSeverityNames[] = {"error", "warning", "note"};

// One "path:line:col: severity: message" header, the source line and the caret line.
void render_one(std::string& out, Severity severity, const SourceSpan& span, const std::string& message,
                const std::vector<SourceFile>& sources) {
  const char* severity_name = kSeverityNames[static_cast<int>(severity)];
  if (span.file >= sources.size()) {
    out += std::string("forbear: ") + severity_name + ": " + message + '\n';
    return;
  }
  const SourceFile& file = sources[span.file];
  const std::string_view text = file.text;
  const std::uint32_t begin = std::min<std::uint32_t>(span.begin, static_cast<std::uint32_t>(text.size()));
  const LineColumn where = locate(text, begin);
  out += file.path + ':' + std::to_string(where.line) + ':' + std::to_string(where.column) + ": " + severity_name +
         ": " + message + '\n';
  if (text.empty()) return;

  const std::size_t line_start = begin == 0 ? 0 : text.rfind('\n', begin - 1) + 1;  // npos + 1 == 0
  std::size_t line_end = text.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = text.size();
  std::string_view line = text.substr(line_start, line_end - line_start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  const std::string number = std::to_string(where.line);
  out += std::string(number.size() < 5 ? 5 - number.size() : 0, ' ') + number + " | ";
  out.append(line);
  out += "\n      | ";
  // Pad with the same display width as the text before the caret; tabs stay tabs.
  std::size_t offset = 0;
  const std::size_t caret_at = std::min<std::size_t>(begin - line_start, line.size());
  while (offset < caret_at) {
    if (line[offset] == '\t') {
      out += '\t';
      ++offset;
      continue;
    }
    const char32_t cp = detail::next_code_point(line, offset);
    out.append(static_cast<std::size_t>(detail::display_width(cp)), ' ');
  }
  out += '^';
  const std::size_t span_end = std::min<std::size_t>(std::max(span.end, begin) - line_start, line.size());
  std::size_t tail = 0;
  if (offset < span_end) {
    std::size_t at = offset;
    const char32_t first = detail::next_code_point(line, at);
    const std::size_t first_width = static_cast<std::size_t>(std::max(1, detail::display_width(first)));
    tail = detail::display_width(line.substr(at, span_end - at)) + first_width - 1;
  }
  out.append(tail, '~');
  out += '\n';
}

}  // namespace

LineColumn locate(std::string_view text, std::uint32_t offset) {
  LineColumn where;
  const std::size_t end = std::min<std::size_t>(offset, text.size());
  // A leading byte order mark is not content: editors do not show it, so it takes no column.
  const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" && end >= 3 ? 3 : 0;
  std::size_t line_start = bom;
  for (std::size_t i = bom; i < end; ++i) {
    if (text[i] == '\n') {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column = static_cast<std::uint32_t>(detail::code_point_count(text.substr(line_start, end - line_start)) + 1);
  return where;
}

std::string render(const Diagnostic& diagnostic, const std::vector<SourceFile>& sources) {
  std::string out;
  render_one(out, diagnostic.severity, diagnostic.span, diagnostic.message, sources);
  for (const auto& note : diagnostic.notes) render_one(out, Severity::note, note.span, note.message, sources);
  return out;
}

std::string render(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& sources) {
  std::string out;
  for (const auto& diagnostic : diagnostics) out += render(diagnostic, sources);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace forbear
