#include "format/outline.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace forbear::detail::format {
namespace {

constexpr std::array<std::string_view, 24> kReserved = {
    "ruleset", "include", "fact", "let",     "output",  "strategy", "advice", "rule",
    "when",    "then",    "else", "if",      "because", "source",   "exclude", "advise",
    "and",     "or",      "not",  "in",      "true",    "false",    "unknown", "version"};

bool is_reserved(std::string_view word) { return std::find(kReserved.begin(), kReserved.end(), word) != kReserved.end(); }

struct OutlineError {
  std::string message;
};

// A recursive-descent reader that mirrors src/dsl/grammar.cpp, consuming tokens and recording
// where each part of a declaration starts and ends.
class OutlineReader {
 public:
  explicit OutlineReader(std::vector<Token>& tokens) : tokens_(tokens) {}

  std::vector<DeclarationOutline> file() {
    std::vector<DeclarationOutline> out;
    while (at_ < tokens_.size()) out.push_back(declaration());
    return out;
  }

 private:
  // ---- token access ----

  bool at_end() const { return at_ >= tokens_.size(); }
  const Token* peek(std::size_t ahead = 0) const {
    return at_ + ahead < tokens_.size() ? &tokens_[at_ + ahead] : nullptr;
  }
  bool next_is(std::string_view text, std::size_t ahead = 0) const {
    const Token* token = peek(ahead);
    return token && token->kind != TokenKind::string && token->text == text;
  }
  bool next_is(TokenKind kind) const { return peek() && peek()->kind == kind; }

  [[noreturn]] void fail(std::string_view expected) const {
    const std::string found = at_end() ? "end of input" : "'" + tokens_[at_].text + "'";
    const std::string where = at_end() ? "the end" : "offset " + std::to_string(tokens_[at_].offset);
    throw OutlineError{"expected " + std::string(expected) + " at " + where + ", found " + found};
  }

  std::size_t take() { return at_++; }
  std::size_t expect(std::string_view text) {
    if (!next_is(text)) fail("'" + std::string(text) + "'");
    return take();
  }
  std::size_t expect(TokenKind kind, std::string_view what) {
    if (!next_is(kind)) fail(what);
    return take();
  }
  std::size_t expect_name() {
    if (!next_is(TokenKind::word) || is_reserved(peek()->text)) fail("a name");
    return take();
  }
  // The next token is written without a space before it.
  void glue_next() {
    if (!at_end()) tokens_[at_].glued = true;
  }
  std::size_t take_glued(std::string_view text) {
    glue_next();
    return expect(text);
  }

  // ---- declarations ----

  DeclarationOutline declaration() {
    DeclarationOutline d;
    d.tokens.begin = at_;
    if (!next_is(TokenKind::word)) fail("a declaration");
    d.keyword = peek()->text;
    if (d.keyword == "ruleset") {
      take();
      expect_name();
      expect("version");
      expect(TokenKind::string, "a string");
      d.head = {d.tokens.begin, at_};
    } else if (d.keyword == "include") {
      take();
      expect(TokenKind::string, "a string");
      d.head = {d.tokens.begin, at_};
    } else if (d.keyword == "fact") {
      fact(d);
    } else if (d.keyword == "let" || d.keyword == "output") {
      take();
      expect_name();
      expect("=");
      outermost_expression(d.breaks);
      d.head = {d.tokens.begin, at_};
      if (d.keyword == "output" && starts_description()) d.label = description();
    } else if (d.keyword == "strategy" || d.keyword == "advice") {
      take();
      if (d.keyword == "strategy") expect_name();
      else expect(TokenKind::word, "an advice id");
      d.head = {d.tokens.begin, at_};
      if (!next_is("{")) fail("a label");
      d.label = description();
    } else if (d.keyword == "rule") {
      rule(d);
    } else {
      fail("a declaration");
    }
    d.tokens.end = at_;
    return d;
  }

  void fact(DeclarationOutline& d) {
    take();
    expect_name();
    take_glued(":");
    expect(TokenKind::word, "a type");
    if (next_is("(")) {
      take_glued("(");
      glue_next();
      expect_name();
      while (next_is(",")) {
        take_glued(",");
        expect_name();
      }
      take_glued(")");
    }
    if (next_is("in")) {
      take();
      const bool low = !next_is("..");
      if (low) {
        unary();
        glue_next();
      }
      expect("..");
      if (starts_unary() && !next_is(TokenKind::string)) {
        glue_next();
        unary();
      }
    }
    if (next_is("=")) {
      take();
      unary();
    }
    d.head = {d.tokens.begin, at_};
    if (starts_description()) d.label = description();
  }

  void rule(DeclarationOutline& d) {
    take();
    expect_name();
    d.head = {d.tokens.begin, at_};
    d.when.begin = expect("when");
    outermost_expression(d.breaks);
    d.when.end = at_;
    d.then.keyword = expect("then");
    for (bool more = true; more;) {
      const std::size_t begin = at_;
      effect();
      more = next_is(",");
      if (more) take_glued(",");
      d.then.items.push_back({begin, at_});
    }
    if (next_is("because")) {
      d.because = take();
      if (!starts_description()) fail("a description");
      d.because_label = description();
    }
    if (next_is("source")) {
      ListOutline source;
      source.keyword = take();
      for (bool more = true; more;) {
        const std::size_t begin = at_;
        expect(TokenKind::string, "a string");
        more = next_is(",");
        if (more) take_glued(",");
        source.items.push_back({begin, at_});
      }
      d.source = std::move(source);
    }
  }

