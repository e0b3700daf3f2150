#pragma once

// What every C++ driver of the peer comparison shares: its command line, reading data/cases.jsonl,
// writing one output line per case, timing one case at a time, the process's memory, and the summary
// line that run.sh turns into the table.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "peer_case.hpp"

namespace forbear::peers {

/// --cases FILE --out FILE [--runs N] [--rules FILE] ...: every option takes a value.
class DriverArguments {
 public:
  DriverArguments(int argc, char** argv);
  /// The value of --NAME; throws std::runtime_error when it is missing.
  const std::string& required(const std::string& name) const;
  /// The value of --NAME, or `fallback`.
  std::string optional(const std::string& name, const std::string& fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

/// The lines of a JSON Lines file (empty lines skipped); throws std::runtime_error when unreadable.
std::vector<std::string> read_lines(const std::string& path);

/// The cases of data/cases.jsonl, each read into the workload's struct, with their ids in the same order.
struct CaseFile {
  std::vector<PeerCase> cases;
  std::vector<std::int64_t> ids;
};
/// Reads data/cases.jsonl; throws std::runtime_error naming the file or the field on bad input.
CaseFile read_case_file(const std::string& path);

/// Writes one line per outcome in the output shape of the workload (§6).
void write_outcomes(const std::string& path, const std::vector<std::int64_t>& ids, const std::vector<PeerOutcome>& outcomes);

/// The process's resident set now and at its peak, in KiB (from /proc/self/status; 0 when unreadable).
struct Memory {
  std::int64_t rss_kib = 0;
  std::int64_t peak_kib = 0;
};
Memory current_memory();

/// Median time per case in µs over `runs` timed passes over all `count` cases, after one untimed pass.
/// `evaluate(i)` evaluates case i and reads its result back; what it returns is folded into a sink so
/// that the work cannot be optimised away.
double median_us_per_case(std::size_t count, int runs, const std::function<std::int64_t(std::size_t)>& evaluate);

/// Milliseconds since `start`.
double elapsed_ms(std::chrono::steady_clock::time_point start);

/// One engine's row, printed as one JSON line on stdout (run.sh collects them into the table).
struct Summary {
  std::string engine;
  std::string detail;                 ///< what one evaluation includes
  std::optional<double> load_ms;      ///< empty when there is nothing to load
  double us_per_case = 0;
  std::optional<double> us_per_case_trace;
  int runs = 0;
  std::size_t cases = 0;
  Memory before_load;
  Memory after;
};
void print_summary(const Summary& summary);

}  // namespace forbear::peers
