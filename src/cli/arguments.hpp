#pragma once

#include <optional>
#include <string>
#include <vector>

namespace forbear::cli {

/// A parsed command line.
struct Arguments {
  std::string command;               ///< advise, check, graph, help or version
  std::vector<std::string> rules;    ///< --rules PATH, in order (empty: the shipped rules)
  std::string lang = "zh";           ///< --lang zh|en
  std::string format = "text";       ///< --format text|json (advise) or dot (graph)
  bool trace = true;                 ///< --no-trace turns the trace off
  std::string fact;                  ///< graph --dependents-of NAME
  std::optional<std::string> input;  ///< CASE.json or "-" (advise)
};

/// The outcome of parsing: arguments, or a usage error to print with exit status 2.
struct ParsedArguments {
  std::optional<Arguments> arguments;
  std::string error;
};

/// Parses argv[1..]. Every problem is a message naming the offending argument.
ParsedArguments parse_arguments(const std::vector<std::string>& args);

/// The text of `forbear --help`.
std::string usage();

}  // namespace forbear::cli
