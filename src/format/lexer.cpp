#include "format/lexer.hpp"

#include <array>
#include <cstdio>

namespace forbear::detail::format {
namespace {

bool is_word_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_word_char(char c) { return is_word_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

constexpr std::array<std::string_view, 7> kTwoCharSymbols = {"==", "!=", "<=", ">=", "+=", "-=", ".."};
constexpr std::string_view kOneCharSymbols = "<>+-*/=(){},:";

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") at_ = 3;
  }

  LexResult run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n' || c == '\r') {
        at_ += (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ? 2 : 1;
        ++line_ends_;
      } else if (is_blank(c)) {
        ++at_;
      } else if (c == '#') {
        comment();
      } else if (!token()) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
        result_.error = "unexpected byte " + std::string(hex) + " at offset " + std::to_string(at_);
        return std::move(result_);
      }
    }
    result_.stream.final_comments = std::move(pending_);
    return std::move(result_);
  }

 private:
  void comment() {
    std::size_t end = at_;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    std::size_t trimmed = end;
    while (trimmed > at_ && is_blank(text_[trimmed - 1])) --trimmed;
    std::string body(text_.substr(at_, trimmed - at_));
    auto& tokens = result_.stream.tokens;
    if (line_ends_ == 0 && !tokens.empty() && pending_.empty()) {
      tokens.back().trailing = std::move(body);
    } else {
      pending_.push_back({std::move(body), line_ends_ >= 2});
    }
    line_ends_ = 0;
    at_ = end;
  }

  bool token() {
    const std::size_t begin = at_;
    const char c = text_[at_];
    TokenKind kind = TokenKind::symbol;
    if (is_word_start(c)) {
      kind = TokenKind::word;
      word();
      while (at_ + 1 < text_.size() && text_[at_] == '.' && is_word_start(text_[at_ + 1])) {
        ++at_;
        word();
      }
    } else if (is_digit(c)) {
      kind = TokenKind::number;
      digits();
      if (at_ + 1 < text_.size() && text_[at_] == '.' && is_digit(text_[at_ + 1])) {
        ++at_;
        digits();
      }
    } else if (c == '"') {
      kind = TokenKind::string;
      if (!string()) return false;
    } else if (!symbol()) {
      return false;
    }
    Token token;
    token.kind = kind;
    token.text = std::string(text_.substr(begin, at_ - begin));
    token.offset = static_cast<std::uint32_t>(begin);
    token.leading = std::move(pending_);
    pending_.clear();
    token.blank_line_before = line_ends_ >= 2;
    line_ends_ = 0;
    result_.stream.tokens.push_back(std::move(token));
    return true;
  }

  void word() {
    while (at_ < text_.size() && is_word_char(text_[at_])) ++at_;
  }

  void digits() {
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
  }

  // A string as the grammar reads it: a backslash escapes any character but a line end.
  bool string() {
    std::size_t p = at_ + 1;
    while (p < text_.size() && text_[p] != '"' && text_[p] != '\n') {
      if (text_[p] == '\\') {
        if (p + 1 >= text_.size() || text_[p + 1] == '\n') return false;
        ++p;
      }
      ++p;
    }
    if (p >= text_.size() || text_[p] != '"') return false;
    at_ = p + 1;
    return true;
  }

  bool symbol() {
    for (std::string_view two : kTwoCharSymbols) {
      if (text_.substr(at_, 2) == two) {
        at_ += 2;
        return true;
      }
    }
    if (kOneCharSymbols.find(text_[at_]) == std::string_view::npos) return false;
    ++at_;
    return true;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  int line_ends_ = 0;  // since the last token or comment
  std::vector<Comment> pending_;
  LexResult result_;
};

}  // namespace

LexResult lex(std::string_view text) { return Lexer(text).run(); }

}  // namespace forbear::detail::format
