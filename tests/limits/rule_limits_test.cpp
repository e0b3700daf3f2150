// Hostile rule files: each limit of forbear::Limits is refused with a clear error at the right place,
// deep nesting of every form cannot overflow the stack, and odd bytes (BOM, CRLF, tabs, NUL,
// control characters, invalid UTF-8) are read or refused as documented in docs/en/hostile-input.md.

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"
#include "support/temp_dir.hpp"

namespace {

using forbear::Limits;
using forbear::LoadResult;

constexpr int kDeep = 100'000;

const std::string kHead = "ruleset t version \"1\"\nfact x: int\nfact b: bool\nstrategy s { en: \"S\" }\n";

// Every error as "LINE:COLUMN: message" ("-: message" when it has no place); warnings (say, of a
// fact left unused) are not what these tests are about.
std::vector<std::string> messages(const LoadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) {
    if (d.severity != forbear::Severity::error) continue;
    if (d.span.file >= result.sources.size()) {
      out.push_back("-: " + d.message);
      continue;
    }
    const auto where = forbear::locate(result.sources[d.span.file].text, d.span.begin);
    out.push_back(std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + d.message);
  }
  return out;
}

std::string repeat(const std::string& piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const std::string kTooDeep = "expression nested deeper than 64 levels (the limit); split it into 'let' values";

// A limit on line length that lets an expression of kDeep levels stand on one line.
Limits long_lines() {
  Limits limits;
  limits.max_line_bytes = 100 * kDeep;
  limits.max_string_bytes = 100 * kDeep;
  return limits;
}

}  // namespace

TEST_CASE("limits: 100,000 levels of each nesting form are refused at the level past the limit", "[limits]") {
  // Each form nests one level per line (the first on line 6), so the error's line tells which level
  // was refused: the 65th parenthesis, `-`, call or `not` is on line 70 and its operand, refused, on
  // line 71; the 65th `if` is on line 70, refused at its condition; in a chain the 64th operator (line
  // 69) makes the tree 65 levels deep and is refused at its right operand.
  struct Form {
    const char* name;
    std::string text;
    std::string where;  // LINE:COLUMN of the refused level
  };
  const std::vector<Form> forms = {
      {"parentheses", "let v =\n" + repeat("(\n", kDeep) + "x" + repeat(")\n", kDeep), "71:1"},
      {"not", "let v =\n" + repeat("not\n", kDeep) + "b\n", "71:1"},
      {"unary minus", "let v =\n" + repeat("-\n", kDeep) + "x\n", "71:1"},
      {"a + chain", "let v = x\n" + repeat("+ x\n", kDeep), "69:3"},
      {"an and chain", "let v = b\n" + repeat("and b\n", kDeep), "69:5"},
      {"an or chain", "let v = b\n" + repeat("or b\n", kDeep), "69:4"},
      {"a * chain", "let v = x\n" + repeat("* x\n", kDeep), "69:3"},
      {"if", "let v =\n" + repeat("if b then\n", kDeep) + "1\n" + repeat("else 2\n", kDeep), "70:4"},
      {"calls", "let v =\n" + repeat("abs(\n", kDeep) + "x" + repeat(")\n", kDeep), "71:1"},
      {"a set element", "let v = x in {\n" + repeat("(\n", kDeep) + "1" + repeat(")\n", kDeep) + "}\n", "71:1"},
      {"a rule condition", "rule r when\n" + repeat("(\n", kDeep) + "b" + repeat(")\n", kDeep) + "then s += 1\n", "71:1"},
      {"a fact default", "fact y: int =\n" + repeat("-\n", kDeep) + "1\n", "71:1"},
      {"a range bound", "fact y: int in\n" + repeat("-\n", kDeep) + "1..5\n", "71:1"},
  };
  for (const auto& form : forms) {
    INFO(form.name);
    const auto result = forbear::load_rules_from_string(kHead + form.text + "let after = x +\n", "deep.rules");
    CHECK_FALSE(result.ok());
    const auto got = messages(result);
    REQUIRE(got.size() == 2);
    CHECK(got[0] == form.where + ": " + kTooDeep);
    // Parsing resumes at the next declaration, which is checked as usual.
    CHECK(got[1].find(": expected operand, got end of input") != std::string::npos);
  }
}