  void effect() {
    if (next_is("exclude")) {
      take();
      expect_name();
    } else if (next_is("advise")) {
      take();
      expect(TokenKind::word, "an advice id");
    } else {
      expect_name();
      if (!next_is("+=") && !next_is("-=")) fail("'+=' or '-='");
      take();
      expect(TokenKind::number, "points");
    }
  }

  bool starts_description() const { return next_is("{") || next_is(TokenKind::string); }

  LabelOutline description() {
    LabelOutline label;
    if (next_is(TokenKind::string)) {
      label.open = label.close = take();
      return label;
    }
    label.open = expect("{");
    for (bool more = true; more;) {
      const std::size_t begin = at_;
      expect_name();
      take_glued(":");
      expect(TokenKind::string, "a string");
      more = next_is(",");
      if (more) take_glued(",");
      label.parts.push_back({begin, at_});
    }
    label.close = expect("}");
    return label;
  }

  // ---- expressions, loosest first ----

  void expression() {
    if (next_is("if")) {
      take();
      expression();
      expect("then");
      expression();
      expect("else");
      expression();
      return;
    }
    or_expression(nullptr);
  }

  // A let's or output's value or a rule's condition, recording in `breaks` where it is broken
  // when too long for its line: before each `else` of an if-else-if chain (and before `then`
  // when there is a single `if`), otherwise before each outermost `or`, or each outermost `and`.
  void outermost_expression(std::vector<std::size_t>& breaks) {
    if (!next_is("if")) {
      or_expression(&breaks);
      return;
    }
    std::vector<std::size_t> thens;
    do {
      take();
      expression();
      thens.push_back(expect("then"));
      expression();
      breaks.push_back(expect("else"));
    } while (next_is("if"));
    expression();
    if (thens.size() == 1) breaks.insert(breaks.begin(), thens.front());
  }

  void or_expression(std::vector<std::size_t>* breaks) {
    std::vector<std::size_t> and_breaks;
    and_expression(breaks ? &and_breaks : nullptr);
    if (breaks && !next_is("or")) *breaks = std::move(and_breaks);
    while (next_is("or")) {
      if (breaks) breaks->push_back(at_);
      take();
      and_expression(nullptr);
    }
  }

  void and_expression(std::vector<std::size_t>* breaks) {
    not_expression();
    while (next_is("and")) {
      if (breaks) breaks->push_back(at_);
      take();
      not_expression();
    }
  }

  void not_expression() {
    if (next_is("not")) {
      take();
      not_expression();
      return;
    }
    additive();
    static constexpr std::array<std::string_view, 6> kComparisons = {"==", "!=", "<=", ">=", "<", ">"};
    for (std::string_view op : kComparisons) {
      if (next_is(op)) {
        take();
        additive();
        return;
      }
    }
    if (next_is("not") && next_is("in", 1)) {
      take();
      take();
      set();
    } else if (next_is("in")) {
      take();
      set();
    }
  }

  void additive() {
    term();
    while (next_is("+") || next_is("-")) {
      take();
      term();
    }
  }

  void term() {
    unary();
    while (next_is("*") || next_is("/")) {
      take();
      unary();
    }
  }

  bool starts_unary() const {
    const Token* token = peek();
    if (!token) return false;
    if (token->kind == TokenKind::word) {
      return !is_reserved(token->text) || token->text == "true" || token->text == "false" || token->text == "unknown";
    }
    return token->kind != TokenKind::symbol || token->text == "-" || token->text == "(";
  }

  void unary() {
    if (next_is("-")) {
      take();
      if (!next_is("-")) glue_next();  // "- -x", not "--x"
      unary();
      return;
    }
    primary();
  }

  void primary() {
    if (next_is(TokenKind::number) || next_is(TokenKind::string)) {
      take();
    } else if (next_is("(")) {
      take();
      glue_next();
      expression();
      take_glued(")");
    } else if (next_is("true") || next_is("false") || next_is("unknown")) {
      take();
    } else if (next_is(TokenKind::word) && next_is("(", 1)) {
      expect_name();
      take_glued("(");
      glue_next();
      if (!next_is(")")) {
        expression();
        while (next_is(",")) {
          take_glued(",");
          expression();
        }
      }
      take_glued(")");
    } else {
      expect_name();
    }
  }

  void set() {
    expect("{");
    glue_next();
    unary();
    while (next_is(",")) {
      take_glued(",");
      unary();
    }
    take_glued("}");
  }

  std::vector<Token>& tokens_;
  std::size_t at_ = 0;
};

}  // namespace

OutlineResult read_outline(TokenStream& stream) {
  OutlineResult result;
  try {
    result.declarations = OutlineReader(stream.tokens).file();
  } catch (const OutlineError& error) {
    result.error = error.message;
  }
  return result;
}

}  // namespace forbear::detail::format
