// forbear graph: the decision graph (with a case: its fired path highlighted) as DOT or SVG, or
// what a fact influences.

#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/graphviz.hpp"

namespace forbear::cli {

int run_graph(const Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  const RuleSet& rules = *loaded.rules;
  if (!args.fact.empty()) {
    const auto dependents = rules.dependents(args.fact);
    if (dependents.empty()) std::cerr << "forbear: note: nothing depends on '" << args.fact << "', or it is not a fact or derived fact\n";
    for (const auto& name : dependents) std::cout << name << '\n';
    return kExitOk;
  }
  std::ostringstream dot;
  if (args.input) {
    const auto facts = read_case(rules, args);
    if (!facts) return kExitUsage;
    write_dot(dot, rules, *facts, args.lang);
  } else {
    rules.write_dot(dot);
  }
  if (args.format == "svg") {
    const auto svg = render_svg(dot.str());
    if (!svg) return kExitUsage;
    std::cout << *svg;
    return kExitOk;
  }
  std::cout << dot.str();
  return kExitOk;
}

}  // namespace forbear::cli
