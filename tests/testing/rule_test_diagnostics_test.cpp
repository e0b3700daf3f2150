// Errors in rule test files: golden files (tests/data/rule_tests/errors, one NAME.tests with its
// NAME.expected), rendered exactly like rule diagnostics.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "support/cli_runner.hpp"
#include "support/rule_test_fixture.hpp"

namespace fs = std::filesystem;
using forbear::test::fixture_rules;
using forbear::test::read_file;
using forbear::test::rule_test_data;
using forbear::test::test_errors;
using forbear::test::without_prefix;

// Each scenario is loaded by its full path; the folder tests/data/rule_tests/ is cut from the
// rendered text, so that it reads "errors/x.tests:2:9: error: ...".
TEST_CASE("rendered test file errors match the golden files", "[testing][diagnostics]") {
  const fs::path folder = fs::path(rule_test_data()) / "errors";
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".tests") scenarios.push_back(entry.path());
  }
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE(scenarios.size() == 13);
  for (const fs::path& file : scenarios) {
    INFO(file.filename().string());
    const auto suite = forbear::load_rule_tests(fixture_rules(), {file});
    const std::string expected = read_file(fs::path(file).replace_extension(".expected"));
    REQUIRE_FALSE(expected.empty());
    CHECK(without_prefix(suite.rendered_diagnostics(), rule_test_data()) == expected);
    // A file with errors keeps none of its tests.
    REQUIRE(suite.files.size() == 1);
    CHECK(suite.files[0].has_errors);
    CHECK(suite.files[0].tests.empty());
  }
}

TEST_CASE("a test file that cannot be read is an error naming it", "[testing][diagnostics]") {
  const auto suite = forbear::load_rule_tests(fixture_rules(), {"no/such/file.tests"});
  CHECK(suite.rendered_diagnostics() == "forbear: error: test file 'no/such/file.tests' does not exist\n");
  REQUIRE(suite.files.size() == 1);
  CHECK(suite.files[0].has_errors);
}

TEST_CASE("a file with errors runs none of its tests; the other files still run", "[testing][diagnostics]") {
  const std::string data = rule_test_data();
  const auto suite =
      forbear::load_rule_tests(fixture_rules(), {data + "errors/no_expect.tests", data + "run/report.tests"});
  REQUIRE(suite.files.size() == 2);
  CHECK(suite.files[0].has_errors);
  CHECK(suite.files[0].tests.empty());
  CHECK_FALSE(suite.files[1].has_errors);
  CHECK(suite.files[1].tests.size() == 4);
  const auto report = forbear::run_rule_tests(fixture_rules(), suite);
  CHECK(report.files_with_errors == 1);
  CHECK(report.tests == 4);
  CHECK_FALSE(report.ok());
  const std::string text = forbear::render_text(report, "en");
  CHECK(without_prefix(text, data).rfind("errors/no_expect.tests: not run, it has errors\nrun/report.tests\n", 0) == 0);
  CHECK(text.substr(text.rfind("4 tests")) == "4 tests, 2 passed, 2 failed, 1 file with errors not run\n");
}

TEST_CASE("a broken case file is reported in every test file that uses it", "[testing][diagnostics]") {
  forbear::test::TempDir dir;
  dir.write("broken.json", "{\"days\": -1}");
  dir.write("a.tests", "test \"a\"\n  case \"broken.json\"\n  expect plan first\n");
  dir.write("b.tests", "test \"b\"\n  case \"broken.json\"\n  expect plan first\n");
  const auto suite = forbear::load_rule_tests(fixture_rules(), {dir.path() / "a.tests", dir.path() / "b.tests"});
  const std::string prefix = dir.path().string() + "/";
  CHECK(without_prefix(suite.rendered_diagnostics(), prefix) ==
        "a.tests:2:8: error: in case file 'broken.json': 'days': expected int >= 0, got -1\n"
        "    2 |   case \"broken.json\"\n"
        "      |        ^~~~~~~~~~~~~\n"
        "b.tests:2:8: error: in case file 'broken.json': 'days': expected int >= 0, got -1\n"
        "    2 |   case \"broken.json\"\n"
        "      |        ^~~~~~~~~~~~~\n");
  CHECK(suite.files[0].has_errors);
  CHECK(suite.files[1].has_errors);
}

TEST_CASE("the errors of a test file are reported in line order", "[testing][diagnostics]") {
  // The case file is checked after the given values, but its error is on an earlier line.
  CHECK(test_errors("test \"order\"\n  given dayz = 1\n  case \"nowhere.json\"\n  expect plam first\n") ==
        "t.tests:2:9: error: unknown fact 'dayz' (did you mean 'days'?)\n"
        "    2 |   given dayz = 1\n"
        "      |         ^~~~\n"
        "t.tests:3:8: error: case file 'nowhere.json' does not exist\n"
        "    3 |   case \"nowhere.json\"\n"
        "      |        ^~~~~~~~~~~~~~\n"
        "t.tests:4:10: error: unknown strategy 'plam' (did you mean 'plan'?)\n"
        "    4 |   expect plam first\n"
        "      |          ^~~~\n");
}
