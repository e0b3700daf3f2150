// parse_test_file(): the line forms of a `.tests` file (docs/en/rule-tests.md), read by hand, one
// line at a time, so that every error points at its line and column.

#include "testing/test_parser.hpp"

#include <charconv>
#include <limits>

namespace forbear::detail {
namespace {

// Reads the tokens of one line in order; every `expect_*` reports "expected X, got Y" on failure.
class LineReader {
 public:
  LineReader(const std::vector<TestToken>& tokens, std::uint32_t file, std::uint32_t line_end,
             std::vector<Diagnostic>& diagnostics)
      : tokens_(tokens), file_(file), line_end_(line_end), diagnostics_(diagnostics) {}

  const TestToken* peek(std::size_t ahead = 0) const {
    return next_ + ahead < tokens_.size() ? &tokens_[next_ + ahead] : nullptr;
  }
  bool at_end() const { return next_ == tokens_.size(); }
  const TestToken& take() { return tokens_[next_++]; }
  const TestToken& last() const { return tokens_[next_ - 1]; }

  /// True (and the word taken) when the next token is the word `word`.
  bool accept_word(std::string_view word) {
    if (peek() && peek()->kind == TokenKind::word && peek()->text == word) {
      ++next_;
      return true;
    }
    return false;
  }

  /// The next token when it is of `kind`; otherwise an error "expected WHAT, got ...".
  const TestToken* expect(TokenKind kind, const std::string& what) {
    if (peek() && peek()->kind == kind) return &take();
    fail("expected " + what);
    return nullptr;
  }

  /// The next token when it is the symbol `symbol`; otherwise an error.
  bool expect_symbol(std::string_view symbol, const std::string& what) {
    if (peek() && peek()->kind == TokenKind::symbol && peek()->text == symbol) {
      ++next_;
      return true;
    }
    fail("expected " + what);
    return false;
  }

  /// True at the end of the line; otherwise an error "expected end of line after WHAT, got ...".
  bool expect_end(const std::string& after_what) {
    if (at_end()) return true;
    fail("expected end of line after " + after_what);
    return false;
  }

  /// Reports "MESSAGE, got Y" at the next token (or at the end of the line).
  void fail(const std::string& message) {
    const TestToken* found = peek();
    const SourceSpan span =
        found ? SourceSpan{file_, found->begin, found->end} : SourceSpan{file_, line_end_, line_end_};
    diagnostics_.push_back({Severity::error, span, message + ", got " + describe_token(found), {}});
  }

