// The forbear command: exit statuses, messages and output formats, run as a separate process.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/version.hpp"
#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kRules = R"(ruleset clitest version "1.0"
fact days_overdue: int { zh: "逾期天数", en: "days overdue" }
fact amount: number
fact hardship: enum(none, illness)
let long_overdue = days_overdue > 30
output monthly = amount / 4
strategy installment { zh: "申请分期还款", en: "Ask for an installment plan" }
strategy grace { zh: "申请宽限期", en: "Ask for a grace period" }
advice doc.proof { zh: "证明材料", en: "Proof of hardship" }
rule long_needs_plan when long_overdue then installment += 5, advise doc.proof
  because { zh: "逾期{days_overdue}天", en: "{days_overdue} days overdue" } source "s1"
rule short_gets_grace when not long_overdue then grace += 3 because { zh: "刚逾期", en: "just overdue" } source "s2"
rule ill_gets_grace when hardship == illness then grace += 1 because "ill" source "s3"
)";

const char* const kBadRules = R"(ruleset bad version "1"
fact x: int
strategy s { en: "S" }
rule r when y > 1 then z += 1 because "." source "s"
)";

using forbear::test::lines_of;
using forbear::test::read_file;

// A scratch directory with the test's rule and case files; the command runs inside it.
class Sandbox : public forbear::test::CliSandbox {
 public:
  Sandbox() {
    write("ok.rules", kRules);
    write("bad.rules", kBadRules);
  }
  const fs::path& dir() const { return path(); }
};

std::vector<std::string> lines(const std::string& text) { return lines_of(text); }

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

const char* const kUsageStart = "usage: forbear <command> [options]\n";

}  // namespace

TEST_CASE("cli: --help and --version", "[cli]") {
  Sandbox box;
  for (const char* args : {"--help", "-h", "help", "advise --help", "graph -h"}) {
    INFO(args);
    const auto r = box.run(args);
    CHECK(r.status == 0);
    CHECK(starts_with(r.out, kUsageStart));
    CHECK_THAT(r.out, Catch::Contains("  advise [--rules PATH]... [--lang zh|en] [--format text|json] [--no-trace] [CASE.json|-]\n"));
    CHECK_THAT(r.out, Catch::Contains("  test [--rules PATH]... [--lang zh|en] [TESTS]...\n"));
    CHECK_THAT(r.out, Catch::Contains("  fmt [--check] [PATH]...\n"));
    CHECK_THAT(r.out, Catch::Contains("failed test; fmt --check: a file not formatted; replay: an advice that differs or cannot be\n"
                                      "replayed), 2 bad case input or usage (replay: also a malformed line in the log)\n"));
    CHECK_THAT(r.out, Catch::Contains("  replay [--rules PATH]... [--format text|json] LOG\n"));
    CHECK(r.err.empty());
  }
  for (const char* args : {"--version", "version"}) {
    INFO(args);
    const auto r = box.run(args);
    CHECK(r.status == 0);
    CHECK(r.out == std::string("forbear ") + FORBEAR_VERSION_STRING + "\n");
    CHECK(r.err.empty());
  }
}

TEST_CASE("cli: usage errors exit 2 with a message and the usage", "[cli]") {
  Sandbox box;
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"", "forbear: error: missing command (advise, check, graph, test, fmt, batch or replay)\n"},
      {"frobnicate", "forbear: error: unknown command 'frobnicate' (expected advise, check, graph, test, fmt, batch or replay)\n"},
      {"advise --bogus", "forbear: error: unknown option '--bogus'\n"},
      {"advise --rules", "forbear: error: option --rules needs a value\n"},
      {"advise --rules ok.rules --lang", "forbear: error: option --lang needs a value\n"},
      {"advise --rules ok.rules --format", "forbear: error: option --format needs a value\n"},
      {"graph --rules ok.rules --dependents-of", "forbear: error: option --dependents-of needs a value\n"},
      {"advise --lang fr", "forbear: error: --lang must be zh or en, not 'fr'\n"},
      {"advise --format=xml", "forbear: error: --format of 'advise' must be text or json, not 'xml'\n"},
      {"graph --format json", "forbear: error: --format of 'graph' must be dot or svg, not 'json'\n"},
      {"fmt --format json", "forbear: error: --format is an option of 'advise', 'graph' and 'replay'\n"},
      {"advise --check", "forbear: error: --check is an option of 'fmt'\n"},
      {"advise --no-trace=yes", "forbear: error: option --no-trace takes no value ('--no-trace=yes')\n"},
      {"advise --set days_overdue", "forbear: error: --set needs NAME=VALUE, not 'days_overdue'\n"},
      {"advise --set =3", "forbear: error: --set needs NAME=VALUE, not '=3'\n"},
      {"graph --dependents-of x case.json", "forbear: error: graph --dependents-of lists names and takes no case file ('case.json')\n"},
      {"advise --dependents-of x", "forbear: error: --dependents-of is an option of 'graph'\n"},
      {"check --rules ok.rules extra.json", "forbear: error: 'check' takes no file argument ('extra.json'); use --rules PATH\n"},
      {"advise --rules ok.rules a.json b.json", "forbear: error: advise takes one case file; got 'a.json' and 'b.json'\n"},
  };
  for (const auto& c : cases) {
    INFO("forbear " << c.args);
    const auto r = box.run(c.args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, std::string(c.message) + "\n" + kUsageStart));
  }
}

