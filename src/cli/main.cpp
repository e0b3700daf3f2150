// The forbear command: dispatches to one function per command (commands.hpp).

#include <iostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "forbear/version.hpp"

int main(int argc, char** argv) {
  using namespace forbear::cli;
  const std::vector<std::string> raw(argv + 1, argv + argc);
  const auto parsed = parse_arguments(raw);
  if (!parsed.arguments) {
    std::cerr << "forbear: error: " << parsed.error << "\n\n" << usage();
    return kExitUsage;
  }
  const auto& args = *parsed.arguments;
  if (args.command == "help") {
    std::cout << usage();
    return kExitOk;
  }
  if (args.command == "version") {
    std::cout << "forbear " << FORBEAR_VERSION_STRING << '\n';
    return kExitOk;
  }
  if (args.command == "advise") return run_advise(args);
  if (args.command == "check") return run_check(args);
  if (args.command == "graph") return run_graph(args);
  if (args.command == "test") return run_test(args);
  if (args.command == "batch") return run_batch(args);
  if (args.command == "replay") return run_replay(args);
  return run_fmt(args);
}
