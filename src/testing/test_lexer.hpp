#pragma once

// Splits one line of a rule test file into tokens.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forbear/diagnostic.hpp"

namespace forbear::detail {

enum class TokenKind : std::uint8_t {
  word,    // a name or keyword: letters, digits, '_' and '.', not starting with a digit
  number,  // digits with an optional fraction, and an optional '-' in front
  string,  // "...", with the escapes \" \\ \n \t
  symbol,  // = == != < <= > >= ,
};

struct TestToken {
  TokenKind kind = TokenKind::word;
  std::string text;   // as written (a string with its quotes)
  std::string value;  // a string's content with its escapes resolved
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// The tokens of one line, up to its comment.
struct LexedLine {
  std::vector<TestToken> tokens;
  std::optional<Diagnostic> error;  // the first problem; the line's tokens are then incomplete
};

/// Tokens of the line [begin, end) of `text` (the line end excluded); `file` is the index the
/// diagnostics point into.
LexedLine lex_test_line(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t file);

/// How a token is named in "expected X, got Y": 'text' or "end of line" (for nullptr).
std::string describe_token(const TestToken* token);

}  // namespace forbear::detail
