// The checker: name resolution, types, declarations, labels and templates, with the exact message
// and place of every error and warning; and the typo suggestions (closest_match, did_you_mean).

#include "check/checker.hpp"
#include "check/suggest.hpp"
#include "model/program.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "forbear/ruleset.hpp"
#include "support/advice_helpers.hpp"

using forbear::Diagnostic;
using forbear::Severity;
using Catch::Matchers::UnorderedEquals;
namespace detail = forbear::detail;

namespace {

using Strings = std::vector<std::string>;
using forbear::test::load;

std::string where(std::string_view text, std::uint32_t offset) {
  const auto at = forbear::locate(text, offset);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

// Every diagnostic of loading `text` as "LINE:COLUMN: severity: message", each note after its
// diagnostic as "  LINE:COLUMN: note: message".
Strings diagnostics(std::string_view text) {
  static const char* const kSeverity[] = {"error", "warning", "note"};
  const forbear::LoadResult result = forbear::load_rules_from_string(text, "t.rules", forbear::LoadOptions{.lint = true});
  Strings out;
  for (const Diagnostic& d : result.diagnostics) {
    out.push_back(where(text, d.span.begin) + ": " + kSeverity[static_cast<int>(d.severity)] + ": " + d.message);
    for (const auto& note : d.notes) out.push_back("  " + where(text, note.span.begin) + ": note: " + note.message);
  }
  CHECK(result.ok() == !forbear::has_errors(result.diagnostics));
  return out;
}

// Facts of every type for the expression tests; they are on lines 2 to 7, the let on line 8.
constexpr const char* kFacts =
    "ruleset t version \"1\"\n"
    "fact i: int\n"
    "fact n: number\n"
    "fact b: bool\n"
    "fact s: text\n"
    "fact hardship: enum(none, illness, job_loss)\n"
    "fact colour: enum(red, green)\n";

// The errors for `let v = EXPR` after kFacts, as "COLUMN: message" (column 9 is where EXPR starts).
// Warnings are left out: the lint pass (src/lint) rightly finds the facts and `v` unused.
Strings let_errors(const std::string& expression) {
  const std::string text = std::string(kFacts) + "let v = " + expression + "\n";
  const forbear::LoadResult result = forbear::load_rules_from_string(text, "t.rules");
  Strings out;
  for (const Diagnostic& d : result.diagnostics) {
    if (d.severity == Severity::warning) continue;
    const auto at = forbear::locate(text, d.span.begin);
    CHECK(d.severity == Severity::error);
    CHECK(at.line == 8);
    out.push_back(std::to_string(at.column) + ": " + d.message);
  }
  CHECK(result.ok() == out.empty());
  return out;
}

// The type of `let v = EXPR` after kFacts, as the language writes it.
std::string let_type(const std::string& expression) {
  const std::string text = std::string(kFacts) + "let v = " + expression + "\n";
  const forbear::LoadResult result = forbear::load_rules_from_string(text, "t.rules");
  INFO(expression << "\n" << result.rendered_diagnostics());
  REQUIRE(result.ok());
  const detail::Program& program = result.rules->program();
  const detail::ValueInfo& value = program.values.back();
  REQUIRE(value.name == "v");
  return program.type_name(value.type);
}

}  // namespace

TEST_CASE("checker: a clean rule set has no diagnostics and compiles", "[check]") {
  const std::string text =
      "ruleset demo version \"1.0 \\\"beta\\\"\"\n"
      "fact days: int \"逾期天数\"\n"
      "fact hardship: enum(none, illness) = none\n"
      "let late = days > 30\n"
      "output months = ceil(days / 30)\n"
      "strategy plan { zh: \"分期\", en: \"Plan\" }\n"
      "advice doc.proof { en: \"Proof\" }\n"
      "rule r when late and hardship == illness then plan += 1.5, advise doc.proof because \"late\" source \"s\"\n";
  CHECK(diagnostics(text).empty());
  const forbear::RuleSet rules = load(text);
  const detail::Program& program = rules.program();
  CHECK(program.name == "demo");
  CHECK(program.version == "1.0 \"beta\"");
  CHECK(program.fact_count == 2);
  REQUIRE(program.values.size() == 4);
  CHECK(program.type_name(program.values[2].type) == "bool");
  CHECK(program.values[2].kind == detail::ValueKind::let);
  CHECK(program.type_name(program.values[3].type) == "int");
  CHECK(program.values[3].kind == detail::ValueKind::output);
  REQUIRE(program.rules.size() == 1);
  REQUIRE(program.rules[0].effects.size() == 2);
  CHECK(program.rules[0].effects[0].kind == detail::EffectKind::add_points);
  CHECK(program.rules[0].effects[0].points == forbear::Decimal::from_raw(1'500'000));
  CHECK(program.rules[0].effects[1].kind == detail::EffectKind::advise);
  CHECK(program.rules[0].input_facts == std::vector<detail::Slot>{0, 1});
  REQUIRE(program.advice.size() == 1);
  CHECK(program.advice[0].kind == "doc");
  const auto facts = rules.facts();
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].type == "int");
  CHECK(facts[0].description.zh == "逾期天数");
  CHECK_FALSE(facts[0].has_default);
  CHECK(facts[1].type == "enum(none, illness)");
  CHECK(facts[1].has_default);
}

