// forbear test: which test files it runs, what it prints, and its exit status.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <string>

#include "support/cli_runner.hpp"

namespace {

using forbear::test::read_file;

// A scratch directory with rules/ (two rules: `long_gets_plan`, `short_gets_grace`) and the test
// files each test case writes.
class Sandbox : public forbear::test::CliSandbox {
 public:
  Sandbox() {
    write("rules/main.rules",
          "ruleset clitest version \"1.0\"\n"
          "fact days: int in 0.. { zh: \"逾期天数\", en: \"days overdue\" }\n"
          "strategy plan { zh: \"申请分期\", en: \"Ask for a plan\" }\n"
          "strategy grace { zh: \"申请宽限期\", en: \"Ask for a grace period\" }\n"
          "rule long_gets_plan when days > 30 then plan += 10 because \"long\" source \"s1\"\n"
          "rule short_gets_grace when days <= 30 then grace += 5 because \"short\" source \"s2\"\n");
  }
};

const char* const kLongPasses = "test \"long: plan first\"\n  given days = 45\n  expect plan first\n";
const char* const kShortPasses = "test \"short: grace first\"\n  given days = 3\n  expect grace first\n";
const char* const kShortFails = "test \"short: plan first?\"\n  given days = 3\n  expect plan first\n";

}  // namespace

TEST_CASE("cli test: all tests pass, exit 0", "[cli][testing]") {
  Sandbox box;
  box.write("rules/tests/a.tests", kLongPasses);
  box.write("rules/tests/b.tests", kShortPasses);
  const auto r = box.run("test --rules rules");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "rules/tests/a.tests\n"
        "  ok   long: plan first\n"
        "rules/tests/b.tests\n"
        "  ok   short: grace first\n"
        "\n"
        "coverage: 2/2 rules fired by at least one test (100%)\n"
        "2 tests, 2 passed, 0 failed\n");
}

TEST_CASE("cli test: a failed test exits 1 and prints the failure, the ranking and the trace", "[cli][testing]") {
  Sandbox box;
  box.write("rules/tests/a.tests", std::string(kLongPasses) + kShortFails);
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    const auto r = box.run(std::string("test --rules rules --lang ") + lang);
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    const bool zh = std::string(lang) == "zh";
    CHECK(r.out == std::string("rules/tests/a.tests\n"
                               "  ok   long: plan first\n"
                               "  FAIL short: plan first? (rules/tests/a.tests:4)\n"
                               "    ranking:\n") +
                       (zh ? "      1. grace 5 (申请宽限期)\n      2. plan 0 (申请分期)\n"
                           : "      1. grace 5 (Ask for a grace period)\n      2. plan 0 (Ask for a plan)\n") +
                       "    rules/tests/a.tests:6: expect plan first\n"
                       "      expected: plan ranked 1st\n"
                       "      actual:   plan ranked 2nd; grace ranked 1st\n"
                       "      trace:\n"
                       "        [not_fired] long_gets_plan (rules/main.rules:5): days (3) > 30 \xE2\x86\x92 false\n"
                       "        [fired] short_gets_grace (rules/main.rules:6): days (3) <= 30 \xE2\x86\x92 true\n"
                       "\n"
                       "coverage: 2/2 rules fired by at least one test (100%)\n"
                       "2 tests, 1 passed, 1 failed\n");
  }
}

TEST_CASE("cli test: a test file with errors exits 1; the other files still run", "[cli][testing]") {
  Sandbox box;
  box.write("rules/tests/a.tests", "test \"broken\"\n  given dys = 4\n  expect plan first\n");
  box.write("rules/tests/b.tests", kLongPasses);
  const auto r = box.run("test --rules rules");
  CHECK(r.status == 1);
  CHECK(r.err ==
        "rules/tests/a.tests:2:9: error: unknown fact 'dys' (did you mean 'days'?)\n"
        "    2 |   given dys = 4\n"
        "      |         ^~~\n");
  CHECK(r.out ==
        "rules/tests/a.tests: not run, it has errors\n"
        "rules/tests/b.tests\n"
        "  ok   long: plan first\n"
        "\n"
        "coverage: 1/2 rules fired by at least one test (50%)\n"
        "never fired:\n"
        "  short_gets_grace (rules/main.rules:6)\n"
        "1 test, 1 passed, 0 failed, 1 file with errors not run\n");
}

