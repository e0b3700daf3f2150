// forbear check with the lint pass's warnings: shown with their notes, counted, and failing the
// check only with --werror.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <regex>
#include <string>

#include "support/cli_runner.hpp"

namespace {

using forbear::test::CliSandbox;

const char* const kLintRules = R"(ruleset lint version "3"
fact days_overdue: int in 0.. "days past due"
fact has_proof: bool "can document the hardship"
strategy installment { en: "Ask for an installment plan" }
rule overdue_installment
  when days_overdue > 90 and days_overdue < 30
  then installment += 2
  because "b"
  source "s"
)";

const char* const kLintWarnings =
    "lint.rules:3:6: warning: fact 'has_proof' is not used: no rule, derived fact or text reads it; use it in a rule or remove it\n"
    "    3 | fact has_proof: bool \"can document the hardship\"\n"
    "      |      ^~~~~~~~~\n"
    "lint.rules:4:10: warning: strategy 'installment' gets no points from any rule that can fire: it always scores 0; give it "
    "points in a rule or remove it\n"
    "    4 | strategy installment { en: \"Ask for an installment plan\" }\n"
    "      |          ^~~~~~~~~~~\n"
    "lint.rules:5:6: note: rule 'overdue_installment' gives it points but can never fire\n"
    "    5 | rule overdue_installment\n"
    "      |      ^~~~~~~~~~~~~~~~~~~\n"
    "lint.rules:6:8: warning: rule 'overdue_installment' can never fire: 'days_overdue > 90' and 'days_overdue < 30' cannot "
    "both be true\n"
    "    6 |   when days_overdue > 90 and days_overdue < 30\n"
    "      |        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n";

const char* const kCleanRules = R"(ruleset clean version "1"
fact days_overdue: int in 0.. "days past due"
strategy installment { en: "Ask for an installment plan" }
rule overdue_installment when days_overdue > 90 then installment += 2 because "b" source "s"
)";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST_CASE("cli: check shows and counts lint warnings; they fail it only with --werror", "[cli][lint]") {
  CliSandbox box;
  box.write("lint.rules", kLintRules);
  box.write("clean.rules", kCleanRules);

  SECTION("without --werror: exit 0") {
    const auto r = box.run("check --rules lint.rules");
    CHECK(r.status == 0);
    CHECK(r.err == kLintWarnings);
    CHECK(std::regex_match(r.out, std::regex("lint 3: 1 file, 2 facts, 3 warnings, no errors\nsha256 [0-9a-f]{64}\n")));
  }
  SECTION("with --werror: exit 1, the same report") {
    const auto r = box.run("check --werror --rules lint.rules");
    CHECK(r.status == 1);
    CHECK(r.err == kLintWarnings);
    CHECK(starts_with(r.out, "lint 3: 1 file, 2 facts, 3 warnings, no errors\nsha256 "));
  }
  SECTION("with --werror and no warning: exit 0") {
    const auto r = box.run("check --werror --rules clean.rules");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(r.out, "clean 1: 1 file, 1 fact, 0 warnings, no errors\nsha256 "));
  }
  SECTION("a rule set with an error gets no lint warnings: they would be about rules that are not used") {
    box.write("broken.rules", std::string(kLintRules) + "rule typo when has_prof then installment += 1 because \"b\" source \"s\"\n");
    const auto r = box.run("check --werror --rules broken.rules");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err ==
          "broken.rules:10:16: error: unknown name 'has_prof' (did you mean 'has_proof'?)\n"
          "   10 | rule typo when has_prof then installment += 1 because \"b\" source \"s\"\n"
          "      |                ^~~~~~~~\n"
          "1 error, 0 warnings\n");
  }
}

#endif