TEST_CASE("checker: unknown names, with a suggestion when one is close", "[check]") {
  CHECK(let_errors("days") == Strings{"9: unknown name 'days'"});
  CHECK(let_errors("hardshp > 1") == Strings{"9: unknown name 'hardshp' (did you mean 'hardship'?)"});
  // With the enum misspelt, its member cannot be told from an unknown name either.
  CHECK(let_errors("hardshp == none") == Strings{"9: unknown name 'hardshp' (did you mean 'hardship'?)"});
  CHECK(let_errors("colour == gren") == Strings{"19: 'gren' is not a value of enum(red, green) (did you mean 'green'?)"});
  // A name used before its declaration is fine.
  // Declared after its use: no error (the lint pass rightly says `a` is read by nothing).
  CHECK(diagnostics("ruleset t version \"1\"\nlet a = b + 1\nfact b: int\n") ==
        Strings{"2:5: warning: derived fact 'a' is not used: no rule, derived fact or text reads it; use it, remove it, or make it an 'output' to publish it"});
  // A rule's own name or a strategy is not a value.
  CHECK(diagnostics("ruleset t version \"1\"\nstrategy plan { en: \"p\" }\nlet a = plan\n") ==
        Strings{"3:9: error: unknown name 'plan'"});
}

TEST_CASE("checker: arithmetic needs numbers", "[check]") {
  CHECK(let_errors("i + s") == Strings{"9: '+' needs numbers, not int and text"});
  CHECK(let_errors("b * 2") == Strings{"9: '*' needs numbers, not bool and int"});
  CHECK(let_errors("hardship - 1") == Strings{"9: '-' needs numbers, not enum(none, illness, job_loss) and int"});
  CHECK(let_errors("n / \"2\"") == Strings{"9: '/' needs numbers, not number and text"});
  CHECK(let_errors("1 + (b + 2)") == Strings{"14: '+' needs numbers, not bool and int"});  // reported once, inside
  CHECK(let_errors("-s") == Strings{"9: '-' needs a number, not text"});
  CHECK(let_errors("-b") == Strings{"9: '-' needs a number, not bool"});
  CHECK(let_errors("i + unknown").empty());
}

TEST_CASE("checker: the types arithmetic and functions give", "[check]") {
  CHECK(let_type("i + 1") == "int");
  CHECK(let_type("i * i - 3") == "int");
  CHECK(let_type("i / 2") == "number");  // '/' always gives a number
  CHECK(let_type("i + n") == "number");
  CHECK(let_type("-n") == "number");
  CHECK(let_type("-i") == "int");
  CHECK(let_type("i + unknown") == "int");
  CHECK(let_type("min(i, 2)") == "int");
  CHECK(let_type("max(i, n)") == "number");
  CHECK(let_type("abs(-i)") == "int");
  CHECK(let_type("ceil(n)") == "int");
  CHECK(let_type("floor(i / 3)") == "int");
  CHECK(let_type("round(n)") == "int");
  CHECK(let_type("round(n, 2)") == "number");
  CHECK(let_type("round(i, 0)") == "number");
  CHECK(let_type("known(s)") == "bool");
  CHECK(let_type("i > 2 and b") == "bool");
  CHECK(let_type("hardship in {none}") == "bool");
  CHECK(let_type("if b then 1 else 2") == "int");
  CHECK(let_type("if b then 1 else 2.5") == "number");
  CHECK(let_type("if b then unknown else s") == "text");
  CHECK(let_type("if b then hardship else none") == "enum(none, illness, job_loss)");
  CHECK(let_type("\"t\"") == "text");
}

TEST_CASE("checker: logic needs bools", "[check]") {
  CHECK(let_errors("not i") == Strings{"13: 'not' needs a bool, not int"});
  CHECK(let_errors("i and b") == Strings{"9: 'and' needs a bool, not int"});
  CHECK(let_errors("b or s") == Strings{"14: 'or' needs a bool, not text"});
  // Both sides are checked.
  CHECK(let_errors("i and s") == Strings{"9: 'and' needs a bool, not int", "15: 'and' needs a bool, not text"});
  CHECK(let_errors("b and unknown or not unknown").empty());
}

TEST_CASE("checker: comparisons", "[check]") {
  CHECK(let_errors("i == s") == Strings{"9: cannot compare int with text"});
  CHECK(let_errors("b != 1") == Strings{"9: cannot compare bool with int"});
  CHECK(let_errors("hardship == colour") == Strings{"9: cannot compare enum(none, illness, job_loss) with enum(red, green)"});
  CHECK(let_errors("s < \"x\"") == Strings{"9: '<' orders numbers only; text values can be compared with == and !="});
  CHECK(let_errors("b >= true") == Strings{"9: '>=' orders numbers only; bool values can be compared with == and !="});
  CHECK(let_errors("hardship > none") ==
        Strings{"9: '>' orders numbers only; enum(none, illness, job_loss) values can be compared with == and !="});
  CHECK(let_errors("unknown <= s") == Strings{"9: '<=' orders numbers only; text values can be compared with == and !="});
  CHECK(let_errors("i == 1.5").empty());
  CHECK(let_errors("n < i").empty());
  CHECK(let_errors("s == \"x\" and b == false and s != unknown").empty());
}

