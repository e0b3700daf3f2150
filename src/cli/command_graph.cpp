// forbear graph: the decision graph, or what a fact influences.

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

int run_graph(const Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  if (!args.fact.empty()) {
    const auto dependents = loaded.rules->dependents(args.fact);
    if (dependents.empty()) std::cerr << "forbear: note: nothing depends on '" << args.fact << "', or it is not a fact or derived fact\n";
    for (const auto& name : dependents) std::cout << name << '\n';
    return kExitOk;
  }
  loaded.rules->write_dot(std::cout);
  return kExitOk;
}

}  // namespace forbear::cli