TEST_CASE("limits: deep nesting on one long line is refused the same way", "[limits]") {
  const std::vector<std::pair<const char*, std::string>> forms = {
      {"parentheses", std::string(kDeep, '(') + "x" + std::string(kDeep, ')')},
      {"not", repeat("not ", kDeep) + "b"},
      {"unary minus", repeat("- ", kDeep) + "x"},
      {"a + chain", "x" + repeat(" + x", kDeep)},
      {"if", repeat("if b then ", kDeep) + "1" + repeat(" else 2", kDeep)},
  };
  for (const auto& [name, expression] : forms) {
    INFO(name);
    const auto result = forbear::load_rules_from_string(kHead + "let v = " + expression + "\n", "deep.rules", long_lines());
    const auto got = messages(result);
    REQUIRE(got.size() == 1);
    CHECK(got[0].substr(0, 2) == "5:");
    CHECK(got[0].substr(got[0].find(' ') + 1) == kTooDeep);
  }
}

TEST_CASE("limits: nesting up to the limit loads, evaluates and traces", "[limits]") {
  // 63 parentheses: the expression inside is at level 64.
  const std::string parentheses = std::string(63, '(') + "x" + std::string(63, ')');
  // x + x + ... with 64 operands: 63 operators, the deepest operand at level 64.
  const std::string chain = "x" + repeat(" + x", 63);
  const std::string nots = repeat("not ", 63) + "b";
  const auto rules = forbear::test::load(kHead + "output p = " + parentheses + "\noutput c = " + chain +
                                             "\noutput n = " + nots + "\nrule r when " + nots + " then s += 1\n");
  const auto result = forbear::test::run(rules, {{"x", 2}, {"b", true}});
  CHECK(forbear::test::output(result, "p") == nlohmann::json(2));
  CHECK(forbear::test::output(result, "c") == nlohmann::json(128));
  CHECK(forbear::test::output(result, "n") == nlohmann::json(false));  // 63 negations of true
  CHECK(forbear::test::trace_of(result, "r").status == "not_fired");
  const auto text = forbear::render_text(result, "en");
  CHECK_THAT(text, Catch::Contains("not not not b (true)"));

  // One more level is refused.
  const auto deeper = forbear::load_rules_from_string(kHead + "let c = " + chain + " + x\n", "t.rules");
  CHECK(messages(deeper) == std::vector<std::string>{"5:265: " + kTooDeep});
}

TEST_CASE("limits: the depth limit is the host's to set", "[limits]") {
  Limits limits;
  limits.max_expression_depth = 3;
  const auto shallow = forbear::load_rules_from_string(kHead + "let v = (x + 1) * 2\n", "t.rules", limits);
  CHECK(shallow.ok());
  const auto deeper = forbear::load_rules_from_string(kHead + "let v = ((x + 1) * 2) - 3\n", "t.rules", limits);
  CHECK(messages(deeper) ==
        std::vector<std::string>{"5:25: expression nested deeper than 3 levels (the limit); split it into 'let' values"});

  limits.max_expression_depth = 200;
  const auto raised = forbear::load_rules_from_string(kHead + "let v = x" + repeat(" + x", 150) + "\n", "t.rules", limits);
  CHECK(raised.ok());
}