 private:
  const std::vector<TestToken>& tokens_;
  std::size_t next_ = 0;
  std::uint32_t file_;
  std::uint32_t line_end_;
  std::vector<Diagnostic>& diagnostics_;
};

constexpr const char* kValueKinds = "a value (a number, \"text\", true, false, unknown or an enum value)";
constexpr const char* kStrategyForms = "'first', 'in top N', 'not in top N', 'excluded' or 'not excluded'";
constexpr const char* kExpectForms = "a strategy, or ranking, score, advice, no, fired, not, output or missing";

bool is_value(const TestToken* token) {
  return token &&
         (token->kind == TokenKind::number || token->kind == TokenKind::string || token->kind == TokenKind::word);
}

// `NAME = VALUE, NAME = VALUE ...` after `given`.
bool read_givens(LineReader& line, std::vector<GivenSyntax>& givens) {
  std::string after = "'given'";
  std::vector<GivenSyntax> read;
  while (true) {
    const TestToken* name = line.expect(TokenKind::word, "a fact name after " + after);
    if (!name) return false;
    if (!line.expect_symbol("=", "'=' after '" + name->text + "'")) return false;
    if (!is_value(line.peek())) {
      line.fail(std::string("expected ") + kValueKinds + " after '='");
      return false;
    }
    read.push_back({*name, line.take()});
    if (line.at_end()) break;
    if (!line.expect_symbol(",", "',' or end of line after the value")) return false;
    after = "','";
  }
  givens.insert(givens.end(), read.begin(), read.end());
  return true;
}

std::optional<Comparison> comparison_of(const TestToken* token) {
  if (!token || token->kind != TokenKind::symbol) return std::nullopt;
  const std::string& s = token->text;
  if (s == "=" || s == "==") return Comparison::equal;
  if (s == "!=") return Comparison::not_equal;
  if (s == "<") return Comparison::less;
  if (s == "<=") return Comparison::less_equal;
  if (s == ">") return Comparison::greater;
  if (s == ">=") return Comparison::greater_equal;
  return std::nullopt;
}

// True when the words after a strategy name begin one of the strategy forms (`first`, `in top N`,
// `not in top N`, `excluded`, `not excluded`): then `expect score first` is about a strategy
// named `score`, not a malformed `expect score`.
bool starts_strategy_form(const LineReader& line) {
  const TestToken* word = line.peek(1);
  if (!word || word->kind != TokenKind::word) return false;
  if (word->text == "first" || word->text == "excluded" || word->text == "in") return true;
  const TestToken* after = line.peek(2);
  return word->text == "not" && after && after->kind == TokenKind::word &&
         (after->text == "in" || after->text == "excluded");
}

// `top N` after `in` (the `in` already read).
bool read_top(LineReader& line, ExpectSyntax& expect) {
  if (!line.accept_word("top")) {
    line.fail("expected 'top' after 'in'");
    return false;
  }
  const TestToken* number = line.peek();
  int value = 0;
  if (number && number->kind == TokenKind::number) {
    const auto [end, error] = std::from_chars(number->text.data(), number->text.data() + number->text.size(), value);
    if (error == std::errc() && end == number->text.data() + number->text.size() && value >= 1) {
      line.take();
      expect.top = value;
      return true;
    }
  }
  line.fail("expected a whole number (1 or more) after 'top'");
  return false;
}

// The strategy forms: `S first`, `S in top N`, `S not in top N`, `S excluded`, `S not excluded`.
bool read_strategy_form(LineReader& line, ExpectSyntax& expect) {
  const TestToken& strategy = line.take();
  expect.names.push_back(strategy);
  if (line.accept_word("first")) {
    expect.kind = ExpectationKind::first;
  } else if (line.accept_word("excluded")) {
    expect.kind = ExpectationKind::excluded;
  } else if (line.accept_word("in")) {
    expect.kind = ExpectationKind::in_top;
    if (!read_top(line, expect)) return false;
  } else if (line.accept_word("not")) {
    if (line.accept_word("excluded")) {
      expect.kind = ExpectationKind::not_excluded;
    } else if (line.accept_word("in")) {
      expect.kind = ExpectationKind::not_in_top;
      if (!read_top(line, expect)) return false;
    } else {
      line.fail("expected 'in top N' or 'excluded' after 'not'");
      return false;
    }
  } else {
    line.fail(std::string("expected ") + kStrategyForms + " after '" + strategy.text + "'");
    return false;
  }
  return line.expect_end("the expectation");
}

// One name after `keyword`, then the end of the line.
bool read_one_name(LineReader& line, ExpectSyntax& expect, const std::string& what, const std::string& keyword) {
  const TestToken* name = line.expect(TokenKind::word, what + " after '" + keyword + "'");
  if (!name) return false;
  expect.names.push_back(*name);
  return line.expect_end("'" + name->text + "'");
}

bool read_ranking(LineReader& line, ExpectSyntax& expect, std::vector<Diagnostic>& diagnostics, std::uint32_t file) {
  std::string after = "'ranking'";
  while (true) {
    const TestToken* name = line.expect(TokenKind::word, "a strategy after " + after);
    if (!name) return false;
    for (const auto& earlier : expect.names) {
      if (earlier.text == name->text) {
        diagnostics.push_back(
            {Severity::error, {file, name->begin, name->end}, "'" + name->text + "' appears twice in the ranking", {}});
        return false;
      }
    }
    expect.names.push_back(*name);
    if (line.at_end()) return true;
    if (!line.expect_symbol(",", "',' or end of line after '" + name->text + "'")) return false;
    after = "','";
  }
}

bool read_score(LineReader& line, ExpectSyntax& expect) {
  const TestToken* strategy = line.expect(TokenKind::word, "a strategy after 'score'");
  if (!strategy) return false;
  expect.names.push_back(*strategy);
  const auto comparison = comparison_of(line.peek());
  if (!comparison) {
    line.fail("expected a comparison (=, !=, <, <=, > or >=) after '" + strategy->text + "'");
    return false;
  }
  const TestToken& op = line.take();
  expect.comparison = *comparison;
  const TestToken* number = line.expect(TokenKind::number, "a number after '" + op.text + "'");
  if (!number) return false;
  expect.literal = *number;
  return line.expect_end("the number");
}

bool read_output(LineReader& line, ExpectSyntax& expect) {
  const TestToken* output = line.expect(TokenKind::word, "an output after 'output'");
  if (!output) return false;
  expect.names.push_back(*output);
  if (!line.expect_symbol("=", "'=' after '" + output->text + "'")) return false;
  if (!is_value(line.peek())) {
    line.fail(std::string("expected ") + kValueKinds + " after '='");
    return false;
  }
  expect.literal = line.take();
  return line.expect_end("the value");
}

// Everything after `expect` (already read).
bool read_expect(LineReader& line, ExpectSyntax& expect, std::vector<Diagnostic>& diagnostics, std::uint32_t file) {
  const TestToken* first = line.peek();
  if (!first || first->kind != TokenKind::word) {
    line.fail(std::string("expected what to check after 'expect' (") + kExpectForms + ")");
    return false;
  }
  if (starts_strategy_form(line)) return read_strategy_form(line, expect);
  const std::string keyword = first->text;
  if (keyword == "ranking") {
    line.take();
    expect.kind = ExpectationKind::ranking;
    return read_ranking(line, expect, diagnostics, file);
  }
  if (keyword == "score") {
    line.take();
    expect.kind = ExpectationKind::score;
    return read_score(line, expect);
  }
  if (keyword == "advice") {
    line.take();
    expect.kind = ExpectationKind::advice;
    return read_one_name(line, expect, "an advice id", "advice");
  }
  if (keyword == "fired") {
    line.take();
    expect.kind = ExpectationKind::fired;
    return read_one_name(line, expect, "a rule", "fired");
  }
  if (keyword == "output") {
    line.take();
    expect.kind = ExpectationKind::output;
    return read_output(line, expect);
  }
  if (keyword == "missing") {
    line.take();
    expect.kind = ExpectationKind::missing;
    return read_one_name(line, expect, "a fact", "missing");
  }
  if (keyword == "not") {
    line.take();
    if (!line.accept_word("fired")) {
      line.fail("expected 'fired' after 'not'");
      return false;
    }
    expect.kind = ExpectationKind::not_fired;
    return read_one_name(line, expect, "a rule", "fired");
  }
  if (keyword == "no") {
    line.take();
    if (line.accept_word("advice")) {
      expect.kind = ExpectationKind::no_advice;
      return read_one_name(line, expect, "an advice id", "advice");
    }
    if (line.accept_word("missing")) {
      expect.kind = ExpectationKind::no_missing;
      return line.expect_end("'no missing'");
    }
    if (line.accept_word("faults")) {
      expect.kind = ExpectationKind::no_faults;
      return line.expect_end("'no faults'");
    }
    line.fail("expected 'advice', 'missing' or 'faults' after 'no'");
    return false;
  }
  // A strategy with no form after it, or a misspelt form.
  line.take();
  line.fail(std::string("expected ") + kStrategyForms + " after '" + keyword + "'");
  return false;
}

// The state of the file being read: the tests so far, and the bookkeeping for the checks made
// once a test ends.
class FileReader {
 public:
  FileReader(std::string_view text, std::uint32_t file, std::vector<Diagnostic>& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {}

  std::vector<TestSyntax> read() {
    std::uint32_t begin = text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const auto size = static_cast<std::uint32_t>(text_.size());
    while (begin <= size) {
      std::uint32_t end = begin;
      while (end < size && text_[end] != '\n') ++end;
      read_line(begin, end);
      if (end == size) break;
      begin = end + 1;
    }
    finish_test();
    return std::move(tests_);
  }

 private:
  void error(std::uint32_t begin, std::uint32_t end, std::string message, std::vector<DiagnosticNote> notes = {}) {
    diagnostics_.push_back({Severity::error, {file_, begin, end}, std::move(message), std::move(notes)});
  }

  void read_line(std::uint32_t begin, std::uint32_t end) {
    LexedLine lexed = lex_test_line(text_, begin, end, file_);
    const bool starts_expect =
        !lexed.tokens.empty() && lexed.tokens[0].kind == TokenKind::word && lexed.tokens[0].text == "expect";
    if (starts_expect && in_test_) ++expect_lines_;  // even when the line has an error: no second error for it
    if (lexed.error) {
      diagnostics_.push_back(std::move(*lexed.error));
      return;
    }
    if (lexed.tokens.empty()) return;
    // A missing token is reported just after the last one (before any comment).
    LineReader line(lexed.tokens, file_, lexed.tokens.back().end, diagnostics_);
    const TestToken& keyword = line.take();
    const bool known_keyword = keyword.kind == TokenKind::word && (keyword.text == "test" || keyword.text == "case" ||
                                                                   keyword.text == "given" || keyword.text == "expect");
    if (!known_keyword) {
      error(keyword.begin, keyword.end,
            "expected 'test', 'case', 'given' or 'expect' at the start of the line, got " + describe_token(&keyword));
      return;
    }
    if (keyword.text == "test") {
      read_test(line);
      return;
    }
    if (broken_test_) return;  // its `test` line had an error: already reported
    if (!in_test_) {
      error(keyword.begin, keyword.end,
            "'" + keyword.text + "' before the first test (start a test with: test \"NAME\")");
      return;
    }
    TestSyntax& test = tests_.back();
    if (keyword.text == "case") {
      read_case(line, keyword, test);
    } else if (keyword.text == "given") {
      read_givens(line, test.givens);
    } else {
      ExpectSyntax expect;
      if (read_expect(line, expect, diagnostics_, file_)) {
        expect.begin = keyword.begin;
        expect.end = line.last().end;
        test.expects.push_back(std::move(expect));
      }
    }
  }

  void read_test(LineReader& line) {
    finish_test();
    broken_test_ = true;
    const TestToken* name = line.expect(TokenKind::string, "the test's name in quotes after 'test'");
    if (!name) return;
    if (!line.expect_end("the test's name")) return;
    if (name->value.empty()) {
      error(name->begin, name->end, "a test needs a name");
      return;
    }
    broken_test_ = false;
    for (const auto& earlier : tests_) {
      if (earlier.name == name->value) {
        error(name->begin, name->end, "test \"" + name->value + "\" is declared twice",
              {{{file_, earlier.name_begin, earlier.name_end}, "first declared here"}});
        break;
      }
    }
    TestSyntax test;
    test.name = name->value;
    test.name_begin = name->begin;
    test.name_end = name->end;
    tests_.push_back(std::move(test));
    in_test_ = true;
    expect_lines_ = 0;
  }

  void read_case(LineReader& line, const TestToken& keyword, TestSyntax& test) {
    const TestToken* path = line.expect(TokenKind::string, "the case file's path in quotes after 'case'");
    if (!path || !line.expect_end("the case file's path")) return;
    if (test.case_path) {
      error(keyword.begin, path->end, "test \"" + test.name + "\" already has a case file",
            {{{file_, test.case_path->begin, test.case_path->end}, "the first case file"}});
      return;
    }
    test.case_path = *path;
  }

  // Checks made when a test ends (at the next `test` line or the end of the file).
  void finish_test() {
    if (in_test_ && expect_lines_ == 0) {
      const TestSyntax& test = tests_.back();
      error(test.name_begin, test.name_end, "test \"" + test.name + "\" has no expect line");
    }
    in_test_ = false;
  }

  std::string_view text_;
  std::uint32_t file_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<TestSyntax> tests_;
  bool in_test_ = false;      // a valid `test` line was read and no other `test` line since
  bool broken_test_ = false;  // the last `test` line had an error: the lines after it are not checked
  std::size_t expect_lines_ = 0;
};

}  // namespace

std::vector<TestSyntax> parse_test_file(std::string_view text, std::uint32_t file,
                                        std::vector<Diagnostic>& diagnostics) {
  return FileReader(text, file, diagnostics).read();
}

}  // namespace forbear::detail
