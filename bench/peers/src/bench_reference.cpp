// The hand-written reference (a plain `if` chain) timed like an engine, for scale:
//   peer_bench_reference --cases cases.jsonl --out reference.jsonl [--runs N]
// The cases are read into structs first; one evaluation is the if chain plus filling the outcome.

#include <iostream>

#include "driver.hpp"
#include "reference.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const int runs = std::stoi(arguments.optional("runs", "7"));
  const auto [cases, ids] = peers::read_case_file(arguments.required("cases"));
  peers::Summary summary;
  summary.engine = "hand-written C++ if chain (reference)";
  summary.detail = "case already in a struct; outcome filled in a struct";
  summary.before_load = peers::current_memory();
  std::vector<peers::PeerOutcome> outcomes;
  for (const auto& c : cases) outcomes.push_back(peers::reference_outcome(c));
  peers::write_outcomes(arguments.required("out"), ids, outcomes);
  summary.us_per_case = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) {
    const auto outcome = peers::reference_outcome(cases[i]);
    return outcome.scores[0] + outcome.fired + outcome.top;
  });
  summary.runs = runs;
  summary.cases = cases.size();
  summary.after = peers::current_memory();
  peers::print_summary(summary);
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_bench_reference: " << error.what() << '\n';
  return 1;
}