TEST_CASE("cli: advise prints the text report and exits 0", "[cli]") {
  Sandbox box;
  box.write("case.json", R"({"id": "c1", "days_overdue": 45, "amount": 1000.5})");
  SECTION("zh by default") {
    const auto r = box.run("advise --rules ok.rules case.json");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(starts_with(r.out, "# c1\n规则集: clitest 1.0 (sha256 "));
    CHECK_THAT(r.out, Catch::Contains("  1. 申请分期还款 [installment] 5 分\n"
                                      "      - +5 long_needs_plan: 逾期45天 [依据: s1] (ok.rules:10)\n"
                                      "  2. 申请宽限期 [grace] 0 分\n"));
    CHECK_THAT(r.out, Catch::Contains("  monthly = 250.125\n"));
    CHECK_THAT(r.out, Catch::Contains("  - [doc.proof] 证明材料\n"));
    CHECK_THAT(r.out, Catch::Contains("  - hardship\n"));
    CHECK_THAT(r.out, Catch::Contains("  [fired] long_needs_plan: long_overdue (true) → true\n"));
  }
  SECTION("--lang en, also as --lang=en") {
    for (const char* args : {"advise --rules ok.rules --lang en case.json", "advise --lang=en --rules=ok.rules case.json"}) {
      INFO(args);
      const auto r = box.run(args);
      CHECK(r.status == 0);
      CHECK(starts_with(r.out, "# c1\nRule set: clitest 1.0 (sha256 "));
      CHECK_THAT(r.out, Catch::Contains("Strategies (ranked by score):\n"
                                        "  1. Ask for an installment plan [installment] 5 points\n"
                                        "      - +5 long_needs_plan: 45 days overdue [source: s1] (ok.rules:10)\n"));
      CHECK_THAT(r.out, Catch::Contains("Advice:\n  - [doc.proof] Proof of hardship\n"));
    }
  }
  SECTION("--no-trace leaves the trace out") {
    const auto r = box.run("advise --rules ok.rules --lang en --no-trace case.json");
    CHECK(r.status == 0);
    CHECK_THAT(r.out, !Catch::Contains("Trace:"));
    CHECK_THAT(r.out, Catch::Contains("  1. Ask for an installment plan [installment] 5 points\n"));
  }
}

