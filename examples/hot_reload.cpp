// Hot reload: a host serves advice from a LiveRuleSet while a domain expert edits the rule files.
//
//   hot_reload RULES_DIR CASE.json
//
// Works on a scratch copy of RULES_DIR: advises, breaks a file (the reload is refused and the last
// good rules stay in service), mends it, and lets the watcher pick up the mend.

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <forbear/forbear.hpp>
#include <forbear/live_rule_set.hpp>

namespace fs = std::filesystem;

std::string top_of(const forbear::RuleSet& rules, const std::string& case_json) {
  const auto parsed = forbear::parse_case_json(rules, case_json);
  const auto advice = forbear::advise(rules, *parsed.value);  // finishes on `rules`, whatever reloads meanwhile
  return advice.strategies.empty() ? "none" : advice.strategies.front().id;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hot_reload RULES_DIR CASE.json\n";
    return 2;
  }
  const fs::path rules = fs::temp_directory_path() / ("forbear_hot_reload_" + std::to_string(::getpid()));
  fs::remove_all(rules);
  fs::copy(argv[1], rules, fs::copy_options::recursive);
  std::stringstream case_json;
  case_json << std::ifstream(argv[2]).rdbuf();

  forbear::LiveRuleSetOptions options;
  options.warnings_as_errors = true;  // a file saved half-way often loads with warnings only
  options.on_reload = [](const forbear::ReloadOutcome& outcome) {
    if (!outcome.ok) std::cout << "reload refused:\n" << outcome.rendered_diagnostics;
  };
  forbear::LiveRuleSet live({rules}, options);
  std::cout << "generation " << live.status().generation << ", top: " << top_of(live.current(), case_json.str()) << '\n';

  const fs::path edited = rules / "strategies.rules";
  std::stringstream original;
  original << std::ifstream(edited).rdbuf();
  std::ofstream(edited, std::ios::app) << "rule half_written when\n";  // an edit saved half-way
  live.reload();
  std::cout << "still serving generation " << live.status().generation << ", top: " << top_of(live.current(), case_json.str())
            << '\n';

  live.start_watching(std::chrono::milliseconds(50));
  std::ofstream(edited, std::ios::trunc) << original.str();  // the expert mends the file
  while (!live.status().last_error.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  live.stop_watching();
  std::cout << "mended: last error cleared, generation " << live.status().generation << '\n';
  fs::remove_all(rules);
  return 0;
}
