#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/parse_tree.hpp"
#include "forbear/diagnostic.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Reads the string literals of a rule set: escapes, `{name}` templates and two-language labels.
/// Every problem is appended to the diagnostics list; a bad escape or name is dropped so the rest
/// of the text is still read.
class TextReader {
 public:
  /// `slot_by_name` resolves `{name}` insertions; `value_names` are the declared value names,
  /// offered as "did you mean" for an unknown name. All three are read at each call, not copied.
  TextReader(std::vector<Diagnostic>& diagnostics, const std::unordered_map<std::string, Slot>& slot_by_name,
             const std::vector<std::string>& value_names)
      : diagnostics_(diagnostics), slot_by_name_(slot_by_name), value_names_(value_names) {}

  /// The text of a string literal in file `file` with its escapes replaced; unknown escapes are
  /// reported and left out.
  std::string unescape(std::uint32_t file, const dsl::pt::Text& text);

  /// The label given by `parts` in file `file`: an untagged text is both languages, a 'zh' or 'en'
  /// text sets its own. A language given twice or an unknown one is reported.
  Label to_label(std::uint32_t file, const dsl::pt::Label& parts);

  /// The declared value names, for "did you mean" suggestions.
  const std::vector<std::string>& value_names() const noexcept { return value_names_; }

 private:
  /// The character that `\escaped` stands for; an unknown escape is reported at `at`, the
  /// backslash's byte offset, and stands for nothing.
  std::optional<char> escape(std::uint32_t file, char escaped, std::uint32_t at);

  /// Splits a string into literal text and {name} insertions.
  Template to_template(std::uint32_t file, const dsl::pt::Text& text);

  /// Appends an error at `where`.
  void error(SourceSpan where, std::string message);

  /// Receives every problem found.
  std::vector<Diagnostic>& diagnostics_;
  /// Names that may be inserted with {name}, and their slots.
  const std::unordered_map<std::string, Slot>& slot_by_name_;
  /// Every declared value name, in declaration order.
  const std::vector<std::string>& value_names_;
};

}  // namespace forbear::detail