TEST_CASE("checker: enum members, bare or as strings, on either side", "[check]") {
  CHECK(let_errors("hardship == illness").empty());
  CHECK(let_errors("hardship != \"job_loss\"").empty());
  CHECK(let_errors("illness == hardship").empty());
  CHECK(let_errors("\"none\" == hardship").empty());
  CHECK(let_errors("colour == red or hardship == none").empty());
  CHECK(let_errors("hardship == \"ilness\"") ==
        Strings{"21: 'ilness' is not a value of enum(none, illness, job_loss) (did you mean 'illness'?)"});
  CHECK(let_errors("\"jobloss\" == hardship") ==
        Strings{"9: 'jobloss' is not a value of enum(none, illness, job_loss) (did you mean 'job_loss'?)"});
  // A bare name that is neither a value nor a member is an unknown name; members are suggested.
  CHECK(let_errors("hardship == ilness") == Strings{"21: 'ilness' is not a value of enum(none, illness, job_loss) (did you mean 'illness'?)"});
  // Another enum's member is not a member of this one.
  CHECK(let_errors("hardship == red") == Strings{"21: 'red' is not a value of enum(none, illness, job_loss)"});
  CHECK(let_errors("hardship == \"red\"") == Strings{"21: 'red' is not a value of enum(none, illness, job_loss)"});
  // Without an enum on the other side a bare member is just an unknown name.
  CHECK(let_errors("illness") == Strings{"9: unknown name 'illness'"});
  CHECK(let_errors("s == illness") == Strings{"14: unknown name 'illness'"});
}

TEST_CASE("checker: membership sets", "[check]") {
  CHECK(let_errors("hardship in {illness, \"job_loss\"}").empty());
  CHECK(let_errors("hardship not in {none}").empty());
  CHECK(let_errors("i in {1, -2, 3.5}").empty());
  CHECK(let_errors("n in {1, 2.5}").empty());
  CHECK(let_errors("s in {\"a\", \"b\"}").empty());
  CHECK(let_errors("hardship in {none, \"jobloss\"}") ==
        Strings{"28: 'jobloss' is not a value of enum(none, illness, job_loss) (did you mean 'job_loss'?)"});
  CHECK(let_errors("hardship in {sick}") == Strings{"22: 'sick' is not a value of enum(none, illness, job_loss)"});
  CHECK(let_errors("hardship in {none, 1}") == Strings{"28: set element of type int cannot match enum(none, illness, job_loss)"});
  CHECK(let_errors("i in {1, \"two\"}") == Strings{"18: set element of type text cannot match int"});
  CHECK(let_errors("s in {\"a\", 1}") == Strings{"20: set element of type int cannot match text"});
  CHECK(let_errors("b in {true, 1}") == Strings{"21: set element of type int cannot match bool"});
  CHECK(let_errors("i in {1, i}") == Strings{"18: a set holds literal values only"});
  CHECK(let_errors("i in {1, -i}") == Strings{"18: a set holds literal values only"});
  // After one element of the wrong type, the others are not compared with the subject.
  CHECK(let_errors("i in {\"a\", \"b\"}") == Strings{"15: set element of type text cannot match int"});
  // But every element is checked by itself.
  CHECK(let_errors("i in {\"a\", j, 1.1234567}") ==
        Strings{"15: set element of type text cannot match int", "20: unknown name 'j' (did you mean 'i'?)",
                "23: number 1.1234567 has more than 6 decimal places"});
  CHECK(let_errors("b + 1 in {1}") == Strings{"9: '+' needs numbers, not bool and int"});
}

TEST_CASE("checker: if/then/else", "[check]") {
  CHECK(let_errors("if i then 1 else 2") == Strings{"12: 'if' needs a bool, not int"});
  CHECK(let_errors("if b then 1 else \"x\"") == Strings{"9: 'if' gives int in one branch and text in the other"});
  CHECK(let_errors("if b then hardship else colour") ==
        Strings{"9: 'if' gives enum(none, illness, job_loss) in one branch and enum(red, green) in the other"});
  CHECK(let_errors("if b then hardship else red") == Strings{"33: 'red' is not a value of enum(none, illness, job_loss)"});
  CHECK(let_errors("if b then unknown else unknown") == Strings{"5: the type of 'v' cannot be told from 'unknown' alone"});
  CHECK(let_errors("unknown") == Strings{"5: the type of 'v' cannot be told from 'unknown' alone"});
}

TEST_CASE("checker: functions, their arity and argument types", "[check]") {
  CHECK(let_errors("min(i)") == Strings{"9: 'min' takes at least 2 arguments, not 1"});
  CHECK(let_errors("max()") == Strings{"9: 'max' takes at least 2 arguments, not 0"});
  CHECK(let_errors("abs(i, n)") == Strings{"9: 'abs' takes 1 argument, not 2"});
  CHECK(let_errors("ceil()") == Strings{"9: 'ceil' takes 1 argument, not 0"});
  CHECK(let_errors("floor(n, 1)") == Strings{"9: 'floor' takes 1 argument, not 2"});
  CHECK(let_errors("round(n, 2, 3)") == Strings{"9: 'round' takes 1 or 2 arguments, not 3"});
  CHECK(let_errors("known(i, n)") == Strings{"9: 'known' takes 1 argument, not 2"});
  CHECK(let_errors("known()") == Strings{"9: 'known' takes 1 argument, not 0"});
  CHECK(let_errors("min(1, 2, 3, i, n)").empty());
  CHECK(let_errors("abs(\"x\")") == Strings{"13: 'abs' needs numbers, not text"});
  CHECK(let_errors("floor(b)") == Strings{"15: 'floor' needs numbers, not bool"});
  CHECK(let_errors("max(i, s)") == Strings{"16: 'max' needs numbers, not text"});
  CHECK(let_errors("known(s) and known(hardship)").empty());
  CHECK(let_errors("sqrt(i)") == Strings{"9: unknown function 'sqrt'; the functions are min, max, abs, ceil, floor, round and known"});
  CHECK(let_errors("mn(i, n)") ==
        Strings{"9: unknown function 'mn' (did you mean 'min'?); the functions are min, max, abs, ceil, floor, round and known"});
}

