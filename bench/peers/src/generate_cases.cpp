// Writes the workload's cases and their expected outputs:
//   peer_generate --out-dir DIR [--count N] [--seed S]
// DIR/cases.jsonl: one case per line (peer-workload.md §1); DIR/expected.jsonl: the hand-written
// reference's output for each (§6).

#include <fstream>
#include <iostream>

#include "case_generator.hpp"
#include "driver.hpp"
#include "reference.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const std::string dir = arguments.required("out-dir");
  const int count = std::stoi(arguments.optional("count", std::to_string(peers::default_case_count)));
  const auto seed = std::stoull(arguments.optional("seed", std::to_string(peers::default_seed)));
  std::ofstream cases(dir + "/cases.jsonl"), expected(dir + "/expected.jsonl");
  if (!cases || !expected) throw std::runtime_error("cannot write into " + dir);
  for (const auto& c : peers::generate_cases(seed, count)) {
    cases << peers::case_to_json(c) << '\n';
    expected << peers::outcome_to_json(c.id, peers::reference_outcome(c)) << '\n';
  }
  std::cerr << "peer_generate: " << count << " cases (seed " << seed << ") in " << dir << '\n';
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_generate: " << error.what() << '\n';
  return 1;
}
