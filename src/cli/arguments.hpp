#pragma once

#include <optional>
#include <string>
#include <vector>

namespace forbear::cli {

/// The most threads `batch --threads` accepts.
constexpr int kMaxThreads = 64;

/// A parsed command line. Which options a command takes is listed in usage().
struct Arguments {
  std::string command;               ///< advise, check, graph, test, fmt, batch, replay, help or version
  std::vector<std::string> rules;    ///< --rules PATH, in order (empty: the shipped rules)
  std::string lang = "zh";           ///< --lang zh|en
  std::string format;                ///< --format: advise text|json (default text), graph dot|svg (default dot)
  bool trace = true;                 ///< advise --no-trace turns the trace off
  std::string fact;                  ///< graph --dependents-of NAME
  std::vector<std::string> why_not;  ///< advise --why-not STRATEGY, in order
  std::vector<std::string> sets;     ///< advise --set NAME=VALUE, in order, as written
  bool check_only = false;           ///< fmt --check: report files that would change, write nothing
  bool warnings_as_errors = false;   ///< check --werror
  int threads = 1;                   ///< batch --threads N: cases advised at once, 1 to kMaxThreads
  std::optional<std::string> audit_log;  ///< advise/batch --audit-log PATH: append a record of each advice
  std::vector<std::string> audit_mask;  ///< --audit-mask FIELD, in order: logged as {"masked": true}
  std::vector<std::string> audit_drop;  ///< --audit-drop FIELD, in order: left out of the log
  std::optional<std::string> input;  ///< advise/graph: CASE.json or "-"; replay: the audit log
  std::vector<std::string> paths;    ///< test: test files or directories; fmt: rule files or directories
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