TEST_CASE("checker: round's places are a literal from 0 to 6", "[check]") {
  CHECK(let_errors("round(n, 7)") == Strings{"18: round's places must be a whole number from 0 to 6"});
  CHECK(let_errors("round(n, -1)") == Strings{"18: round's places must be a whole number from 0 to 6"});
  CHECK(let_errors("round(n, 2.0)") == Strings{"18: round's places must be a whole number from 0 to 6"});
  CHECK(let_errors("round(n, i)") == Strings{"18: round's places must be a whole number from 0 to 6"});
  CHECK(let_errors("round(n, 0)").empty());
  CHECK(let_errors("round(n, 6)").empty());
}

TEST_CASE("checker: number literals", "[check]") {
  CHECK(let_errors("9223372036854775807").empty());
  CHECK(let_errors("9223372036854775808") ==
        Strings{"9: integer 9223372036854775808 is too large (the largest int is 9223372036854775807)"});
  CHECK(let_errors("99999999999999999999") ==
        Strings{"9: integer 99999999999999999999 is too large (the largest int is 9223372036854775807)"});
  CHECK(let_errors("1.123456").empty());
  CHECK(let_errors("1.1234567") == Strings{"9: number 1.1234567 has more than 6 decimal places"});
  CHECK(let_errors("99999999999999.5") == Strings{"9: number 99999999999999.5 is too large for a number (about 9.2e12 at most)"});
}

TEST_CASE("checker: a rule's condition must be bool", "[check]") {
  const std::string head = std::string(kFacts) + "strategy p { en: \"p\" }\n";
  CHECK(diagnostics(head + "rule r when i + 1 then p += 1 because \"b\" source \"s\"\n") ==
        Strings{"9:13: error: a rule's condition must be bool, not int"});
  CHECK(diagnostics(head + "rule r when hardship then p += 1 because \"b\" source \"s\"\n") ==
        Strings{"9:13: error: a rule's condition must be bool, not enum(none, illness, job_loss)"});
  CHECK(diagnostics(head + "rule r when unknown then p += 1 because \"b\" source \"s\"\n") ==
        Strings{"9:13: error: a rule's condition must be bool, not unknown"});
  CHECK(diagnostics("ruleset t version \"1\"\nfact i: int\nstrategy p { en: \"p\" }\n"
                    "rule r when known(i) then p += 1 because \"b\" source \"s\"\n")
            .empty());
}

TEST_CASE("checker: effects name declared strategies and advice; points have at most 6 places", "[check]") {
  const std::string head =
      "ruleset t version \"1\"\nfact b: bool\nstrategy installment { en: \"p\" }\nadvice doc.bank_statement { en: \"a\" }\n";
  CHECK(diagnostics(head + "rule r when b then instalment += 1 because \"b\" source \"s\"\n") ==
        Strings{"5:20: error: unknown strategy 'instalment' (did you mean 'installment'?)"});
  CHECK(diagnostics(head + "rule r when b then exclude grace because \"b\" source \"s\"\n") ==
        Strings{"5:28: error: unknown strategy 'grace'"});
  CHECK(diagnostics(head + "rule r when b then advise doc.bank because \"b\" source \"s\"\n") ==
        Strings{"5:27: error: unknown advice 'doc.bank'"});
  CHECK(diagnostics(head + "rule r when b then advise doc.bank_statment because \"b\" source \"s\"\n") ==
        Strings{"5:27: error: unknown advice 'doc.bank_statment' (did you mean 'doc.bank_statement'?)"});
  // A strategy is not advice and advice is not a strategy.
  CHECK(diagnostics(head + "rule r when b then advise installment because \"b\" source \"s\"\n") ==
        Strings{"5:27: error: unknown advice 'installment'"});
  CHECK(diagnostics(head + "rule r when b then installment += 1.0000001 because \"b\" source \"s\"\n") ==
        Strings{"5:35: error: points have at most 6 decimal places, not '1.0000001'"});
  const forbear::RuleSet rules = load(head + "rule r when b then installment -= 2.25, installment += 1 because \"b\" source \"s\"\n");
  const auto& effects = rules.program().rules[0].effects;
  REQUIRE(effects.size() == 2);
  CHECK(effects[0].points == forbear::Decimal::from_raw(-2'250'000));
  CHECK(effects[1].points == forbear::Decimal::from_raw(1'000'000));
}

TEST_CASE("checker: names declared twice, with where they were first declared", "[check]") {
  const std::string text =
      "ruleset t version \"1\"\n"          // 1
      "fact a: int\n"                      // 2
      "fact a: text\n"                     // 3
      "let a = 1\n"                        // 4
      "output o = 2\n"                     // 5
      "output o = 3\n"                     // 6
      "let o = 4\n"                        // 7
      "strategy s { en: \"s\" }\n"         // 8
      "strategy s { en: \"s2\" }\n"        // 9
      "advice doc.x { en: \"x\" }\n"       // 10
      "advice doc.x { en: \"x2\" }\n"      // 11
      "rule r when a > 1 then s += 1 because \"b\" source \"s\"\n"   // 12
      "rule r when a > 2 then s += 2 because \"b\" source \"s\"\n"   // 13
      "fact e: enum(x, y, x)\n";           // 14
  CHECK(diagnostics(text) == Strings{
                                 "3:6: error: fact 'a' is declared twice",
                                 "  2:6: note: first declared here",
                                 "14:20: error: enum value 'x' is declared twice",
                                 "  14:14: note: first declared here",
                                 "4:5: error: derived fact 'a' is declared twice",
                                 "  2:6: note: first declared here",
                                 "6:8: error: output 'o' is declared twice",
                                 "  5:8: note: first declared here",
                                 "7:5: error: derived fact 'o' is declared twice",
                                 "  5:8: note: first declared here",
                                 "9:10: error: strategy 's' is declared twice",
                                 "  8:10: note: first declared here",
                                 "11:8: error: advice 'doc.x' is declared twice",
                                 "  10:8: note: first declared here",
                                 "13:6: error: rule 'r' is declared twice",
                                 "  12:6: note: first declared here",
                             });
  // A strategy and a value may share a name: they live in different name spaces.
  CHECK(diagnostics("ruleset t version \"1\"\nfact plan: int\nstrategy plan { en: \"p\" }\nadvice doc.plan { en: \"p\" }\n"
                    "rule r when plan > 0 then plan += 1, advise doc.plan because \"b\" source \"s\"\n")
            .empty());
}