TEST_CASE("limits: strings, lines and files longer than the limits", "[limits]") {
  SECTION("a string longer than the limit is refused at its opening quote") {
    Limits limits;
    limits.max_string_bytes = 10;
    const auto fits = forbear::load_rules_from_string(kHead + "strategy a { en: \"0123456789\" }\n", "t.rules", limits);
    CHECK(fits.ok());
    const auto over = forbear::load_rules_from_string(kHead + "strategy a { en: \"01234567890\" }\n", "t.rules", limits);
    CHECK(messages(over) == std::vector<std::string>{"5:18: string of 11 bytes, longer than the limit of 10 bytes"});
  }
  SECTION("the default string limit is 8 KiB") {
    const auto over = forbear::load_rules_from_string(kHead + "strategy a { en: \"" + std::string(8193, 'a') + "\" }\n", "t.rules");
    CHECK(messages(over) == std::vector<std::string>{"5:18: string of 8193 bytes, longer than the limit of 8192 bytes"});
  }
  SECTION("a line longer than the limit names its number (the line is not printed)") {
    Limits limits;
    limits.max_line_bytes = 40;
    const std::string line = "let v = x + 1" + std::string(30, ' ');  // 43 bytes
    const auto over = forbear::load_rules_from_string(kHead + line + "\r\n", "t.rules", limits);
    CHECK(messages(over) == std::vector<std::string>{"-: rule file 't.rules', line 5 is 43 bytes long, longer than the limit of 40 bytes"});
    CHECK(over.rendered_diagnostics() == "forbear: error: rule file 't.rules', line 5 is 43 bytes long, longer than the limit of 40 bytes\n");
    // The CR of a CRLF line end is not part of the line.
    const auto fits = forbear::load_rules_from_string(kHead + line.substr(0, 40) + "\r\n", "t.rules", limits);
    CHECK(fits.ok());
  }
  SECTION("a rule text larger than the file limit") {
    Limits limits;
    limits.max_rule_file_bytes = 64;
    const auto over = forbear::load_rules_from_string(kHead + "let v = x\n", "big.rules", limits);
    CHECK(messages(over) == std::vector<std::string>{"-: rule file 'big.rules' is larger than the limit of 64 bytes"});
  }
  SECTION("a rule file larger than the file limit is not read beyond it") {
    forbear::test::TempDir dir;
    dir.write("big.rules", kHead + std::string(1000, '#') + "\n");
    Limits limits;
    limits.max_rule_file_bytes = 200;
    const auto over = forbear::load_rules({dir.path() / "big.rules"}, limits);
    CHECK(messages(over) ==
          std::vector<std::string>{"-: rule file '" + (dir.path() / "big.rules").string() + "' is larger than the limit of 200 bytes"});
  }
  SECTION("rule files that together pass the rule set limit") {
    forbear::test::TempDir dir;
    dir.write("a.rules", kHead);
    dir.write("b.rules", "let v = x\n");
    Limits limits;
    limits.max_rule_set_bytes = kHead.size() + 5;
    const auto over = forbear::load_rules({dir.path()}, limits);
    CHECK(messages(over) == std::vector<std::string>{"-: the rule files together are larger than the limit of " +
                                                     std::to_string(kHead.size() + 5) + " bytes ('" +
                                                     (dir.path() / "b.rules").string() + "' passes it)"});
  }
  SECTION("more rule files than the limit") {
    forbear::test::TempDir dir;
    dir.write("a.rules", kHead);
    dir.write("b.rules", "let v = x\n");
    dir.write("c.rules", "let w = x\n");
    Limits limits;
    limits.max_rule_files = 2;
    const auto over = forbear::load_rules({dir.path()}, limits);
    CHECK(messages(over) == std::vector<std::string>{"-: more than 2 rule files (the limit); '" + (dir.path() / "c.rules").string() +
                                                     "' and any after it are not read"});
  }
  SECTION("a device that never ends is read only up to the limit") {
    Limits limits;
    limits.max_rule_file_bytes = 1000;
    const auto over = forbear::load_rules({"/dev/zero"}, limits);
    CHECK(messages(over) == std::vector<std::string>{"-: rule file '/dev/zero' is larger than the limit of 1000 bytes"});
  }
}

