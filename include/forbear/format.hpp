#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/diagnostic.hpp"

namespace forbear {

/// The display width (a CJK character counts 2) that lines are kept within where the layout can
/// break them: labels, effect and source lists, and long values and conditions (at `else`, `or`,
/// `and`); a string, an enum list or an expression with no such place is never broken.
constexpr std::size_t kFormatWidth = 100;

/// The outcome of formatting one rule file.
struct FormatResult {
  /// The file in canonical layout; empty when the file cannot be formatted (see diagnostics).
  std::optional<std::string> text;
  /// Why the file cannot be formatted: invalid UTF-8, syntax errors, or an internal error when the
  /// formatted text would not mean the same as the input. Spans point into `source`.
  std::vector<Diagnostic> diagnostics;
  /// The input, as given, for rendering the diagnostics.
  SourceFile source;

  /// True when the file was formatted.
  bool ok() const noexcept { return text.has_value(); }
  /// True when the file was formatted and the formatted text differs from the input.
  bool changed() const noexcept { return text.has_value() && *text != source.text; }
  /// The diagnostics rendered like `forbear check` renders them (see forbear::render).
  std::string rendered_diagnostics() const;
};

/// Formats the rule text `text` (called `name` in diagnostics) in the canonical layout described
/// in docs/en/fmt.md: declarations in their written order, canonical spacing, labels and lists
/// broken over lines beyond kFormatWidth, comments kept, LF line ends, no byte order mark, one
/// final newline. Formatting is idempotent, and the formatted text parses to the same
/// declarations as the input (this is verified; a failure is reported as an internal error).
/// Only syntax is checked: names and types are not resolved, so one file of a rule set can be
/// formatted on its own.
FormatResult format_rules(std::string_view text, std::string name = "<string>");

}  // namespace forbear