TEST_CASE("checker: duplicates across files point into the other file", "[check]") {
  const auto dir = std::filesystem::temp_directory_path() / ("forbear_checker_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.rules") << "ruleset t version \"1\"\nfact amount: int\n";
  std::ofstream(dir / "b.rules") << "# second file\nfact amount: number\n";
  const forbear::LoadResult result = forbear::load_rules({dir});
  std::filesystem::remove_all(dir);
  REQUIRE(result.sources.size() == 2);
  REQUIRE(result.diagnostics.size() == 1);
  const Diagnostic& d = result.diagnostics[0];
  CHECK(d.message == "fact 'amount' is declared twice");
  CHECK(d.span.file == 1);
  CHECK(d.span.begin == 19);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].span.file == 0);
  CHECK(d.notes[0].span.begin == 27);
  CHECK(d.notes[0].message == "first declared here");
}

TEST_CASE("checker: the ruleset declaration", "[check]") {
  CHECK(diagnostics("ruleset a version \"1\"\nfact x: int\nruleset b version \"2\"\n") ==
        Strings{"3:1: error: a rule set has one 'ruleset' declaration; this is a second one", "  1:1: note: first declared here"});
  CHECK(diagnostics("fact x: int\n") ==
        Strings{"1:1: warning: no 'ruleset NAME version \"V\"' declaration: advice cannot be tied to a rule set version",
                "1:6: warning: fact 'x' is not used: no rule, derived fact or text reads it; use it in a rule or remove it"});
  const forbear::RuleSet rules = load("fact x: int\n");  // a warning does not stop loading
  CHECK(rules.name().empty());
  CHECK(rules.version().empty());
  CHECK(diagnostics("ruleset a version \"1\\q\"\n") == Strings{"1:21: error: unknown escape '\\q' (use \\\", \\\\, \\n or \\t)"});
}

TEST_CASE("checker: advice ids need a family", "[check]") {
  CHECK(diagnostics("ruleset t version \"1\"\nadvice nodot { en: \"n\" }\n") ==
        Strings{"2:8: error: advice id 'nodot' needs a family before a dot, e.g. 'doc.nodot'"});
  const forbear::RuleSet rules = load("ruleset t version \"1\"\nadvice say.plan.monthly { en: \"n\" }\n");
  CHECK(rules.program().advice[0].kind == "say");
  CHECK(rules.program().advice[0].id == "say.plan.monthly");
}

TEST_CASE("checker: rules without 'because' or 'source' get warnings", "[check]") {
  const std::string head = "ruleset t version \"1\"\nfact b: bool\nstrategy p { en: \"p\" }\n";
  CHECK(diagnostics(head + "rule bare when b then p += 1\n") ==
        Strings{"4:6: warning: rule 'bare' has no 'because': its advice cannot be explained",
                "4:6: warning: rule 'bare' cites no 'source'"});
  CHECK(diagnostics(head + "rule r when b then p += 1 because \"x\"\n") == Strings{"4:6: warning: rule 'r' cites no 'source'"});
  CHECK(diagnostics(head + "rule r when b then p += 1 source \"x\"\n") ==
        Strings{"4:6: warning: rule 'r' has no 'because': its advice cannot be explained"});
  load(head + "rule bare when b then p += 1\n");
}

TEST_CASE("checker: types of facts", "[check]") {
  CHECK(diagnostics("ruleset t version \"1\"\nfact a: flt\n") ==
        Strings{"2:9: error: unknown type 'flt'; the types are bool, int, number, text and enum(...)"});
  CHECK(diagnostics("ruleset t version \"1\"\nfact a: nmber\n") ==
        Strings{"2:9: error: unknown type 'nmber' (did you mean 'number'?); the types are bool, int, number, text and enum(...)"});
  CHECK(diagnostics("ruleset t version \"1\"\nfact a: enum\n") == Strings{"2:9: error: an enum needs its values: enum(a, b, c)"});
  CHECK(diagnostics("ruleset t version \"1\"\nfact a: int(x, y)\n") ==
        Strings{"2:9: error: only an enum takes a list of values; 'int' does not"});
}