TEST_CASE("limits: more rules or facts than the limits", "[limits]") {
  Limits limits;
  limits.max_rules = 3;
  limits.max_facts = 2;
  const std::string three_rules = "rule r1 when b then s += 1\nrule r2 when b then s += 1\nrule r3 when b then s += 1\n";
  CHECK(forbear::load_rules_from_string(kHead + three_rules, "t.rules", limits).ok());
  const auto too_many_rules = forbear::load_rules_from_string(kHead + three_rules + "rule r4 when b then s += 1\n", "t.rules", limits);
  CHECK(messages(too_many_rules) == std::vector<std::string>{"8:1: more than 3 rules in the rule set (the limit)"});
  const auto too_many_facts = forbear::load_rules_from_string(kHead + "fact y: int\n", "t.rules", limits);
  CHECK(messages(too_many_facts) == std::vector<std::string>{"5:1: more than 2 facts in the rule set (the limit)"});
}

TEST_CASE("limits: a file of nothing but errors reports the first ones and how many more", "[limits]") {
  Limits limits;
  limits.max_diagnostics = 3;
  const auto result = forbear::load_rules_from_string(repeat("?\n", 10), "t.rules", limits);
  const auto got = messages(result);
  REQUIRE(got.size() == 4);
  CHECK(got[0] == "1:1: expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got '?'");
  CHECK(got[2].substr(0, 4) == "3:1:");
  CHECK(got[3] == "-: 7 more errors and warnings not shown (the limit is 3)");

  // 200,000 bad lines under the default limit of 1,000 diagnostics: quick, and bounded.
  const auto many = forbear::load_rules_from_string(repeat("?\n", 200'000), "t.rules");
  REQUIRE(many.diagnostics.size() == 1001);
  CHECK(many.diagnostics.back().message == "199000 more errors and warnings not shown (the limit is 1000)");
}

TEST_CASE("limits: odd bytes in rule files", "[limits]") {
  SECTION("a byte order mark and CRLF line ends are read as plain text") {
    const std::string text = "\xEF\xBB\xBFruleset t version \"1\"\r\nfact x: int\r\nlet v = x +\r\n";
    const auto result = forbear::load_rules_from_string(text, "t.rules");
    CHECK(messages(result) == std::vector<std::string>{"3:12: expected operand, got end of input"});
    CHECK(forbear::load_rules_from_string("\xEF\xBB\xBF" + kHead + "let v = x\r\n", "t.rules").ok());
  }
  SECTION("a tab counts as one column") {
    const auto result = forbear::load_rules_from_string(kHead + "let v =\t\tx +\t?\n", "t.rules");
    CHECK(messages(result) == std::vector<std::string>{"5:14: expected operand, got '?'"});
    CHECK_THAT(result.rendered_diagnostics(), Catch::Contains("    5 | let v =\t\tx +\t?\n      |        \t\t   \t^\n"));
  }
  SECTION("a NUL byte outside a string is a syntax error at its place") {
    const auto result = forbear::load_rules_from_string(kHead + "let v = x" + std::string(1, '\0') + " + 1\n", "t.rules");
    CHECK(messages(result) == std::vector<std::string>{"5:10: expected declaration (fact, let, output, strategy, advice, rule, "
                                                       "ruleset or include), got control character 0x00"});
  }
  SECTION("a NUL or another control character inside a string is refused at its place") {
    const auto nul = forbear::load_rules_from_string(kHead + "strategy a { en: \"a" + std::string(1, '\0') + "b\" }\n", "t.rules");
    CHECK(messages(nul) ==
          std::vector<std::string>{"5:20: control character 0x00 in a string (write \\n for a line break, \\t for a tab)"});
    const auto escape = forbear::load_rules_from_string(kHead + "strategy a { en: \"\x1B[31mred\" }\n", "t.rules");
    CHECK(messages(escape) ==
          std::vector<std::string>{"5:19: control character 0x1B in a string (write \\n for a line break, \\t for a tab)"});
    // A tab in a string is text.
    CHECK(forbear::load_rules_from_string(kHead + "strategy a { en: \"a\tb\" }\n", "t.rules").ok());
  }
  SECTION("a NUL byte in a comment is harmless") {
    CHECK(forbear::load_rules_from_string(kHead + "# a" + std::string(1, '\0') + "b\n", "t.rules").ok());
  }
  SECTION("invalid UTF-8 is refused at the first bad byte") {
    const auto result = forbear::load_rules_from_string(kHead + "# caf\xE9\n", "t.rules");
    CHECK(messages(result) == std::vector<std::string>{"5:6: invalid UTF-8: byte 0xE9 (rule files must be UTF-8)"});
  }
}

TEST_CASE("limits: 'did you mean' stops after 1,000 errors, so that thousands of misspellings stay quick", "[limits]") {
  // 2,000 facts f0..f1999 and 2,000 rules that each misspell one of them (g0..g1999).
  std::string text = "ruleset t version \"1\"\nstrategy s { en: \"S\" }\n";
  for (int i = 0; i < 2000; ++i) text += "fact f" + std::to_string(i) + ": int\n";
  for (int i = 0; i < 2000; ++i) text += "rule r" + std::to_string(i) + " when g" + std::to_string(i) + " > 1 then s += 1 because \".\" source \"s\"\n";
  Limits limits;
  limits.max_diagnostics = 5000;
  const auto result = forbear::load_rules_from_string(text, "t.rules", limits);
  std::vector<std::string> errors;
  for (const auto& d : result.diagnostics) {
    if (d.severity == forbear::Severity::error) errors.push_back(d.message);
  }
  REQUIRE(errors.size() == 2000);
  CHECK(errors[0] == "unknown name 'g0' (did you mean 'f0'?)");
  CHECK(errors[999] == "unknown name 'g999' (did you mean 'f999'?)");
  CHECK(errors[1000] == "unknown name 'g1000'");
  CHECK(errors[1999] == "unknown name 'g1999'");
}

TEST_CASE("limits: a chain of 100,000 lets is refused where it passes the derived-value depth", "[limits]") {
  // Each let reads the one before: v1 is two levels deep (v0 + 1), v999 is 1000 levels, v1000 is one too many.
  const auto chain = [](int length, const std::string& rule) {
    std::string text = "ruleset t version \"1\"\nstrategy s { en: \"S\" }\nfact x: int\nlet v0 = x\n";
    for (int i = 1; i < length; ++i) text += "let v" + std::to_string(i) + " = v" + std::to_string(i - 1) + " + 1\n";
    return text + rule;
  };
  const auto deep = forbear::load_rules_from_string(chain(100'000, ""), "t.rules");
  CHECK(messages(deep) == std::vector<std::string>{"1004:5: 'v1000' nests deeper than 1000 levels, counting the derived "
                                                   "values it reads (the limit); shorten the chain of 'let' values"});

  // At the limit (v998 > 5 is 1000 levels) the rule set loads; with x unknown, the missing-facts analysis walks the whole chain.
  const auto rules = forbear::test::load(chain(1000, "rule r when v998 > 5 then s += 1 because \".\" source \"s\"\n"));
  const auto unknown = forbear::test::run(rules, nlohmann::json::object());
  REQUIRE(unknown.missing.size() == 1);
  CHECK(unknown.missing[0].fact == "x");
  CHECK(forbear::test::trace_of(forbear::test::run(rules, {{"x", 1}}), "r").status == "fired");

  // A rule's condition counts too; and the host sets the limit.
  Limits limits;
  limits.max_derived_depth = 10;
  const auto rule_too_deep = forbear::load_rules_from_string(chain(9, "rule r when v8 + 1 > 5 then s += 1 because \".\" source \"s\"\n"), "t.rules", limits);
  CHECK(messages(rule_too_deep) == std::vector<std::string>{"13:1: the condition of rule 'r' nests deeper than 10 levels, counting "
                                                            "the derived values it reads (the limit); shorten the chain of 'let' values"});
  CHECK(forbear::load_rules_from_string(chain(9, "rule r when v8 > 5 then s += 1\n"), "t.rules", limits).ok());
}
