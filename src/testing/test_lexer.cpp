// lex_test_line(): the tokens of one line of a `.tests` file.

#include "testing/test_lexer.hpp"

#include <cstdio>

namespace forbear::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A byte that may continue a word: ASCII letters, digits, '_' and every byte of a non-ASCII
// character (so that an unquoted Chinese word is one token, reported whole).
bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || byte >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

Diagnostic error_at(std::uint32_t file, std::uint32_t begin, std::uint32_t end, std::string message) {
  return {Severity::error, {file, begin, end}, std::move(message), {}};
}

// A character that starts no token, as the error names it.
std::string describe_character(std::string_view text, std::uint32_t at, std::uint32_t end, std::uint32_t& after) {
  const auto byte = static_cast<unsigned char>(text[at]);
  after = at + 1;
  if (byte < 0x20 || byte == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
    return std::string("control character ") + hex;
  }
  while (after < end && (static_cast<unsigned char>(text[after]) & 0xC0) == 0x80) ++after;  // the whole character
  return "'" + std::string(text.substr(at, after - at)) + "'";
}

}  // namespace

LexedLine lex_test_line(std::string_view text, std::uint32_t begin, std::uint32_t end, std::uint32_t file) {
  LexedLine line;
  std::uint32_t at = begin;
  while (at < end) {
    const char c = text[at];
    if (is_space(c)) {
      ++at;
      continue;
    }
    if (c == '#') break;
    TestToken token;
    token.begin = at;
    if (c == '"') {
      token.kind = TokenKind::string;
      std::uint32_t next = at + 1;
      bool closed = false;
      while (next < end) {
        const char ch = text[next];
        if (ch == '"') {
          closed = true;
          ++next;
          break;
        }
        if (ch == '\\' && next + 1 < end) {
          switch (text[next + 1]) {
            case '"': token.value += '"'; break;
            case '\\': token.value += '\\'; break;
            case 'n': token.value += '\n'; break;
            case 't': token.value += '\t'; break;
            default: {
              std::uint32_t after = next + 1;
              describe_character(text, next + 1, end, after);
              line.error = error_at(
                  file, next, after,
                  "unknown escape '" + std::string(text.substr(next, after - next)) + "' (use \\\", \\\\, \\n or \\t)");
              return line;
            }
          }
          next += 2;
          continue;
        }
        if (ch == '\\') {  // a backslash at the end of the line leaves the string unclosed
          ++next;
          continue;
        }
        token.value += ch;
        ++next;
      }
      if (!closed) {
        line.error = error_at(file, end, end, "expected closing '\"', got end of line");
        return line;
      }
      at = next;
    } else if (is_digit(c) || (c == '-' && at + 1 < end && is_digit(text[at + 1]))) {
      token.kind = TokenKind::number;
      std::uint32_t next = at + 1;
      while (next < end && is_digit(text[next])) ++next;
      if (next + 1 < end && text[next] == '.' && is_digit(text[next + 1])) {
        next += 2;
        while (next < end && is_digit(text[next])) ++next;
      }
      if (next < end && (is_word_byte(text[next]) || text[next] == '.')) {
        while (next < end && (is_word_byte(text[next]) || text[next] == '.')) ++next;
        line.error = error_at(file, at, next, "malformed number '" + std::string(text.substr(at, next - at)) + "'");
        return line;
      }
      at = next;
    } else if (is_word_byte(c)) {
      token.kind = TokenKind::word;
      std::uint32_t next = at + 1;
      while (next < end && (is_word_byte(text[next]) || text[next] == '.')) ++next;
      at = next;
    } else if (c == '=' || c == '<' || c == '>' || c == ',' || (c == '!' && at + 1 < end && text[at + 1] == '=')) {
      token.kind = TokenKind::symbol;
      const bool two = c != ',' && at + 1 < end && text[at + 1] == '=';
      at += two ? 2 : 1;
    } else {
      std::uint32_t after = at;
      const std::string found = describe_character(text, at, end, after);
      line.error = error_at(file, at, after, "unexpected " + found);
      return line;
    }
    token.end = at;
    token.text = std::string(text.substr(token.begin, token.end - token.begin));
    line.tokens.push_back(std::move(token));
  }
  return line;
}

std::string describe_token(const TestToken* token) {
  if (!token) return "end of line";
  return "'" + token->text + "'";
}

}  // namespace forbear::detail
