#pragma once

// Writes tokens into lines: one space or none between tokens, comments where they were attached,
// and the line breaks that comments force (a trailing comment ends its line; full-line comments
// stand on lines of their own before their token).

#include <cstddef>
#include <string>
#include <vector>

#include "format/outline.hpp"
#include "format/tokens.hpp"

namespace forbear::detail::format {

class LineWriter {
 public:
  /// Writes tokens of `tokens`, which must outlive the writer.
  explicit LineWriter(const std::vector<Token>& tokens) : tokens_(tokens) {}

  /// Ends the current line, if anything is on it, and starts the next one `indent` columns in.
  void start_line(std::size_t indent);
  /// The indent of a line that a comment forces in the middle of a construct.
  void set_continuation(std::size_t indent) { continuation_ = indent; }
  /// Writes a token: its full-line comments first (on lines of their own), then the token after a
  /// space (none when `space` is false or at the start of a line), then its trailing comment.
  void token(std::size_t index, bool space);
  /// Writes tokens [begin, end): a space before the first when `space_first`, then each token's
  /// own spacing (none when it is glued).
  void run(Run tokens, bool space_first);
  /// The leading comments of token `index` are printed by the caller, not by this writer.
  void skip_leading_comments_of(std::size_t index) { skip_leading_ = index; }

  /// The display column where the next token would start without its space: after what the
  /// current line holds (its indent when empty), or the continuation indent after a trailing comment.
  std::size_t column() const;
  /// The indent of the current line.
  std::size_t line_indent() const { return indent_; }
  /// The lines written so far, the current one included.
  std::vector<std::string> finish();

 private:
  void end_line();
  void write(const std::string& text);

  const std::vector<Token>& tokens_;
  std::vector<std::string> lines_;
  std::string line_;            // the current line without its indent
  std::size_t indent_ = 0;      // of the current line
  std::size_t continuation_ = 0;
  bool break_pending_ = false;  // a trailing comment ended the line
  std::size_t skip_leading_ = static_cast<std::size_t>(-1);
};

/// The spelling of a token in formatted output (numbers lose redundant leading zeros).
std::string spelling(const Token& token);

/// The display width of tokens [begin, end) written on one line with their own spacing.
std::size_t flat_width(const std::vector<Token>& tokens, Run run);

/// True when a comment sits among tokens [first, last]: a full-line comment before any but the
/// first, or a trailing comment after any but the last. Such tokens cannot share one line.
bool has_inner_comments(const std::vector<Token>& tokens, std::size_t first, std::size_t last);

}  // namespace forbear::detail::format
