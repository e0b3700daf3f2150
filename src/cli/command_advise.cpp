// forbear advise: the advice on one case.

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

int run_advise(const Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  const auto facts = read_case(*loaded.rules, args);
  if (!facts) return kExitUsage;
  AdviseOptions options;
  options.trace = args.trace;
  const auto result = advise(*loaded.rules, *facts, options);
  if (args.format == "json") {
    std::cout << to_json(result).dump(2) << '\n';
  } else {
    std::cout << render_text(result, args.lang);
  }
  return kExitOk;
}

}  // namespace forbear::cli
