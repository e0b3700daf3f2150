// forbear batch, run as a separate process: one output line per input line in input order (blank and
// bad lines become error records), a summary on standard error, an exit status that says whether any
// line failed, and the same output with many threads as with one.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

using forbear::test::lines_of;
using nlohmann::json;

const char* const kRules = R"(ruleset batchtest version "1"
fact days: int
fact amount: number
strategy grace { en: "Ask for a grace period" }
strategy plan { en: "Ask for a plan" }
output monthly = amount / 4
rule short when days <= 30 then grace += 3 because "short" source "s"
rule long when days > 30 then plan += 5 because "long" source "s"
)";

class Sandbox : public forbear::test::CliSandbox {
 public:
  Sandbox() { write("batch.rules", kRules); }
  forbear::test::CliRun batch(const std::string& input, const std::string& options = "") const {
    return run("batch --rules batch.rules " + options, input);
  }
};

// The summary line without its time, which varies: "forbear batch: 3 lines: ... in <T> s".
std::string summary_of(const std::string& err) {
  static const std::regex time(" in [0-9]+\\.[0-9]{2} s\n$");
  REQUIRE(std::regex_search(err, time));
  return std::regex_replace(err, time, " in <T> s\n");
}

// The names of the ranked strategies in an advice record, best first.
std::vector<std::string> ranking(const json& advice) {
  std::vector<std::string> ids;
  for (const auto& s : advice.at("strategies")) ids.push_back(s.at("id").get<std::string>());
  return ids;
}

}  // namespace

TEST_CASE("batch: good, bad and blank lines each give one line out, in order", "[batch][cli]") {
  Sandbox box;
  // Seven lines: good, blank, bad type, invalid JSON, good with CRLF, whitespace only, good without
  // a final newline.
  const std::string input = "{\"id\": 1, \"days\": 10}\n"
                            "\n"
                            "{\"id\": 3, \"days\": \"ten\"}\n"
                            "{\"id\": 4, \"days\": \n"
                            "{\"id\": 5, \"days\": 45, \"amount\": 1000.5}\r\n"
                            " \t \n"
                            "{\"id\": 7, \"days\": 45, \"days\": 46}\n"
                            "{\"id\": 8, \"days\": 5}";
  const auto r = box.batch(input);
  CHECK(r.status == 2);
  const auto out = lines_of(r.out);
  REQUIRE(out.size() == 8);
  CHECK(r.out.back() == '\n');

  const json first = json::parse(out[0]);
  CHECK(first.at("id") == 1);
  CHECK(ranking(first) == std::vector<std::string>{"grace", "plan"});
  CHECK(out[1] == R"j({"line":2,"errors":[{"message":"blank line (expected a JSON object of facts)"}]})j");
  CHECK(out[2] == R"j({"line":3,"errors":[{"field":"days","message":"expected int, got a string \"ten\""}]})j");
  CHECK(out[3] == R"j({"line":4,"errors":[{"message":"invalid JSON: syntax error while parsing value - unexpected end of input; )j"
                  R"j(expected '[', '{', or a literal","column":19}]})j");
  const json fifth = json::parse(out[4]);
  CHECK(fifth.at("id") == 5);
  CHECK(ranking(fifth) == std::vector<std::string>{"plan", "grace"});
  CHECK(fifth.at("outputs").at("monthly") == 250.125);
  CHECK(out[5] == R"j({"line":6,"errors":[{"message":"blank line (expected a JSON object of facts)"}]})j");
  CHECK(out[6] == R"j({"line":7,"errors":[{"field":"days","message":"given twice (each key once)"}]})j");
  CHECK(json::parse(out[7]).at("id") == 8);

  CHECK(summary_of(r.err) == "forbear batch: 8 lines: 3 advised, 5 failed (lines 2, 3, 4, 6, 7) in <T> s\n");
}

