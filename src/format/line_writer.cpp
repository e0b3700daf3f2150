#include "format/line_writer.hpp"

#include "format/number_spelling.hpp"
#include "util/utf8.hpp"

namespace forbear::detail::format {

std::string spelling(const Token& token) {
  return token.kind == TokenKind::number ? canonical_number(token.text) : token.text;
}

std::size_t flat_width(const std::vector<Token>& tokens, Run run) {
  std::size_t width = 0;
  for (std::size_t i = run.begin; i < run.end; ++i) {
    if (i > run.begin && !tokens[i].glued) ++width;
    width += display_width(spelling(tokens[i]));
  }
  return width;
}

bool has_inner_comments(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first && !tokens[i].leading.empty()) return true;
    if (i < last && tokens[i].trailing) return true;
  }
  return false;
}

void LineWriter::start_line(std::size_t indent) {
  if (!line_.empty()) end_line();
  indent_ = indent;
  break_pending_ = false;
}

void LineWriter::token(std::size_t index, bool space) {
  const Token& token = tokens_[index];
  if (index != skip_leading_ && !token.leading.empty()) {
    if (!line_.empty()) {
      end_line();
      indent_ = continuation_;
    }
    for (const Comment& comment : token.leading) {
      write(comment.text);
      end_line();
    }
  } else if (break_pending_) {
    end_line();
    indent_ = continuation_;
  }
  break_pending_ = false;
  write((space && !token.glued && !line_.empty() ? " " : "") + spelling(token));
  if (token.trailing) {
    write(" " + *token.trailing);
    break_pending_ = true;
  }
}

void LineWriter::run(Run tokens, bool space_first) {
  for (std::size_t i = tokens.begin; i < tokens.end; ++i) token(i, i == tokens.begin ? space_first : true);
}

std::size_t LineWriter::column() const {
  if (break_pending_) return continuation_;  // the next token starts a new line
  return indent_ + display_width(line_);
}

std::vector<std::string> LineWriter::finish() {
  if (!line_.empty()) end_line();
  return std::move(lines_);
}

void LineWriter::end_line() {
  lines_.push_back(std::string(indent_, ' ') + line_);
  line_.clear();
}

void LineWriter::write(const std::string& text) { line_ += text; }

}  // namespace forbear::detail::format
