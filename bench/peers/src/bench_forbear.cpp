// forbear through its public C++ API, one case at a time:
//   peer_bench_forbear --rules peer_workload.rules --cases cases.jsonl --out forbear.jsonl [--runs N]
// The cases are parsed into nlohmann::json objects first (as a host holds them); one evaluation is
// forbear::parse_case + forbear::advise + reading the outcome back from the AdviceResult, without and
// with the trace. Load = load_rules (parse + check + compile) of the rule file.

#include <iostream>

#include "driver.hpp"
#include "forbear_workload.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const int runs = std::stoi(arguments.optional("runs", "7"));
  std::vector<nlohmann::json> cases;
  std::vector<std::int64_t> ids;
  for (const auto& line : peers::read_lines(arguments.required("cases"))) {
    cases.push_back(nlohmann::json::parse(line));
    ids.push_back(cases.back().at("id").get<std::int64_t>());
  }
  peers::Summary summary;
  summary.engine = "forbear";
  summary.detail = "parse_case(nlohmann::json) + advise + read back";
  summary.before_load = peers::current_memory();
  const auto start = std::chrono::steady_clock::now();
  const peers::ForbearWorkload engine(arguments.required("rules"));
  summary.load_ms = peers::elapsed_ms(start);

  std::vector<peers::PeerOutcome> outcomes;
  for (const auto& facts : cases) {
    const auto outcome = engine.evaluate(facts, false);
    if (engine.evaluate(facts, true) != outcome) throw std::runtime_error("forbear: trace changes the outcome of " + facts.dump());
    outcomes.push_back(outcome);
  }
  peers::write_outcomes(arguments.required("out"), ids, outcomes);

  auto fold = [](const peers::PeerOutcome& outcome) { return outcome.scores[0] + outcome.fired + outcome.top; };
  summary.us_per_case = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) {
    return fold(engine.evaluate(cases[i], false));
  });
  summary.us_per_case_trace = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) {
    return fold(engine.evaluate(cases[i], true));
  });
  summary.runs = runs;
  summary.cases = cases.size();
  summary.after = peers::current_memory();
  peers::print_summary(summary);
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_bench_forbear: " << error.what() << '\n';
  return 1;
}