TEST_CASE("batch: all lines good exit 0; no input gives no output", "[batch][cli]") {
  Sandbox box;
  const auto good = box.batch("{\"days\": 1}\n{\"days\": 40}\n");
  CHECK(good.status == 0);
  CHECK(lines_of(good.out).size() == 2);
  CHECK(summary_of(good.err) == "forbear batch: 2 lines: 2 advised, 0 failed in <T> s\n");

  const auto empty = box.batch("");
  CHECK(empty.status == 0);
  CHECK(empty.out.empty());
  CHECK(summary_of(empty.err) == "forbear batch: 0 lines: 0 advised, 0 failed in <T> s\n");

  const auto one_blank = box.batch("\n");
  CHECK(one_blank.status == 2);
  CHECK(one_blank.out == "{\"line\":1,\"errors\":[{\"message\":\"blank line (expected a JSON object of facts)\"}]}\n");
  CHECK(summary_of(one_blank.err) == "forbear batch: 1 line: 0 advised, 1 failed (line 1) in <T> s\n");
}

TEST_CASE("batch: a line beyond the case limit fails alone and is not kept in memory", "[batch][cli]") {
  Sandbox box;
  const std::string huge = "{\"id\": \"" + std::string(3 * 1024 * 1024, 'x') + "\"}";
  const auto r = box.batch("{\"days\": 1}\n" + huge + "\n{\"days\": 2}\n");
  CHECK(r.status == 2);
  const auto out = lines_of(r.out);
  REQUIRE(out.size() == 3);
  CHECK(out[1] == "{\"line\":2,\"errors\":[{\"message\":\"case of " + std::to_string(huge.size()) +
                      " bytes, larger than the limit of 1048576 bytes\"}]}");
  CHECK(json::parse(out[2]).at("strategies").size() == 2);
}

TEST_CASE("batch: with many threads the output is the input's order and the same as with one", "[batch][cli][concurrency]") {
  Sandbox box;
  std::string input;
  const int count = 1000;
  for (int i = 1; i <= count; ++i) {
    if (i % 97 == 0) {
      input += "{\"id\": " + std::to_string(i) + ", \"days\": \"bad\"}\n";
    } else if (i % 89 == 0) {
      input += "\n";
    } else {
      input += "{\"id\": " + std::to_string(i) + ", \"days\": " + std::to_string(i % 60) + ", \"amount\": " + std::to_string(i) + ".25}\n";
    }
  }
  const auto one = box.batch(input, "--threads 1");
  const auto many = box.batch(input, "--threads 8");
  CHECK(one.status == 2);
  CHECK(many.status == 2);
  CHECK(many.out == one.out);
  const auto out = lines_of(many.out);
  REQUIRE(out.size() == static_cast<std::size_t>(count));
  for (int i = 1; i <= count; ++i) {
    const json record = json::parse(out[static_cast<std::size_t>(i - 1)]);
    if (i % 97 == 0 || i % 89 == 0) {
      CHECK(record.at("line") == i);
    } else {
      CHECK(record.at("id") == i);
      CHECK(ranking(record).front() == (i % 60 <= 30 ? "grace" : "plan"));
    }
  }
  // 10 lines fail for % 97, 11 blank for % 89.
  CHECK(summary_of(many.err) ==
        "forbear batch: 1000 lines: 979 advised, 21 failed (lines 89, 97, 178, 194, 267, 291, 356, 388, 445, 485, ...) in <T> s\n");
}

TEST_CASE("batch: rules that do not load, and bad options", "[batch][cli]") {
  Sandbox box;
  box.write("bad.rules", "ruleset b version \"1\"\nlet x = y\n");
  const auto bad_rules = box.run("batch --rules bad.rules", "{\"days\": 1}\n");
  CHECK(bad_rules.status == 1);
  CHECK(bad_rules.out.empty());
  CHECK_THAT(bad_rules.err, Catch::Contains("bad.rules:2:9: error: unknown name 'y'"));

  for (const char* threads : {"0", "65", "x", "-1", "1.5", "9999"}) {
    const auto r = box.run(std::string("batch --rules batch.rules --threads ") + threads, "");
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::StartsWith(std::string("forbear: error: --threads must be a whole number from 1 to 64, not '") + threads + "'"));
  }
  const auto positional = box.run("batch --rules batch.rules cases.jsonl", "");
  CHECK(positional.status == 2);
  CHECK_THAT(positional.err, Catch::StartsWith("forbear: error: 'batch' takes no file argument ('cases.jsonl')"));
}

#endif
