// forbear batch reads, answers and writes its input in chunks of lines (256 lines with up to 30
// threads, fewer with more: 124 with 64 threads), handed to a pool of worker threads: the output must
// not show where one chunk ends and the next begins, whatever the thread count, and whichever lane
// (fast or full) answers each line.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/cli_runner.hpp"

namespace {

using forbear::test::lines_of;
using nlohmann::json;

const char* const kRules = R"(ruleset chunks version "1"
fact days: int
fact amount: number
strategy grace { en: "Ask for a grace period" }
strategy plan { en: "Ask for a plan" }
rule short when days <= 30 then grace += 3 because "short" source "s"
rule long when days > 30 then plan += 5 because "long" source "s"
rule large when amount > 500 then plan += 1 because "large" source "s"
)";

class Sandbox : public forbear::test::CliSandbox {
 public:
  Sandbox() { write("chunks.rules", kRules); }
  forbear::test::CliRun batch(const std::string& input, int threads) const {
    return run("batch --rules chunks.rules --no-trace --threads " + std::to_string(threads), input);
  }
};

std::string without_time(const std::string& err) {
  static const std::regex time(" in [0-9]+\\.[0-9]{2} s\n$");
  return std::regex_replace(err, time, " in <T> s\n");
}

// Line i (1-based): bad on the lines of `bad`, blank on those of `blank`; otherwise a case with both
// facts (the fast lane) or, every third line, with days only (the full lane: a missing fact).
std::string line_for(std::size_t i, const std::set<std::size_t>& bad, const std::set<std::size_t>& blank) {
  if (bad.count(i)) return "{\"id\": " + std::to_string(i) + ", \"days\": \"many\"}";
  if (blank.count(i)) return "";
  if (i % 3 == 0) return "{\"id\": " + std::to_string(i) + ", \"days\": " + std::to_string(i % 61) + "}";
  return "{\"id\": " + std::to_string(i) + ", \"days\": " + std::to_string(i % 61) + ", \"amount\": " + std::to_string(i % 1000) + ".5}";
}

// Checks that record `out` answers input line `i` as line_for wrote it.
void check_record(const std::string& out, std::size_t i, const std::set<std::size_t>& bad, const std::set<std::size_t>& blank) {
  INFO("line " << i << ": " << out);
  const json record = json::parse(out);
  if (bad.count(i)) {
    CHECK(out == "{\"line\":" + std::to_string(i) + ",\"errors\":[{\"field\":\"days\",\"message\":\"expected int, got a string \\\"many\\\"\"}]}");
  } else if (blank.count(i)) {
    CHECK(out == "{\"line\":" + std::to_string(i) + ",\"errors\":[{\"message\":\"blank line (expected a JSON object of facts)\"}]}");
  } else {
    CHECK(record.at("id") == i);
    CHECK(record.at("strategies").at(0).at("id") == (i % 61 <= 30 ? "grace" : "plan"));
    CHECK(record.at("missing").size() == (i % 3 == 0 ? 1u : 0u));
  }
}

}  // namespace

TEST_CASE("batch: bad and blank lines at chunk boundaries keep their place and numbers with 1 to 64 threads",
          "[batch][cli][concurrency]") {
  Sandbox box;
  // Boundaries of 256-line chunks (up to 30 threads), of 124-line ones (64 threads) and of others.
  const std::set<std::size_t> bad{1, 124, 125, 248, 256, 257, 512, 1024, 1025, 2048, 3000, 4097};
  const std::set<std::size_t> blank{123, 255, 513, 769, 2049, 4095};
  const std::size_t count = 4200;
  std::string input;
  for (std::size_t i = 1; i <= count; ++i) input += line_for(i, bad, blank) + "\n";

  const auto one = box.batch(input, 1);
  CHECK(one.status == 2);
  const auto out = lines_of(one.out);
  REQUIRE(out.size() == count);
  for (std::size_t i = 1; i <= count; ++i) check_record(out[i - 1], i, bad, blank);
  CHECK(without_time(one.err) ==
        "forbear batch: 4200 lines: 4182 advised, 18 failed (lines 1, 123, 124, 125, 248, 255, 256, 257, 512, 513, ...) in <T> s\n");

  for (const int threads : {2, 3, 4, 8, 64}) {
    INFO(threads << " threads");
    const auto many = box.batch(input, threads);
    CHECK(many.status == 2);
    CHECK(many.out == one.out);
    CHECK(without_time(many.err) == without_time(one.err));
  }
}

TEST_CASE("batch: a last line without a newline, at a chunk boundary or not, is a line", "[batch][cli][concurrency]") {
  Sandbox box;
  for (const std::size_t count : {255u, 256u, 257u, 1024u}) {
    std::string input;
    for (std::size_t i = 1; i <= count; ++i) input += line_for(i, {}, {}) + (i < count ? "\n" : "");
    for (const int threads : {1, 2, 8}) {
      INFO(count << " lines, " << threads << " threads");
      const auto r = box.batch(input, threads);
      CHECK(r.status == 0);
      const auto out = lines_of(r.out);
      REQUIRE(out.size() == count);
      CHECK(r.out.back() == '\n');
      check_record(out.back(), count, {}, {});
      CHECK(without_time(r.err) == "forbear batch: " + std::to_string(count) + " lines: " + std::to_string(count) + " advised, 0 failed in <T> s\n");
    }
  }
}

TEST_CASE("batch: CRLF line ends and a bad last line without a newline, with threads", "[batch][cli][concurrency]") {
  Sandbox box;
  std::string input;
  for (std::size_t i = 1; i <= 1500; ++i) input += line_for(i, {}, {}) + "\r\n";
  input += "{\"id\": 1501, \"days\":";
  for (const int threads : {1, 4}) {
    const auto r = box.batch(input, threads);
    CHECK(r.status == 2);
    const auto out = lines_of(r.out);
    REQUIRE(out.size() == 1501);
    for (std::size_t i = 1; i <= 1500; i += 499) check_record(out[i - 1], i, {}, {});
    CHECK_THAT(out.back(), Catch::StartsWith("{\"line\":1501,\"errors\":[{\"message\":\"invalid JSON: "));
    CHECK(without_time(r.err) == "forbear batch: 1501 lines: 1500 advised, 1 failed (line 1501) in <T> s\n");
  }
}

TEST_CASE("batch: lines beyond the case limit in a chunk answered by threads fail alone", "[batch][cli][concurrency]") {
  Sandbox box;
  const std::string huge = "{\"id\": \"" + std::string(1024 * 1024, 'x') + "\"}";
  std::string input;
  for (std::size_t i = 1; i <= 40; ++i) input += (i % 10 == 0 ? huge : line_for(i, {}, {})) + "\n";
  const auto one = box.batch(input, 1);
  const auto many = box.batch(input, 4);
  CHECK(many.out == one.out);
  const auto out = lines_of(many.out);
  REQUIRE(out.size() == 40);
  CHECK(out[9] == "{\"line\":10,\"errors\":[{\"message\":\"case of " + std::to_string(huge.size()) +
                      " bytes, larger than the limit of 1048576 bytes\"}]}");
  check_record(out[10], 11, {}, {});
  CHECK(without_time(many.err) == "forbear batch: 40 lines: 36 advised, 4 failed (lines 10, 20, 30, 40) in <T> s\n");
}

#endif
