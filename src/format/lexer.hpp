#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "format/tokens.hpp"

namespace forbear::detail::format {

/// The result of lexing: the tokens, or where and why lexing stopped.
struct LexResult {
  TokenStream stream;
  std::optional<std::string> error;  ///< set when a character starts no token (the text did not parse)
};

/// Splits rule text into tokens and comments, the way the grammar reads it: words (identifiers,
/// keywords and dotted advice ids), numbers, strings with their escapes, and symbols (two-character
/// operators first). A comment on the line of a token is that token's trailing comment; comments on
/// lines of their own belong to the token after them. "\r\n", "\r" and "\n" all end a line; a
/// byte order mark at the start is skipped.
LexResult lex(std::string_view text);

}  // namespace forbear::detail::format
