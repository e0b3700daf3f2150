// The examples in docs/en/rule-tests.md and docs/zh/rule-tests.md are real: the files they show are
// tests/data/rule_tests/docs_example, and each output they show is what `forbear test` prints.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <string>

#include "support/cli_runner.hpp"
#include "support/rule_test_fixture.hpp"

namespace {

using forbear::test::read_file;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A scratch directory holding the example's rules/ (with rules/tests/), where `forbear test` finds
// them by default, as it finds the shipped rules in the project's folder.
class Example : public forbear::test::CliSandbox {
 public:
  Example() {
    write("rules/example.rules", rules());
    write("rules/tests/example.tests", tests());
  }
  static std::string rules() { return read_file(forbear::test::rule_test_data() + "docs_example/rules/example.rules"); }
  static std::string tests() {
    return read_file(forbear::test::rule_test_data() + "docs_example/rules/tests/example.tests");
  }
  forbear::test::CliRun test(const std::string& args = "") const {
    return run("test" + args, "", "FORBEAR_RULES=rules");
  }
};

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("the rule test docs show real files and real output", "[testing][docs]") {
  for (const std::string lang : {"en", "zh"}) {
    INFO("docs/" << lang << "/rule-tests.md");
    const std::string doc = read_file(std::string(FORBEAR_SOURCE_DIR) + "/docs/" + lang + "/rule-tests.md");
    REQUIRE_FALSE(doc.empty());
    CHECK(contains(doc, "```\n" + Example::rules() + "```\n"));
    CHECK(contains(doc, "```\n" + Example::tests() + "```\n"));

    Example example;
    auto r = example.test();
    CHECK(r.status == 0);
    CHECK(contains(doc, "```\n$ forbear test\n" + r.out + "```\n"));
    CHECK(contains(
        doc,
        "```\n" + r.out.substr(r.out.find("coverage:"), r.out.find("3 tests") - r.out.find("coverage:")) + "```\n"));

    // The threshold changed from 30 to 60 days: two tests fail.
    example.write("rules/example.rules",
                  replaced(Example::rules(), "when days_overdue > 30", "when days_overdue > 60"));
    const std::string lang_option = lang == "en" ? " --lang en" : "";
    r = example.test(lang_option);
    CHECK(r.status == 1);
    CHECK(contains(doc, "```\n$ forbear test" + lang_option + "\n" + r.out + "```\n"));
    example.write("rules/example.rules", Example::rules());

    // Mistakes in a test file.
    example.write("rules/tests/typo.tests",
                  "test \"typo\"\n  given days_overdue = 45, hardshp = illness\n  expect installmnt first\n");
    r = example.test();
    CHECK(r.status == 1);
    CHECK(contains(doc, "```\n" + r.err + "```\n"));
    CHECK(contains(r.out, "rules/tests/typo.tests: not run, it has errors\n"));
    CHECK(contains(doc, "`rules/tests/typo.tests: not run, it has errors`"));
    example.write("rules/tests/typo.tests", "");
    std::filesystem::remove(example.path() / "rules/tests/typo.tests");

    // A test for the rule no test fired.
    const std::string added =
        "test \"small debt, no hardship: just pay it\"\n"
        "  given days_overdue = 5, hardship = none, amount = 600\n"
        "  expect pay_now first\n";
    CHECK(contains(doc, "```\n" + added + "```\n"));
    example.write("rules/tests/example.tests", Example::tests() + "\n" + added);
    r = example.test();
    CHECK(r.status == 0);
    CHECK(contains(doc, "```\n$ forbear test\n" + r.out + "```\n"));

    // The messages quoted in the text.
    example.write("rules/tests/example.tests",
                  "test \"t\"\n  given days_overdue = \"45\"\n  given days_overdue = -5\n  expect pay_now first\n");
    r = example.test();
    CHECK(contains(r.err, "error: 'days_overdue': expected int, got a string \"45\"\n"));
    CHECK(contains(doc, "`'days_overdue': expected int, got a string \"45\"`"));
    CHECK(contains(r.err, "error: 'days_overdue': expected int >= 0, got -5\n"));
    CHECK(contains(doc, "`'days_overdue': expected int >= 0, got -5`"));
  }
}

#endif
