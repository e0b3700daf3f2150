// forbear::format_rules on what cannot be formatted (syntax errors, invalid UTF-8), and the pieces
// the formatter is built from: comment attachment, number spelling, the parse-tree comparison that
// guards every result, and the --check difference report.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dsl/parser.hpp"
#include "forbear/format.hpp"
#include "format/lexer.hpp"
#include "format/number_spelling.hpp"
#include "format/text_difference.hpp"
#include "format/tree_equality.hpp"

using forbear::format_rules;
namespace fmt = forbear::detail::format;

namespace {

forbear::dsl::pt::File parsed(const std::string& text) {
  std::vector<forbear::Diagnostic> diagnostics;
  auto tree = forbear::dsl::parse(text, 0, diagnostics);
  REQUIRE(diagnostics.empty());
  return tree;
}

}  // namespace

TEST_CASE("a file with a syntax error is not formatted; its diagnostics say where and what", "[format]") {
  const auto result = format_rules("fact a: int\nrule r when a > then s += 1\nlet b = a\n", "broken.rules");
  CHECK_FALSE(result.ok());
  CHECK_FALSE(result.changed());
  CHECK(result.rendered_diagnostics() == 
        "broken.rules:2:17: error: expected operand, got 'then'\n"
        "    2 | rule r when a > then s += 1\n"
        "      |                 ^~~~\n");
}

TEST_CASE("every syntax error of a file is reported, not just the first", "[format]") {
  const auto result = format_rules("fact a int\nlet b = \nlet c = a\n", "two.rules");
  CHECK_FALSE(result.ok());
  CHECK(result.rendered_diagnostics() == 
        "two.rules:1:8: error: expected ':' and a type after the fact's name, got 'int'\n"
        "    1 | fact a int\n"
        "      |        ^~~\n"
        "two.rules:3:1: error: expected expression, got 'let'\n"
        "    3 | let c = a\n"
        "      | ^~~\n");
}

TEST_CASE("a file that is not UTF-8 is not formatted", "[format]") {
  const auto result = format_rules("fact a: int # caf\xE9\n", "latin1.rules");
  CHECK_FALSE(result.ok());
  CHECK(result.rendered_diagnostics() ==
        "latin1.rules:1:18: error: invalid UTF-8: byte 0xE9 (rule files must be UTF-8)\n"
        "    1 | fact a: int # caf\xE9\n"
        "      |                  ^\n");
}

TEST_CASE("changed() tells a formatted file from one that needs formatting", "[format]") {
  CHECK_FALSE(format_rules("fact a: int\n").changed());
  const auto result = format_rules("fact a:int");
  REQUIRE(result.ok());
  CHECK(result.changed());
  CHECK(*result.text == "fact a: int\n");
}

TEST_CASE("comments attach to the token before them on its line, or to the token after them", "[format][lexer]") {
  const auto lexed = fmt::lex("# head\n\n# second\nfact a: int # after int\n\n\nlet b = a\n# tail\n");
  REQUIRE_FALSE(lexed.error);
  const auto& tokens = lexed.stream.tokens;
  REQUIRE(tokens.size() == 8);
  CHECK(tokens[0].text == "fact");
  REQUIRE(tokens[0].leading.size() == 2);
  CHECK(tokens[0].leading[0].text == "# head");
  CHECK(tokens[0].leading[1].text == "# second");
  CHECK(tokens[0].leading[1].blank_line_before);
  CHECK_FALSE(tokens[0].blank_line_before);
  CHECK(tokens[3].text == "int");
  CHECK(tokens[3].trailing == "# after int");
  CHECK(tokens[4].text == "let");
  CHECK(tokens[4].blank_line_before);
  REQUIRE(lexed.stream.final_comments.size() == 1);
  CHECK(lexed.stream.final_comments[0].text == "# tail");
}

TEST_CASE("two-character operators, dotted ids, numbers and ranges lex as the grammar reads them", "[format][lexer]") {
  const auto lexed = fmt::lex("a+=1 b<=-2 advise doc.x 0..5 1.25 \"q\\\"#\" c");
  REQUIRE_FALSE(lexed.error);
  std::vector<std::string> texts;
  for (const auto& token : lexed.stream.tokens) texts.push_back(token.text);
  CHECK(texts == std::vector<std::string>{"a", "+=", "1", "b", "<=", "-", "2", "advise", "doc.x", "0", "..", "5",
                                          "1.25", "\"q\\\"#\"", "c"});
  CHECK(lexed.stream.final_comments.empty());
}

TEST_CASE("number spelling loses leading zeros of the whole part only", "[format]") {
  CHECK(fmt::canonical_number("007") == "7");
  CHECK(fmt::canonical_number("0") == "0");
  CHECK(fmt::canonical_number("000") == "0");
  CHECK(fmt::canonical_number("00.50") == "0.50");
  CHECK(fmt::canonical_number("010.0") == "10.0");
  CHECK(fmt::canonical_number("1.000000") == "1.000000");
}

TEST_CASE("the parse-tree comparison ignores layout and sees every change of meaning", "[format]") {
  const std::string base = "fact a: int in 0..9 = 1 \"d\"\nlet b = a + 1\nrule r when b > 1 then s += 2 source \"x\"\n";
  CHECK(fmt::same_declarations(parsed(base), parsed("fact  a :int in 0 .. 9=01 \"d\" let b=a+1 rule r\n when b>1 then s+=02 source \"x\"")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("fact a: int in 0..9 = 1 \"d\"\nlet b = a - 1\nrule r when b > 1 then s += 2 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("fact a: int in 0..8 = 1 \"d\"\nlet b = a + 1\nrule r when b > 1 then s += 2 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("fact a: int in 0..9 = 1 \"e\"\nlet b = a + 1\nrule r when b > 1 then s += 2 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("fact a: int in 0..9 = 1 \"d\"\nlet b = a + 1\nrule r when b > 1 then s -= 2 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("fact a: int in 0..9 = 1 \"d\"\nlet b = a + 1\nrule r when b > 1 then s += 2.0 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed(base), parsed("let b = a + 1\nfact a: int in 0..9 = 1 \"d\"\nrule r when b > 1 then s += 2 source \"x\"\n")));
  CHECK_FALSE(fmt::same_declarations(parsed("let x = (a + b) * c"), parsed("let x = a + b * c")));
}

TEST_CASE("the --check report shows the first differing lines", "[format]") {
  CHECK(fmt::describe_difference("x.rules", "same\n", "same\n").empty());
  CHECK(fmt::describe_difference("x.rules", "fact a: int\nlet b=a\nlet c = b\n", "fact a: int\nlet b = a\nlet c = b\n") ==
        "x.rules:2: not formatted\n-let b=a\n+let b = a\n");
  CHECK(fmt::describe_difference("x.rules", "\xEF\xBB\xBF" "fact a: int\r\n", "fact a: int\n") ==
        "x.rules:1: not formatted\n-\\uFEFFfact a: int\\r\n+fact a: int\n");
  CHECK(fmt::describe_difference("x.rules", "let a = 1", "let a = 1\n") ==
        "x.rules:1: not formatted\n-let a = 1\n\\ no newline at end of file\n+let a = 1\n");
  CHECK(fmt::describe_difference("x.rules", "a\n\tb\nc\nd\ne\nf\n", "a\nb\nc2\nd2\ne2\nf\n", 2) ==
        "x.rules:2: not formatted\n-\\tb\n-c\n+b\n+c2\n...\n");
}