TEST_CASE("cli: advise --format json gives the result as JSON", "[cli]") {
  Sandbox box;
  box.write("case.json", R"({"id": {"ref": 7}, "days_overdue": 10, "hardship": "illness"})");
  const auto r = box.run("advise --rules ok.rules --format json case.json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  const auto j = json::parse(r.out);  // throws (and fails the test) when it is not JSON
  CHECK(j["id"] == json{{"ref", 7}});
  CHECK(j["ruleset"]["name"] == "clitest");
  CHECK(j["ruleset"]["version"] == "1.0");
  CHECK(std::regex_match(j["ruleset"]["sha256"].get<std::string>(), std::regex("[0-9a-f]{64}")));
  REQUIRE(j["strategies"].size() == 2);
  CHECK(j["strategies"][0]["id"] == "grace");
  CHECK(j["strategies"][0]["score"] == 4);
  CHECK(j["strategies"][1]["id"] == "installment");
  CHECK(j["outputs"] == json{{"monthly", nullptr}});
  CHECK(j["missing"][0]["fact"] == "amount");
  CHECK(j["trace"]["rules"].size() == 3);
  // The key order of the schema survives the trip through the command.
  CHECK(r.out.find("\"ruleset\"") < r.out.find("\"strategies\""));
  CHECK(r.out.find("\"strategies\"") < r.out.find("\"excluded\""));
  CHECK(r.out.find("\"missing\"") < r.out.find("\"faults\""));

  const auto lean = box.run("advise --rules ok.rules --format json --no-trace case.json");
  REQUIRE(lean.status == 0);
  const auto lj = json::parse(lean.out);
  CHECK(lj["trace"] == json{{"values", json::array()}, {"rules", json::array()}});
  CHECK(lj["strategies"] == j["strategies"]);
}

TEST_CASE("cli: the case can come from standard input", "[cli]") {
  Sandbox box;
  const std::string input = R"({"days_overdue": 90, "amount": 8})";
  for (const char* args : {"advise --rules ok.rules --format json -", "advise --rules ok.rules --format json"}) {
    INFO(args);
    const auto r = box.run(args, input);
    INFO(r.err);
    REQUIRE(r.status == 0);
    const auto j = json::parse(r.out);
    CHECK(j["strategies"][0]["id"] == "installment");
    CHECK(j["outputs"]["monthly"] == 2);
  }
  const auto bad = box.run("advise --rules ok.rules -", R"({"days_overdue": "many"})");
  CHECK(bad.status == 2);
  CHECK(bad.err == "<stdin>: error: 'days_overdue': expected int, got a string \"many\"\n");
}

TEST_CASE("cli: errors in the rules exit 1 with rendered diagnostics", "[cli]") {
  Sandbox box;
  box.write("case.json", "{}");
  const std::string expected_first = "bad.rules:4:13: error: unknown name 'y' (did you mean 'x'?)\n"
                                     "    4 | rule r when y > 1 then z += 1 because \".\" source \"s\"\n";
  SECTION("advise") {
    const auto r = box.run("advise --rules bad.rules case.json");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, expected_first));
    CHECK_THAT(r.err, Catch::Contains("bad.rules:4:24: error: unknown strategy 'z' (did you mean 's'?)\n"));
  }
  SECTION("check reports every error and a summary") {
    const auto r = box.run("check --rules bad.rules");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, expected_first));
    CHECK_THAT(r.err, Catch::Contains("bad.rules:4:24: error: unknown strategy 'z' (did you mean 's'?)\n"));
    CHECK_THAT(r.err, Catch::EndsWith("\n2 errors, 0 warnings\n"));
  }
  SECTION("graph") {
    const auto r = box.run("graph --rules bad.rules");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, expected_first));
  }
  SECTION("a missing rule file") {
    const auto r = box.run("check --rules missing.rules");
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("rule file 'missing.rules' does not exist"));
  }
}

TEST_CASE("cli: a bad case exits 2", "[cli]") {
  Sandbox box;
  SECTION("invalid JSON is reported with line and column") {
    box.write("case.json", "{\n  \"days_overdue\": 4,\n  \"amount\": ,\n}\n");
    const auto r = box.run("advise --rules ok.rules case.json");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, "case.json:3:13: error: invalid JSON: "));
    CHECK_THAT(r.err, Catch::Contains("unexpected ','"));
    CHECK(lines(r.err).size() == 1);
  }
  SECTION("trailing content after the object") {
    box.write("case.json", "{\"days_overdue\": 4}\n{}\n");
    const auto r = box.run("advise --rules ok.rules case.json");
    CHECK(r.status == 2);
    CHECK(starts_with(r.err, "case.json:2:1: error: invalid JSON: "));
  }
  SECTION("an empty case") {
    const auto r = box.run("advise --rules ok.rules -", "");
    CHECK(r.status == 2);
    CHECK(starts_with(r.err, "<stdin>:1:1: error: invalid JSON: "));
  }
  SECTION("a number too large for JSON") {
    const auto r = box.run("advise --rules ok.rules -", R"({"amount": 1e400})");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "<stdin>: error: invalid JSON: number overflow parsing '1e400'\n");
  }
  SECTION("type errors: every one, naming the field") {
    box.write("case.json", R"({"days_overdue": "x", "amout": 1, "hardship": "ilness"})");
    const auto r = box.run("advise --rules ok.rules case.json");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "case.json: error: 'amout': unknown fact 'amout' (did you mean 'amount'?)\n"
                   "case.json: error: 'days_overdue': expected int, got a string \"x\"\n"
                   "case.json: error: 'hardship': expected one of none, illness, got \"ilness\" (did you mean 'illness'?)\n");
  }
  SECTION("not an object") {
    const auto r = box.run("advise --rules ok.rules -", "[1, 2]");
    CHECK(r.status == 2);
    CHECK(r.err == "<stdin>: error: expected a JSON object of facts, got an array\n");
  }
  SECTION("a case file that cannot be read") {
    const auto r = box.run("advise --rules ok.rules nowhere.json");
    CHECK(r.status == 2);
    CHECK(r.err == "forbear: error: cannot read case file 'nowhere.json'\n");
  }
  SECTION("a directory given as the case file") {
    fs::create_directories(box.dir() / "cases");
    const auto r = box.run("advise --rules ok.rules cases");
    CHECK(r.status == 2);
    CHECK(r.err == "forbear: error: case file 'cases' is a directory\n");
  }
}

