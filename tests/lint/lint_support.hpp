#pragma once

// Loading rules for the lint tests and listing their warnings in a compact, exact form.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "forbear/ruleset.hpp"

namespace forbear::test {

/// Every diagnostic of `text` (rules that must load) whose message contains `filter`, as
/// "LINE:COLUMN: severity: message [the text under the mark]", each note after its diagnostic as
/// "  LINE:COLUMN: note: message [text]".
inline std::vector<std::string> lint_warnings(std::string_view text, std::string_view filter = "") {
  static const char* const kSeverity[] = {"error", "warning", "note"};
  const LoadResult result = load_rules_from_string(text, "t.rules", LoadOptions{.lint = true});
  INFO(result.rendered_diagnostics());
  REQUIRE(result.ok());
  const auto where = [&](const SourceSpan& span) {
    const LineColumn at = locate(text, span.begin);
    const std::string marked(span.file == 0 ? text.substr(span.begin, span.end - span.begin) : std::string_view());
    return std::to_string(at.line) + ":" + std::to_string(at.column) + ": [" + marked + "] ";
  };
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.message.find(filter) == std::string::npos) continue;
    out.push_back(where(d.span) + kSeverity[static_cast<int>(d.severity)] + ": " + d.message);
    for (const auto& note : d.notes) out.push_back("  " + where(note.span) + "note: " + note.message);
  }
  return out;
}

/// lint_warnings() without the locations: "[text] severity: message", notes as "  [text] note: message".
inline std::vector<std::string> lint_messages(std::string_view text, std::string_view filter = "") {
  std::vector<std::string> out;
  for (const std::string& line : lint_warnings(text, filter)) {
    out.push_back((line.rfind("  ", 0) == 0 ? "  " : "") + line.substr(line.find('[')));
  }
  return out;
}

/// The "can never fire" warnings of `declarations` (which must declare strategy `s`) followed, on
/// the last line, by `rule r when CONDITION then s += 1`; without the "rule 'r' can never fire: "
/// that starts each message and without locations: "[the text under the mark] message", notes as
/// "  [text] note: message".
inline std::vector<std::string> never_fires(const std::string& declarations, const std::string& condition) {
  const std::string text = "ruleset t version \"1\"\n" + declarations + "rule r when " + condition +
                           " then s += 1 because \"b\" source \"s\"\n";
  const std::string head = "rule 'r' can never fire: ";
  std::vector<std::string> out;
  for (std::string line : lint_warnings(text, "can never fire")) {
    const bool note = line.rfind("  ", 0) == 0;
    line = line.substr(line.find('['));
    if (!note) {
      const auto at = line.find(head);
      REQUIRE(at != std::string::npos);
      line = line.substr(0, line.find("] ") + 2) + line.substr(at + head.size());
    } else {
      line = "  " + line;
    }
    out.push_back(line);
  }
  return out;
}

}  // namespace forbear::test
