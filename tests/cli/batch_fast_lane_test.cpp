// `forbear batch` without a trace answers flat, complete lines through its fast lane (fast_batch.cpp)
// and every other line through the full one: each output line must be the very bytes of
// to_json(advise(parse_case_json(line))), whichever lane took it, with 1 and 2 threads.

#include <catch2/catch.hpp>

#include <random>

#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"

#ifdef FORBEAR_CLI_PATH
namespace {

std::string expected_line(const forbear::RuleSet& rules, const std::string& line) {
  const auto parsed = forbear::parse_case_json(rules, line);
  if (!parsed.ok()) return "<error>";
  const auto result = forbear::advise(rules, *parsed.value, {false});
  return forbear::to_json(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string peer_lines() {
  static const char* const kHardships[] = {"none", "illness", "job_loss", "income_drop", "business_failure",
                                           "family_emergency", "disaster", "platform_error", "overspending"};
  std::mt19937_64 random(17);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  std::string lines;
  for (int i = 0; i < 300; ++i) {
    const std::string amount = pick(0, 3) == 0 ? std::to_string(pick(100, 200000)) : std::to_string(pick(100, 200000)) + "." + std::to_string(pick(10, 99));
    std::string line = "{\"id\":" + (pick(0, 4) == 0 ? "\"case-" + std::to_string(i) + "\"" : std::to_string(i)) +
                       ", \"days_overdue\": " + std::to_string(pick(0, 400)) + ",\"amount\":" + amount + ",\"hardship\":\"" +
                       kHardships[pick(0, 8)] + "\",\"has_proof\":" + (pick(0, 1) ? "true" : "false") +
                       ",\"credit_history\":\"" + (pick(0, 1) ? "good" : "poor") + "\",\"prior_defaults\":" + std::to_string(pick(0, 5)) +
                       ",\"monthly_income\":" + std::to_string(pick(0, 40000)) + ",\"monthly_expenses\":" + std::to_string(pick(0, 40000)) +
                       ",\"platform_allows_installment\":" + (pick(0, 1) ? "true" : "false") +
                       ",\"platform_allows_waiver\":" + (pick(0, 1) ? "true" : "false") + ",\"contacted_before\":" + std::to_string(pick(0, 9)) +
                       ",\"collection_calls_per_day\":" + std::to_string(pick(0, 15)) + "}";
    switch (i % 10) {  // lines the fast lane must leave to the full one, or read as the full one does
      case 1: line.replace(line.find("\"has_proof\""), 11, "\"has_proof\":null,\"x\""); break;  // unknown key
      case 2: line.insert(line.size() - 1, ",\"prior_defaults\":1"); break;                          // a key twice
      case 3: line.replace(line.find("\"contacted_before\":"), 19, "\"contacted_before\":2.0,\"y\":"); break;
      case 4: line.replace(line.find("{\"id\":"), 6, "{\"id\":-"); break;                           // a negative id
      case 5: line.replace(line.find("\"credit_history\":\""), 18, "\"credit_history\":\"\\u0067"); break;  // an escape
      case 6: line.replace(line.find(",\"has_proof\":"), 13, ",\"has_proof\":null,\"z\":"); break;
      case 7: line = line.substr(0, line.find(",\"collection_calls_per_day\"")) + "}"; break;         // a fact missing
      case 8: line += " \r"; break;
      default: break;
    }
    lines += line + "\n";
  }
  return lines;
}

}  // namespace

TEST_CASE("batch: the fast lane writes what the full lane writes", "[cli][batch][fast]") {
  forbear::test::CliSandbox box;
  const std::string rules_path = FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules";
  auto loaded = forbear::load_rules({rules_path});
  REQUIRE(loaded.ok());
  const std::string input = peer_lines();
  const auto lines = forbear::test::lines_of(input);
  std::size_t answered = 0;
  for (const char* threads : {"1", "2"}) {
    const auto run = box.run("batch --no-trace --threads " + std::string(threads) + " --rules " + forbear::test::shell_quote(rules_path), input);
    const auto out = forbear::test::lines_of(run.out);
    REQUIRE(out.size() == lines.size());
    answered = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string expected = expected_line(*loaded.rules, lines[i]);
      if (expected == "<error>") {
        CHECK(out[i].rfind("{\"line\":" + std::to_string(i + 1) + ",\"errors\":", 0) == 0);
        continue;
      }
      INFO(lines[i]);
      CHECK(out[i] == expected);
      ++answered;
    }
  }
  CHECK(answered > 120);  // the rest are refused lines
}
#endif
