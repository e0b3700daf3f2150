// forbear batch: the advice for every line of a JSON Lines stream. Nothing is lost: each input line
// gives exactly one output line, in input order, whether it is a case, a bad case or a blank line.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <thread>

#include "cli/audit_hook.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/fast_batch.hpp"

namespace forbear::cli {
namespace {

// Lines are read and advised on in chunks, which keeps memory bounded and the output in order.
constexpr std::size_t kLinesPerThread = 2048;
constexpr std::size_t kChunkBytes = 32 * 1024 * 1024;
// Failed lines named in the summary; the rest are counted.
constexpr std::size_t kFailedLinesShown = 10;

/// One input line: its bytes up to the case limit (and one more, to tell), and its full length.
struct InputLine {
  std::size_t number = 0;  ///< 1-based
  std::string text;        ///< without the line end ('\n', or "\r\n")
  std::size_t length = 0;  ///< bytes in the line, also those not kept
};

/// Reads lines of any length without keeping more than `keep` bytes of one; reads the input in
/// blocks and finds line ends with memchr.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t keep) : in_(*in.rdbuf()), keep_(keep), block_(1 << 16) {}

  /// The next line; false at the end of the input. A last line without '\n' is a line; the end of
  /// the input right after a '\n' is not.
  bool next(InputLine& line) {
    line.text.clear();
    line.length = 0;
    if (!fill()) return false;
    line.number = ++count_;
    for (;;) {
      const char* begin = block_.data() + at_;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', end_ - at_));
      const std::size_t size = newline ? static_cast<std::size_t>(newline - begin) : end_ - at_;
      // Keep at most keep + 1 bytes (one more than the limit, to tell).
      if (line.length <= keep_) line.text.append(begin, std::min(size, keep_ + 1 - line.length));
      line.length += size;
      at_ += size;
      if (newline) {
        ++at_;
        break;
      }
      if (!fill()) break;
    }
    if (line.length <= keep_ + 1 && !line.text.empty() && line.text.back() == '\r') {
      line.text.pop_back();
      --line.length;
    }
    return true;
  }

 private:
  // True when a byte is waiting (reads another block when the last one is used up).
  bool fill() {
    if (at_ < end_) return true;
    at_ = 0;
    end_ = static_cast<std::size_t>(std::max<std::streamsize>(0, in_.sgetn(block_.data(), static_cast<std::streamsize>(block_.size()))));
    return end_ > 0;
  }

  std::streambuf& in_;
  std::size_t keep_;
  std::vector<char> block_;
  std::size_t at_ = 0;
  std::size_t end_ = 0;
  std::size_t count_ = 0;
};

/// What became of one line: its output record, and whether it failed.
struct Outcome {
  std::string record;
  bool failed = false;
};

// {"line": N, "errors": [{"field": ..., "message": ..., "column": ...}]}: field and column only
// when known.
std::string error_record(std::size_t line, const std::vector<CaseError>& errors) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& error : errors) {
    nlohmann::ordered_json entry;
    if (!error.field.empty()) entry["field"] = error.field;
    entry["message"] = error.message;
    if (error.column > 0) entry["column"] = error.column;
    list.push_back(std::move(entry));
  }
  const nlohmann::ordered_json record{{"line", line}, {"errors", std::move(list)}};
  return record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Outcome answer(const RuleSet& rules, const InputLine& line, const AdviseOptions& options, AuditLog* audit_log) {
  const Limits limits;
  if (line.length > limits.max_case_bytes) {
    return {error_record(line.number, {{"", "case of " + std::to_string(line.length) + " bytes, larger than the limit of " +
                                                std::to_string(limits.max_case_bytes) + " bytes"}}),
            true};
  }
  if (line.text.find_first_not_of(" \t\r") == std::string::npos) {
    return {error_record(line.number, {{"", "blank line (expected a JSON object of facts)"}}), true};
  }
  try {
    const auto parsed = parse_case_json(rules, line.text, limits);
    if (!parsed.ok()) return {error_record(line.number, parsed.errors), true};
    const auto result = advise(rules, *parsed.value, options);
    const auto audit_error = audit(audit_log, line.text, result);  // no advice goes out unrecorded
    if (!audit_error.empty()) return {error_record(line.number, {{"", audit_error}}), true};
    return {to_json(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), false};
  } catch (const std::exception& error) {  // e.g. out of memory: this line fails, the others go on
    return {error_record(line.number, {{"", std::string("internal error: ") + error.what()}}), true};
  }
}

