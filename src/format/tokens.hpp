#pragma once

// The tokens of a rule file with the comments around them: what the formatter prints. White space
// is not kept; what the layout needs of it (a line break, a blank line) is recorded on the tokens.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace forbear::detail::format {

enum class TokenKind : std::uint8_t { word, number, string, symbol };

/// A comment on a line of its own: its text from '#' on, trailing white space removed.
struct Comment {
  std::string text;
  bool blank_line_before = false;  ///< an empty line separates it from what comes before
};

/// A token as written, with the comments attached to it.
struct Token {
  TokenKind kind = TokenKind::symbol;
  std::string text;                       ///< as written (a string keeps its quotes and escapes)
  std::uint32_t offset = 0;               ///< byte offset in the input
  std::vector<Comment> leading;           ///< full-line comments between the previous token and this one
  std::optional<std::string> trailing;    ///< a comment after the token on the same line
  bool blank_line_before = false;         ///< an empty line right before the token (after its comments)
  bool glued = false;                     ///< no space before it in a one-line layout (set by the outline)
};

/// A whole file: its tokens and the comments after the last one.
struct TokenStream {
  std::vector<Token> tokens;
  std::vector<Comment> final_comments;
};

}  // namespace forbear::detail::format