TEST_CASE("checker: defaults of facts", "[check]") {
  const std::string head = "ruleset t version \"1\"\n";
  CHECK(diagnostics(head + "fact a: int = \"x\"\n") == Strings{"2:15: error: default of 'a' must be int, not text"});
  CHECK(diagnostics(head + "fact a: bool = 1\n") == Strings{"2:16: error: default of 'a' must be bool, not int"});
  CHECK(diagnostics(head + "fact a: int = 1.5\n") == Strings{"2:15: error: default of 'a' must be int, not number"});
  CHECK(diagnostics(head + "fact a: text = true\n") == Strings{"2:16: error: default of 'a' must be text, not bool"});
  CHECK(diagnostics(head + "fact a: enum(x, y) = \"w\"\n") == Strings{"2:22: error: 'w' is not a value of enum(x, y) (did you mean 'x'?)"});
  CHECK(diagnostics(head + "fact a: enum(x, y) = 1\n") == Strings{"2:22: error: default of 'a' must be enum(x, y), not int"});
  CHECK(diagnostics(head + "fact a: int = b\nfact b: int\n") == Strings{"2:15: error: a fact's default must be a literal value"});
  CHECK(diagnostics(head + "fact a: int = -b\nfact b: int\n") == Strings{"2:15: error: a fact's default must be a literal value"});
  CHECK(diagnostics(head + "fact a: int = -\"x\"\n") == Strings{"2:15: error: '-' needs a number, not text"});

  const forbear::RuleSet rules = load(head +
                                         "fact c: number = 2\n"
                                         "fact d: number = -2.5\n"
                                         "fact e: enum(x, y) = y\n"
                                         "fact f: enum(x, y) = \"x\"\n"
                                         "fact g: int = -7\n"
                                         "fact h: text = \"a\\tb\"\n"
                                         "fact k: bool = false\n"
                                         "fact l: int\n");
  const auto& values = rules.program().values;
  REQUIRE(values.size() == 8);
  CHECK(values[0].default_value == forbear::Value{forbear::Decimal::from_raw(2'000'000)});  // an int literal becomes a number
  CHECK(values[1].default_value == forbear::Value{forbear::Decimal::from_raw(-2'500'000)});
  CHECK(values[2].default_value == forbear::Value{forbear::EnumMember{1}});
  CHECK(values[3].default_value == forbear::Value{forbear::EnumMember{0}});
  CHECK(values[4].default_value == forbear::Value{std::int64_t{-7}});
  CHECK(values[5].default_value == forbear::Value{std::string("a\tb")});
  CHECK(values[6].default_value == forbear::Value{false});
  CHECK_FALSE(values[7].default_value.has_value());
}

TEST_CASE("checker: labels, languages and text templates", "[check]") {
  const std::string head = "ruleset t version \"1\"\nfact amount: int\nlet plan = amount / 2\n";
  CHECK(diagnostics(head + "strategy s { en: \"{amont} yuan\" }\n") ==
        Strings{"4:20: error: unknown name 'amont' in text (did you mean 'amount'?)"});
  CHECK(diagnostics(head + "advice say.x { zh: \"每月{金额}元\" }\n") == Strings{"4:24: error: unknown name '金额' in text"});
  CHECK(diagnostics(head + "strategy s { fr: \"x\", en: \"y\" }\n") ==
        Strings{"4:14: error: unknown language 'fr'; a label has 'zh' and 'en' texts"});
  CHECK(diagnostics(head + "strategy s { en: \"x\", en: \"y\" }\n") == Strings{"4:23: error: the 'en' text is given twice"});
  CHECK(diagnostics(head + "strategy s { en: \"open { brace\" }\n") ==
        Strings{"4:24: error: '{' opens a value that is never closed with '}' (write '{{' for a brace)"});
  CHECK(diagnostics(head + "strategy s { en: \"stray } brace\" }\n") ==
        Strings{"4:25: error: '}' without '{' (write '}}' for a brace)"});
  // Templates are read in every label: descriptions, because, advice.
  CHECK(diagnostics(head + "fact x: int \"{nope}\"\n") == Strings{"4:15: error: unknown name 'nope' in text"});
  CHECK(diagnostics(head + "output o = 1 { zh: \"{plam}\" }\n") ==
        Strings{"4:22: error: unknown name 'plam' in text (did you mean 'plan'?)"});
  CHECK(diagnostics(head + "strategy s { en: \"s\" }\nrule r when amount > 1 then s += 1 because { en: \"{amout}\" } source \"x\"\n") ==
        Strings{"5:52: error: unknown name 'amout' in text (did you mean 'amount'?)"});

  // The compiled template: literal text with escapes and braces resolved, values as slots.
  const forbear::RuleSet rules =
      load(head + "strategy s { zh: \"每月{plan}元\", en: \"a\\\\b {amount} \\\"q\\\" {{x}}\\tz\\n\" }\noutput o = 1 \"{plan}\"\n");
  const auto& program = rules.program();
  REQUIRE(program.strategies.size() == 1);
  const auto& zh = program.strategies[0].label.zh.pieces;
  REQUIRE(zh.size() == 3);
  CHECK(zh[0].text == "每月");
  CHECK(zh[0].slot == detail::kNone);
  CHECK(zh[1].slot == 1);  // plan
  CHECK(zh[2].text == "元");
  const auto& en = program.strategies[0].label.en.pieces;
  REQUIRE(en.size() == 3);
  CHECK(en[0].text == "a\\b ");
  CHECK(en[1].slot == 0);  // amount
  CHECK(en[2].text == " \"q\" {x}\tz\n");
  // A lone string is both languages.
  const auto& output = program.values.back();
  REQUIRE(output.name == "o");
  REQUIRE(output.description.zh.pieces.size() == 1);
  CHECK(output.description.zh.pieces[0].slot == 1);
  REQUIRE(output.description.en.pieces.size() == 1);
  CHECK(output.description.en.pieces[0].slot == 1);
}