// Advises on every line of the chunk, `threads` at a time, each thread on a contiguous part of
// it (with a Context of its own for the fast lane); outcomes[i] belongs to lines[i].
void answer_all(const RuleSet& rules, const FastBatch* fast, const std::vector<InputLine>& lines, const AdviseOptions& options,
                int threads, AuditLog* audit_log, std::vector<Outcome>& outcomes) {
  outcomes.resize(lines.size());
  const auto wanted = std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(threads), lines.size()));
  const auto work = [&](std::size_t part) {
    std::optional<Context> context;
    if (fast) context.emplace(fast->evaluator());
    const std::size_t begin = lines.size() * part / wanted;
    const std::size_t end = lines.size() * (part + 1) / wanted;
    for (std::size_t i = begin; i < end; ++i) {
      Outcome& outcome = outcomes[i];
      outcome.record.clear();
      outcome.failed = false;
      const InputLine& line = lines[i];
      if (fast && line.length <= Limits{}.max_case_bytes && fast->answer(line.text, *context, outcome.record)) continue;
      outcome = answer(rules, line, options, audit_log);
    }
  };
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < wanted; ++t) helpers.emplace_back(work, t);
  work(0);
  for (auto& helper : helpers) helper.join();
}

std::string counted(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// "12 lines: 10 advised, 2 failed (lines 3, 7) in 0.05 s"
std::string summary(std::size_t lines, const std::vector<std::size_t>& failed, std::size_t failed_count, double seconds) {
  std::string out = counted(lines, "line") + ": " + std::to_string(lines - failed_count) + " advised, " +
                    std::to_string(failed_count) + " failed";
  if (failed_count > 0) {
    out += failed_count == 1 ? " (line " : " (lines ";
    for (std::size_t i = 0; i < failed.size(); ++i) out += (i > 0 ? ", " : "") + std::to_string(failed[i]);
    if (failed_count > failed.size()) out += ", ...";
    out += ")";
  }
  char time[32];
  std::snprintf(time, sizeof time, " in %.2f s", seconds);
  return out + time;
}

}  // namespace

int run_batch(const Arguments& args) {
  std::ios::sync_with_stdio(false);  // nothing was read or written yet; reading byte by byte gets faster
  const auto started = std::chrono::steady_clock::now();
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  std::string audit_error;
  const auto audit_log = open_audit_log(args, audit_error);
  if (!audit_error.empty()) {
    std::cerr << "forbear: error: " << audit_error << '\n';
    return kExitUsage;
  }
  AdviseOptions options;
  options.trace = args.trace;
  const bool progress = isatty(STDERR_FILENO) != 0;

  // Without a trace, most lines take the fast lane (see fast_batch.hpp); the rest the full one. The
  // audit log records full results, so with it every line takes the full lane.
  std::optional<FastBatch> fast;
  if (!options.trace && !audit_log) fast.emplace(*loaded.rules);
  LineReader reader(std::cin, Limits{}.max_case_bytes);
  std::vector<InputLine> chunk;
  std::vector<Outcome> outcomes;
  std::size_t lines = 0;
  std::size_t failed_count = 0;
  std::vector<std::size_t> failed;
  for (;;) {
    // The chunk's lines and outcomes are reused from chunk to chunk: their strings keep their room.
    std::size_t count = 0;
    std::size_t bytes = 0;
    while (count < kLinesPerThread * static_cast<std::size_t>(args.threads) && bytes < kChunkBytes) {
      if (chunk.size() <= count) chunk.emplace_back();
      if (!reader.next(chunk[count])) break;
      bytes += chunk[count].text.size();
      ++count;
    }
    if (count == 0) break;
    chunk.resize(count);
    answer_all(*loaded.rules, fast ? &*fast : nullptr, chunk, options, args.threads, audit_log.get(), outcomes);
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      std::cout.write(outcomes[i].record.data(), static_cast<std::streamsize>(outcomes[i].record.size()));
      std::cout.put('\n');
      if (!outcomes[i].failed) continue;
      ++failed_count;
      if (failed.size() < kFailedLinesShown) failed.push_back(chunk[i].number);
    }
    std::cout.flush();
    lines += chunk.size();
    if (progress) std::cerr << "\rforbear batch: " << counted(lines, "line") << ", " << failed_count << " failed" << std::flush;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  // On a terminal the summary replaces the progress line ("\x1b[K" clears the rest of it).
  std::cerr << (progress ? "\r\x1b[K" : "") << "forbear batch: " << summary(lines, failed, failed_count, elapsed.count()) << '\n';
  if (!std::cout) {
    std::cerr << "forbear: error: cannot write the advice to standard output\n";
    return kExitUsage;
  }
  return failed_count > 0 ? kExitUsage : kExitOk;
}

}  // namespace forbear::cli
