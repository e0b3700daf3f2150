#include "format/printer.hpp"

#include <algorithm>

#include "forbear/format.hpp"
#include "format/line_writer.hpp"
#include "util/utf8.hpp"

namespace forbear::detail::format {
namespace {

constexpr std::size_t kIndent = 2;  // a rule's clauses; lines forced by comments go one step deeper

class DeclarationPrinter {
 public:
  DeclarationPrinter(const std::vector<Token>& tokens, const DeclarationOutline& declaration)
      : tokens_(tokens), declaration_(declaration), out_(tokens) {
    out_.skip_leading_comments_of(declaration.tokens.begin);
  }

  std::vector<std::string> print() {
    out_.start_line(0);
    out_.set_continuation(kIndent);
    run_with_breaks(declaration_.head, flat_width(tokens_, declaration_.head) > kFormatWidth, kIndent);
    if (declaration_.label) label(*declaration_.label);
    if (declaration_.keyword == "rule") rule_clauses();
    return out_.finish();
  }

 private:
  void rule_clauses() {
    out_.start_line(kIndent);
    out_.set_continuation(2 * kIndent);
    run_with_breaks(declaration_.when, kIndent + flat_width(tokens_, declaration_.when) > kFormatWidth, 2 * kIndent);
    list(declaration_.then);
    if (declaration_.because) {
      out_.start_line(kIndent);
      out_.set_continuation(2 * kIndent);
      out_.token(*declaration_.because, false);
      label(declaration_.because_label);
    }
    if (declaration_.source) list(*declaration_.source);
  }

  // Tokens on one line or, when `too_long`, with a line break (to `indent`) before each of the
  // declaration's breaks:
  //   output status = if a then "x"
  //     else if b then "y"
  //     else "z"
  void run_with_breaks(Run tokens, bool too_long, std::size_t indent) {
    const auto& breaks = declaration_.breaks;
    for (std::size_t i = tokens.begin; i < tokens.end; ++i) {
      if (too_long && std::find(breaks.begin(), breaks.end(), i) != breaks.end()) out_.start_line(indent);
      out_.token(i, i != tokens.begin);
    }
  }

  // On the current line when it fits and holds no comment; otherwise one part a line:
  //   {
  //     zh: "...",
  //     en: "..."
  //   }
  void label(const LabelOutline& label) {
    if (!label.braced()) {
      out_.token(label.open, true);
      return;
    }
    const Run all{label.open, label.close + 1};
    const bool fits = out_.column() + 1 + flat_width(tokens_, all) <= kFormatWidth;
    if (fits && !has_inner_comments(tokens_, label.open, label.close)) {
      out_.run(all, true);
      return;
    }
    out_.token(label.open, true);
    const std::size_t base = out_.line_indent();
    for (const Run& part : label.parts) {
      out_.start_line(base + kIndent);
      out_.set_continuation(base + kIndent);
      out_.run(part, false);
    }
    out_.start_line(base);
    out_.token(label.close, false);
  }

  // `KEYWORD item, item` on one line when it fits and holds no comment; otherwise one item a
  // line, each below the first:
  //   then a += 1,
  //        b -= 2
  void list(const ListOutline& list) {
    out_.start_line(kIndent);
    const std::size_t align = kIndent + display_width(tokens_[list.keyword].text) + 1;
    out_.set_continuation(align);
    const Run items{list.items.front().begin, list.items.back().end};
    const bool fits = kIndent + display_width(tokens_[list.keyword].text) + 1 + flat_width(tokens_, items) <= kFormatWidth;
    out_.token(list.keyword, false);
    if (fits && !has_inner_comments(tokens_, list.keyword, items.end - 1)) {
      out_.run(items, true);
      return;
    }
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      if (i > 0) out_.start_line(align);
      out_.set_continuation(align);
      out_.run(list.items[i], true);
    }
  }

  const std::vector<Token>& tokens_;
  const DeclarationOutline& declaration_;
  LineWriter out_;
};

void add_line(std::string& out, const std::string& line) {
  out += line;
  out += '\n';
}

// A comment's blank line is kept unless it would open the file.
void add_comment(std::string& out, const Comment& comment) {
  if (comment.blank_line_before && !out.empty()) out += '\n';
  add_line(out, comment.text);
}

}  // namespace

std::string print(const TokenStream& stream, const std::vector<DeclarationOutline>& declarations) {
  std::string out;
  const DeclarationOutline* previous = nullptr;
  bool previous_multiline = false;
  for (const DeclarationOutline& declaration : declarations) {
    const std::vector<std::string> lines = DeclarationPrinter(stream.tokens, declaration).print();
    const bool multiline = lines.size() > 1;
    const Token& first = stream.tokens[declaration.tokens.begin];
    const bool blank_before = first.leading.empty() ? first.blank_line_before : first.leading.front().blank_line_before;
    // A blank line separates declarations of different kinds and multi-line declarations, and
    // stays wherever the author left one; it goes above the comments that belong to the declaration.
    if (!out.empty() && (blank_before || multiline || previous_multiline || previous->keyword != declaration.keyword)) {
      out += '\n';
    }
    for (std::size_t i = 0; i < first.leading.size(); ++i) {
      if (i > 0 && first.leading[i].blank_line_before) out += '\n';
      add_line(out, first.leading[i].text);
    }
    if (!first.leading.empty() && first.blank_line_before) out += '\n';
    for (const std::string& line : lines) add_line(out, line);
    previous = &declaration;
    previous_multiline = multiline;
  }
  for (const Comment& comment : stream.final_comments) add_comment(out, comment);
  return out;
}

}  // namespace forbear::detail::format