TEST_CASE("checker: escapes in strings", "[check]") {
  const std::string head = "ruleset t version \"1\"\nfact a: int\nstrategy p { en: \"p\" }\n";
  CHECK(diagnostics(head + "fact t: text = \"a\\qb\"\n") == Strings{"4:18: error: unknown escape '\\q' (use \\\", \\\\, \\n or \\t)"});
  CHECK(diagnostics(head + "let t = \"x\" == \"\\u0041\"\n") == Strings{"4:17: error: unknown escape '\\u' (use \\\", \\\\, \\n or \\t)"});
  CHECK(diagnostics(head + "rule r when a > 1 then p += 1 because \"b\" source \"src \\z\", \"ok\"\n") ==
        Strings{"4:55: error: unknown escape '\\z' (use \\\", \\\\, \\n or \\t)"});
  // In templates the error points at the escape itself, after values and doubled braces.
  CHECK(diagnostics(head + "strategy s { en: \"{a} and \\q\" }\n") ==
        Strings{"4:27: error: unknown escape '\\q' (use \\\", \\\\, \\n or \\t)"});
  CHECK(diagnostics(head + "strategy s { en: \"{{x}} \\q {{\" }\n") ==
        Strings{"4:25: error: unknown escape '\\q' (use \\\", \\\\, \\n or \\t)"});
  CHECK(diagnostics(head + "strategy s { en: \"\\a\\b\" }\n") ==
        Strings{"4:19: error: unknown escape '\\a' (use \\\", \\\\, \\n or \\t)",
                "4:21: error: unknown escape '\\b' (use \\\", \\\\, \\n or \\t)"});

  const forbear::RuleSet rules =
      load(head + "fact t: text = \"q\\\"\\\\\\n\\t\"\nrule r when a > 1 then p += 1 because \"b\" source \"§五 \\\"x\\\"\"\n");
  CHECK(rules.program().values[1].default_value == forbear::Value{std::string("q\"\\\n\t")});
  CHECK(rules.program().rules[0].sources == Strings{"§五 \"x\""});
}

TEST_CASE("checker: every error in a file is reported, not just the first", "[check]") {
  const std::string text =
      "ruleset t version \"1\"\n"                                              // 1
      "fact days: int\n"                                                       // 2
      "fact kind: enum(alpha, beta) = gamma\n"                                 // 3
      "let total = days + \"1\"\n"                                             // 4
      "let most = mx(days, 1)\n"                                               // 5
      "strategy plan { en: \"{dys}\" }\n"                                      // 6
      "advice proof { en: \"p\" }\n"                                           // 7
      "rule r when days then plan += 1, exclude nope because \"b\" source \"s\"\n"  // 8
      "rule q when kind == delta then plan += 1\n";                            // 9
  CHECK_THAT(diagnostics(text), UnorderedEquals(Strings{
                                    "3:32: error: 'gamma' is not a value of enum(alpha, beta)",
                                    "4:13: error: '+' needs numbers, not int and text",
                                    "5:12: error: unknown function 'mx' (did you mean 'max'?); the functions are min, max, abs, ceil, floor, round and known",
                                    "6:23: error: unknown name 'dys' in text (did you mean 'days'?)",
                                    "7:8: error: advice id 'proof' needs a family before a dot, e.g. 'doc.proof'",
                                    "8:13: error: a rule's condition must be bool, not int",
                                    "8:42: error: unknown strategy 'nope'",
                                    "9:21: error: 'delta' is not a value of enum(alpha, beta)",
                                    "9:6: warning: rule 'q' has no 'because': its advice cannot be explained",
                                    "9:6: warning: rule 'q' cites no 'source'",
                                }));
}

TEST_CASE("checker: derived facts that depend on each other in a cycle", "[check]") {
  const std::string text =
      "ruleset t version \"1\"\n"
      "fact base: int\n"
      "let a = b + 1\n"
      "let b = c * 2\n"
      "let c = a - base\n"
      "let fine = base + 1\n"
      "let me = me + 1\n"
      "let after = a + fine\n";
  CHECK(diagnostics(text) == Strings{
                                 "3:5: error: derived facts depend on each other in a cycle: a -> b -> c -> a",
                                 "  4:5: note: 'b' is part of the cycle",
                                 "  5:5: note: 'c' is part of the cycle",
                                 "7:5: error: derived facts depend on each other in a cycle: me -> me",
                             });
}

TEST_CASE("checker: derived values are ordered so each comes after what it reads", "[check]") {
  const forbear::RuleSet rules = load(
      "ruleset t version \"1\"\n"
      "fact f: int\n"
      "let d = c + b\n"
      "let c = b * 2\n"
      "let b = a + 1\n"
      "let a = f\n"
      "output e = d + a\n");
  const detail::Program& program = rules.program();
  REQUIRE(program.evaluation_order.size() == 5);
  std::vector<std::size_t> position(program.values.size());
  for (std::size_t i = 0; i < program.evaluation_order.size(); ++i) position[program.evaluation_order[i]] = i;
  for (detail::Slot slot : program.evaluation_order) {
    for (detail::Slot read : program.values[slot].depends_on) {
      if (read >= program.fact_count) CHECK(position[read] < position[slot]);
    }
  }
  // With the chain d <- c <- b <- a there is one order.
  CHECK(program.evaluation_order == std::vector<detail::Slot>{4, 3, 2, 1, 5});
  CHECK(program.values[1].depends_on == std::vector<detail::Slot>{2, 3});
  // Every derived value knows the input facts it depends on.
  for (detail::Slot slot : program.evaluation_order) CHECK(program.values[slot].input_facts == std::vector<detail::Slot>{0});
}

TEST_CASE("check() returns no program on errors and appends to the diagnostics it is given", "[check]") {
  std::vector<Diagnostic> diagnostics{{Severity::note, {}, "earlier", {}}};
  std::vector<forbear::dsl::pt::File> trees(1);
  const auto program = detail::check({{"empty.rules", ""}}, trees, diagnostics, true);
  REQUIRE(program != nullptr);  // only a warning: still compiled
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].message == "earlier");
  CHECK(diagnostics[1].severity == Severity::warning);
  CHECK(program->values.empty());
  CHECK(program->sources.size() == 1);
}

