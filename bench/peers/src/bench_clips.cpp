// CLIPS 6.30 linked in process, one case at a time:
//   peer_bench_clips --clp peer_workload.clp --cases cases.jsonl --out clips.jsonl [--runs N]
// The cases are read into structs first; one evaluation is (reset), asserting the case fact through the
// C API, (run) and reading the score, fired and top facts back. Load = creating the environment and
// loading the constructs.

#include <iostream>

#include "clips_workload.hpp"
#include "driver.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const int runs = std::stoi(arguments.optional("runs", "7"));
  const auto [cases, ids] = peers::read_case_file(arguments.required("cases"));
  peers::Summary summary;
  summary.engine = "CLIPS 6.30";
  summary.detail = "(reset) + assert case fact + (run) + read facts back";
  summary.before_load = peers::current_memory();
  const auto start = std::chrono::steady_clock::now();
  peers::ClipsWorkload engine(arguments.required("clp"));
  summary.load_ms = peers::elapsed_ms(start);

  std::vector<peers::PeerOutcome> outcomes;
  for (const auto& c : cases) outcomes.push_back(engine.evaluate(c));
  peers::write_outcomes(arguments.required("out"), ids, outcomes);
  summary.us_per_case = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) {
    const auto outcome = engine.evaluate(cases[i]);
    return outcome.scores[0] + outcome.fired + outcome.top;
  });
  summary.runs = runs;
  summary.cases = cases.size();
  summary.after = peers::current_memory();
  peers::print_summary(summary);
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_bench_clips: " << error.what() << '\n';
  return 1;
}
