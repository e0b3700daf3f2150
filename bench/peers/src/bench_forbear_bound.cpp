// forbear's bound-facts API (forbear/evaluator.hpp), one case at a time, in two rows:
//   peer_bench_forbear_bound --rules peer_workload.rules --cases cases.jsonl --out bound.jsonl
//                            --out-json assign.jsonl [--runs N]
// "bound facts": the case in a struct, its 12 facts set into a reused Context through slots bound once,
// evaluate, read back. "Context::assign(json)": the case as an nlohmann::json object, assigned, evaluated,
// read back. Load = load_rules + compiling the Evaluator.

#include <iostream>

#include "driver.hpp"
#include "forbear_bound_workload.hpp"

namespace peers = forbear::peers;

int main(int argc, char** argv) try {
  const peers::DriverArguments arguments(argc, argv);
  const int runs = std::stoi(arguments.optional("runs", "7"));
  std::vector<peers::PeerCase> cases;
  std::vector<nlohmann::json> objects;
  std::vector<std::int64_t> ids;
  for (const auto& line : peers::read_lines(arguments.required("cases"))) {
    cases.push_back(peers::case_from_json(line));
    objects.push_back(nlohmann::json::parse(line));
    ids.push_back(cases.back().id);
  }
  const auto before_load = peers::current_memory();
  const auto start = std::chrono::steady_clock::now();
  forbear::LoadResult loaded = forbear::load_rules({arguments.required("rules")});
  if (!loaded.ok()) throw std::runtime_error(loaded.rendered_diagnostics());
  peers::ForbearBoundWorkload engine(*loaded.rules);
  const double load_ms = peers::elapsed_ms(start);

  std::vector<peers::PeerOutcome> bound, assigned;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    bound.push_back(engine.evaluate(cases[i]));
    assigned.push_back(engine.evaluate(objects[i]));
  }
  peers::write_outcomes(arguments.required("out"), ids, bound);
  peers::write_outcomes(arguments.required("out-json"), ids, assigned);

  auto fold = [](const peers::PeerOutcome& outcome) { return outcome.scores[0] + outcome.fired + outcome.top; };
  peers::Summary summary;
  summary.engine = "forbear bound facts";
  summary.detail = "typed facts set into a reused Context (slots bound once) + evaluate + read back";
  summary.load_ms = load_ms;
  summary.before_load = before_load;
  summary.us_per_case = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) { return fold(engine.evaluate(cases[i])); });
  summary.runs = runs;
  summary.cases = cases.size();
  summary.after = peers::current_memory();
  peers::print_summary(summary);

  summary.engine = "forbear Context::assign(json)";
  summary.detail = "Context::assign(nlohmann::json) + evaluate + read back";
  summary.us_per_case = peers::median_us_per_case(cases.size(), runs, [&](std::size_t i) { return fold(engine.evaluate(objects[i])); });
  summary.after = peers::current_memory();
  peers::print_summary(summary);
  return 0;
} catch (const std::exception& error) {
  std::cerr << "peer_bench_forbear_bound: " << error.what() << '\n';
  return 1;
}