TEST_CASE("cli test: the default is the tests/ folder of each rules directory, in byte order", "[cli][testing]") {
  Sandbox box;
  box.write("rules/tests/b.tests", kShortPasses);
  box.write("rules/tests/a.tests", kLongPasses);
  box.write("rules/tests/notes.txt", "not a test file");
  box.write("rules/tests/deeper/c.tests", "this is not read");
  const std::string expected_start =
      "rules/tests/a.tests\n  ok   long: plan first\nrules/tests/b.tests\n  ok   short: grace first\n";
  // --rules a directory, a rules file in it, and the rules named by FORBEAR_RULES.
  for (const std::string args : {"test --rules rules", "test --rules rules/main.rules", "test"}) {
    INFO(args);
    const auto r = box.run(args, "", "FORBEAR_RULES=rules");
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind(expected_start, 0) == 0);
  }
}

TEST_CASE("cli test: directories and files given as arguments", "[cli][testing]") {
  Sandbox box;
  box.write("mine/z.tests", kShortFails);
  box.write("mine/y.tests", kLongPasses);
  box.write("other.tests", kShortPasses);
  box.write("rules/tests/ignored.tests", "this file is not read when tests are named");

  auto r = box.run("test --rules rules mine");
  CHECK(r.status == 1);
  CHECK(r.out.rfind("mine/y.tests\n  ok   long: plan first\nmine/z.tests\n  FAIL short: plan first? (mine/z.tests:1)\n",
                    0) == 0);

  r = box.run("test --rules rules other.tests mine/y.tests");
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "other.tests\n"
        "  ok   short: grace first\n"
        "mine/y.tests\n"
        "  ok   long: plan first\n"
        "\n"
        "coverage: 2/2 rules fired by at least one test (100%)\n"
        "2 tests, 2 passed, 0 failed\n");
}

TEST_CASE("cli test: nothing to run is a usage error that says where it looked", "[cli][testing]") {
  Sandbox box;
  box.write("empty/readme.txt", "no tests here");
  box.write("mine/a.tests", kLongPasses);
  box.write("a.rules.txt", "");
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"test --rules rules",
       "forbear: error: test folder 'rules/tests' does not exist (name .tests files or folders after 'forbear "
       "test')\n"},
      {"test --rules rules nowhere", "forbear: error: 'nowhere' does not exist\n"},
      {"test --rules rules empty", "forbear: error: no .tests files in 'empty'\n"},
      {"test --rules rules a.rules.txt", "forbear: error: 'a.rules.txt' is not a .tests file\n"},
      {"test --rules rules mine empty nowhere",
       "forbear: error: no .tests files in 'empty'\nforbear: error: 'nowhere' does not exist\n"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    const auto r = box.run(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.message);
  }
  box.write("rules/tests/readme.txt", "no tests here");
  const auto r = box.run("test --rules rules");
  CHECK(r.status == 2);
  CHECK(r.err ==
        "forbear: error: no .tests files in 'rules/tests' (name .tests files or folders after 'forbear test')\n");
}

TEST_CASE("cli test: usage errors and rules with errors", "[cli][testing]") {
  Sandbox box;
  box.write("a.tests", kLongPasses);
  auto r = box.run("test --rules rules --format json a.tests");
  CHECK(r.status == 2);
  CHECK(r.err.rfind("forbear: error: --format is an option of 'advise', 'graph' and 'replay'\n", 0) == 0);

  box.write("bad/bad.rules", "ruleset bad version \"1\"\nrule r when x > 1 then s += 1 because \"b\" source \"s\"\n");
  r = box.run("test --rules bad a.tests");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("bad/bad.rules:2:13: error: unknown name 'x'", 0) == 0);
}

#endif
