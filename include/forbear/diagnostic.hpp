#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace forbear {

/// One loaded rule file: its path as given (or as reached through `include`) and its bytes.
struct SourceFile {
  std::string path;
  std::string text;
};

/// A byte range in one of a rule set's source files.
struct SourceSpan {
  /// Marks a span that belongs to no file (e.g. "no rule files given").
  static constexpr std::uint32_t kNoFile = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t file = kNoFile;  ///< index into the list of SourceFile
  std::uint32_t begin = 0;       ///< byte offset of the first byte
  std::uint32_t end = 0;         ///< byte offset one past the last byte
};

/// How serious a diagnostic is: errors stop a rule set from loading, warnings do not.
enum class Severity : std::uint8_t { error, warning, note };

/// A secondary location that explains a diagnostic (e.g. where a duplicate was first declared).
struct DiagnosticNote {
  SourceSpan span;
  std::string message;
};

/// A problem found in the rules: what (message), where (span), and context (notes).
struct Diagnostic {
  Severity severity = Severity::error;
  SourceSpan span;
  std::string message;
  std::vector<DiagnosticNote> notes;
};

/// 1-based line and column (in code points) of a byte offset.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

/// Line and column of `offset` in `text`; the column counts UTF-8 code points, a tab counts as one
/// and a leading byte order mark counts as none.
LineColumn locate(std::string_view text, std::uint32_t offset);

/// Renders a diagnostic gcc-style: `path:line:col: error: message`, the source line, and a caret
/// line (`^` under the span's first column, `~` under the rest) aligned by display width, so
/// that Chinese text before the error keeps the caret in place. Notes follow, rendered the same way.
std::string render(const Diagnostic& diagnostic, const std::vector<SourceFile>& sources);

/// Renders every diagnostic in order.
std::string render(const std::vector<Diagnostic>& diagnostics, const std::vector<SourceFile>& sources);

/// True when any diagnostic in the list is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept;

}  // namespace forbear