TEST_CASE("cli: check prints a summary line", "[cli]") {
  Sandbox box;
  SECTION("one file") {
    const auto r = box.run("check --rules ok.rules");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(std::regex_match(r.out, std::regex("clitest 1\\.0: 1 file, 3 facts, 0 warnings, no errors\nsha256 [0-9a-f]{64}\n")));
  }
  SECTION("warnings are shown and counted, and do not fail the check") {
    box.write("warn.rules", "ruleset w version \"2\"\nfact x: int\nstrategy s { en: \"S\" }\nrule r when x > 1 then s += 1\n");
    const auto r = box.run("check --rules warn.rules");
    CHECK(r.status == 0);
    CHECK(starts_with(r.out, "w 2: 1 file, 1 fact, 2 warnings, no errors\nsha256 "));
    CHECK_THAT(r.err, Catch::Contains("warn.rules:4:6: warning: rule 'r' has no 'because': its advice cannot be explained\n"));
    CHECK_THAT(r.err, Catch::Contains("warn.rules:4:6: warning: rule 'r' cites no 'source'\n"));
  }
  SECTION("the same sha256 as the advice reports") {
    const auto check = box.run("check --rules ok.rules");
    const auto advice = box.run("advise --rules ok.rules --format json -", "{}");
    REQUIRE(advice.status == 0);
    const auto sha = json::parse(advice.out)["ruleset"]["sha256"].get<std::string>();
    CHECK_THAT(check.out, Catch::EndsWith("sha256 " + sha + "\n"));
  }
  SECTION("the shipped rules, and the FORBEAR_RULES default") {
    const std::string rules_dir = std::string(FORBEAR_SOURCE_DIR) + "/rules";
    const auto r = box.run("check --rules " + forbear::test::shell_quote(rules_dir));
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(std::regex_match(r.out, std::regex("overdue_advisor \\S+: \\d+ files, \\d+ facts, 0 warnings, no errors\nsha256 [0-9a-f]{64}\n")));
    const auto from_environment = box.run("check", "", "FORBEAR_RULES=ok.rules");
    CHECK(from_environment.status == 0);
    CHECK(starts_with(from_environment.out, "clitest 1.0: 1 file, "));
  }
}

TEST_CASE("cli: graph prints DOT or the dependents of a fact", "[cli]") {
  Sandbox box;
  SECTION("DOT") {
    const auto r = box.run("graph --rules ok.rules");
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(starts_with(r.out, "digraph"));
    CHECK_THAT(r.out, Catch::Contains("label=\"clitest 1.0\""));
    CHECK_THAT(r.out, Catch::Contains("days_overdue"));
    CHECK_THAT(r.out, Catch::EndsWith("}\n"));
  }
  SECTION("--dependents-of lists what a fact influences") {
    const auto r = box.run("graph --rules ok.rules --dependents-of days_overdue");
    INFO(r.err);
    CHECK(r.status == 0);
    auto found = lines(r.out);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"advice:doc.proof", "let:long_overdue", "rule:long_needs_plan", "rule:short_gets_grace",
                                            "strategy:grace", "strategy:installment"});
    const auto in_order = lines(r.out);
    const auto at = [&](const std::string& name) { return std::find(in_order.begin(), in_order.end(), name) - in_order.begin(); };
    CHECK(at("let:long_overdue") < at("rule:long_needs_plan"));
    CHECK(at("rule:long_needs_plan") < at("strategy:installment"));
  }
  SECTION("--dependents-of on the shipped rules") {
    const auto r = box.run("graph --rules " + forbear::test::shell_quote(std::string(FORBEAR_SOURCE_DIR) + "/rules") + " --dependents-of days_overdue");
    CHECK(r.status == 0);
    const auto found = lines(r.out);
    for (const char* expected : {"let:not_yet_overdue", "let:overdue_beyond_90", "rule:long_overdue_in_writing",
                                 "rule:not_yet_overdue_ask_early", "strategy:installment", "strategy:grace_period"}) {
      INFO(expected);
      CHECK(std::find(found.begin(), found.end(), expected) != found.end());
    }
    CHECK(std::find(found.begin(), found.end(), "fact:days_overdue") == found.end());
  }
  SECTION("an unknown name gives a note and nothing else") {
    const auto r = box.run("graph --rules ok.rules --dependents-of nothing_here");
    CHECK(r.status == 0);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("nothing depends on 'nothing_here'"));
  }
}

#endif  // FORBEAR_CLI_PATH