TEST_CASE("closest_match: likely typos only", "[check]") {
  using detail::closest_match;
  CHECK(closest_match("days_overdu", {"amount", "days_overdue"}) == std::optional<std::string>("days_overdue"));
  CHECK(closest_match("instalment", {"installment", "grace_period"}) == std::optional<std::string>("installment"));
  CHECK(closest_match("Days", {"days"}) == std::optional<std::string>("days"));  // case counts as an edit
  CHECK(closest_match("x", {"y"}) == std::optional<std::string>("y"));          // short names: one edit
  CHECK(closest_match("ab", {"abcd"}) == std::nullopt);                            // two edits is too many
  CHECK(closest_match("abc", {"xyz"}) == std::nullopt);
  // Longer names allow about a third of their length: 12 letters, 4 edits.
  CHECK(closest_match("installments", {"instlmnts"}) == std::optional<std::string>("instlmnts"));  // 3 edits
  CHECK(closest_match("installments", {"instmt"}) == std::nullopt);                                 // 6 edits
  CHECK(closest_match("abcdefghijkl", {"abcdefghwxyz"}) == std::optional<std::string>("abcdefghwxyz"));
  CHECK(closest_match("abcdefghijkl", {"abcdefgvwxyz"}) == std::nullopt);
  // The closest wins; between equally close ones, the first.
  CHECK(closest_match("cat", {"dog", "cart", "cut"}) == std::optional<std::string>("cart"));
  CHECK(closest_match("cat", {"bat", "hat"}) == std::optional<std::string>("bat"));
  CHECK(closest_match("plan", {"plans", "plan"}) == std::optional<std::string>("plan"));
  CHECK(closest_match("plan", {}) == std::nullopt);
}

TEST_CASE("did_you_mean: the suggestion text", "[check]") {
  CHECK(detail::did_you_mean("amont", {"amount", "days"}) == " (did you mean 'amount'?)");
  CHECK(detail::did_you_mean("zzz", {"amount", "days"}).empty());
  CHECK(detail::did_you_mean("a", {}).empty());
}

TEST_CASE("checker: 'id' is reserved for the case's identifier", "[check]") {
  CHECK(diagnostics("ruleset t version \"1\"\nfact id: text\n") ==
        Strings{"2:6: error: 'id' cannot be a fact: a case's \"id\" field identifies the case and is passed through untouched"});
}

TEST_CASE("checker: review regressions", "[check]") {
  SECTION("a number default beyond the decimal range is an error, not 0") {
    CHECK(diagnostics("ruleset t version \"1\"\nfact big: number = 10000000000000\n") ==
          Strings{"2:20: error: default of 'big' is too large for a number (about 9.2e12 at most)"});
  }
  SECTION("a derived fact may not share its name with an enum value") {
    CHECK(diagnostics("ruleset t version \"1\"\nfact h: enum(low, high)\nlet a = if h == low then 1 else 2\nlet low = a + 1\n") ==
          Strings{"4:5: error: 'low' is also an enum value; a fact or derived fact needs a name of its own"});
  }
  SECTION("'unknown' cannot stand in a set") {
    CHECK(let_errors("i in {1, unknown}") == Strings{"18: a set cannot hold 'unknown'; test known(x) instead"});
  }
  SECTION("points too large say so") {
    CHECK(diagnostics("ruleset t version \"1\"\nfact x: int\nstrategy s { en: \"s\" }\nrule r when x > 0 then s += 99999999999999 because \"b\" source \"s\"\n") ==
          Strings{"4:29: error: points 99999999999999 are too large (about 9.2e12 at most)"});
  }
}

TEST_CASE("checker: fact ranges", "[check]") {
  const std::string head = "ruleset t version \"1\"\n";
  CHECK(diagnostics(head + "fact d: int in 0.. \"days\"\nfact a: number in 0.5..2 = 1\nfact c: int in ..10\nstrategy s { en: \"s\" }\n"
                           "rule r when d > 0 and a > 1 and c < 5 then s += 1 because \"b\" source \"s\"\n")
            .empty());
  CHECK(diagnostics(head + "fact bad: text in 0..1\n") == Strings{"2:19: error: only int and number facts take a range, not text"});
  CHECK(diagnostics(head + "fact e: int in 5..1\n") == Strings{"2:16: error: the range of 'e' is empty: its low bound is above its high bound"});
  CHECK(diagnostics(head + "fact f: int in 0.5..\n") == Strings{"2:16: error: a range bound of 'f' must be an int literal"});
  CHECK(diagnostics(head + "fact g: int in 0..3 = 7\n") == Strings{"2:23: error: default of 'g' is outside its range: expected int from 0 to 3"});
  CHECK(diagnostics(head + "fact h: int in ..\n") == Strings{"2:16: error: a range needs at least one bound: LOW.., ..HIGH or LOW..HIGH"});
  CHECK(diagnostics(head + "fact i: int in x\n") == Strings{"2:17: error: expected '..' between the bounds of the range, got end of input"});
  CHECK(diagnostics(head + "fact j: int in 5 \"days\"\n") == Strings{"2:18: error: expected '..' between the bounds of the range, got '\"'"});
  CHECK(diagnostics(head + "fact k: number in 0..99999999999999\n") ==
        Strings{"2:22: error: a range bound of 'k' is too large for a number (about 9.2e12 at most)"});
}
