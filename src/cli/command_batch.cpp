// forbear batch: the advice for every line of a JSON Lines stream. Nothing is lost: each input line
// gives exactly one output line, in input order, whether it is a case, a bad case or a blank line.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <cstdio>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "cli/audit_hook.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/batch_chunk.hpp"
#include "cli/chunk_reader.hpp"
#include "cli/fast_batch.hpp"

namespace forbear::cli {
namespace {

// Lines are read, answered and written in chunks, which keeps memory bounded and the output in
// order. Each of the N threads (the main thread is one of them) takes the next chunk of input,
// answers it and writes it when its turn comes: a chunk's lines and output stay in the cache of the
// core that made them (the output is several times the input), and the input and the output are each
// used by one thread at a time, in chunk order. At most N chunks are in memory, of at most
// kLinesInFlight lines and kBytesInFlight input bytes together (and one line more each).
constexpr std::size_t kLinesPerChunk = 256;  // small enough that the last chunks keep every worker busy
constexpr std::size_t kMinLinesPerChunk = 64;
constexpr std::size_t kLinesInFlight = 8192;
constexpr std::size_t kBytesInFlight = 32 * 1024 * 1024;
// Failed lines named in the summary; the rest are counted.
constexpr std::size_t kFailedLinesShown = 10;

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

// The full lane: line `number`, of which `text` was kept out of `length` bytes.
Outcome answer(const RuleSet& rules, std::size_t number, const std::string& text, std::size_t length, const AdviseOptions& options,
               AuditLog* audit_log) {
  const Limits limits;
  if (length > limits.max_case_bytes) {
    return {error_record(number, {{"", "case of " + std::to_string(length) + " bytes, larger than the limit of " +
                                           std::to_string(limits.max_case_bytes) + " bytes"}}),
            true};
  }
  if (text.find_first_not_of(" \t\r") == std::string::npos) {
    return {error_record(number, {{"", "blank line (expected a JSON object of facts)"}}), true};
  }
  try {
    const auto parsed = parse_case_json(rules, text, limits);
    if (!parsed.ok()) return {error_record(number, parsed.errors), true};
    const auto result = advise(rules, *parsed.value, options);
    const auto audit_error = audit(audit_log, text, result);  // no advice goes out unrecorded
    if (!audit_error.empty()) return {error_record(number, {{"", audit_error}}), true};
    return {to_json(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), false};
  } catch (const std::exception& error) {  // e.g. out of memory: this line fails, the others go on
    return {error_record(number, {{"", std::string("internal error: ") + error.what()}}), true};
  }
}

// What one thread answers chunks with: the rule set, the lanes, and its own fast-lane scratch.
struct ChunkAnswerer {
  const RuleSet& rules;
  const FastBatch* fast;  // null: every line takes the full lane
  const AdviseOptions& options;
  AuditLog* audit_log;

  // Writes the output of every line of `chunk`, in order, and notes the lines that failed.
  void answer(Chunk& chunk, std::optional<FastBatch::Scratch>& scratch) const {
    if (fast && !scratch) scratch.emplace(*fast);
    const std::size_t limit = Limits{}.max_case_bytes;
    std::string text;
    for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
      const ChunkLine& line = chunk.lines[i];
      if (!(fast && line.length <= limit && fast->answer(chunk.line(i), *scratch, chunk.output))) {
        text.assign(chunk.line(i));
        const Outcome outcome = cli::answer(rules, chunk.first_number + i, text, line.length, options, audit_log);
        chunk.output.put(outcome.record);
        if (outcome.failed) chunk.failed.push_back(chunk.first_number + i);
      }
      chunk.output.put('\n');
    }
  }
};

// The message of an exception, for the error line.
std::string what(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
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
  const ChunkAnswerer answerer{*loaded.rules, fast ? &*fast : nullptr, options, audit_log.get()};
  const auto threads = static_cast<std::size_t>(args.threads);
  const std::size_t lines_per_chunk = std::clamp(kLinesInFlight / threads, kMinLinesPerChunk, kLinesPerChunk);
  const std::size_t bytes_per_chunk = kBytesInFlight / threads;

  ChunkReader reader(std::cin, Limits{}.max_case_bytes);
  std::mutex input_mutex;  // the reader, next_read, input_ended
  std::size_t next_read = 0;  // chunk numbers
  bool input_ended = false;
  std::mutex output_mutex;  // std::cout, next_write, the counts, abandoned, error
  std::condition_variable output_turn;
  std::size_t next_write = 0;
  bool abandoned = false;  // a thread failed outside any line (e.g. out of memory reading): all stop
  std::exception_ptr error;
  std::size_t lines = 0;
  std::size_t failed_count = 0;
  std::vector<std::size_t> failed;

  // Why the threads stop early (the first reason is kept): wakes those waiting for their turn first,
  // then keeps the others from reading more.
  const auto abandon = [&](std::exception_ptr why) noexcept {
    {
      const std::lock_guard lock(output_mutex);
      if (!error) error = std::move(why);
      abandoned = true;
    }
    output_turn.notify_all();
    const std::lock_guard lock(input_mutex);
    input_ended = true;
  };
  const auto work = [&]() noexcept {
    Chunk chunk;
    std::optional<FastBatch::Scratch> scratch;
    try {
      for (;;) {
        std::size_t number = 0;
        {
          const std::lock_guard lock(input_mutex);
          if (input_ended || !reader.read(chunk, lines_per_chunk, bytes_per_chunk)) {
            input_ended = true;
            return;
          }
          number = next_read++;
        }
        answerer.answer(chunk, scratch);
        std::unique_lock lock(output_mutex);
        output_turn.wait(lock, [&] { return next_write == number || abandoned; });
        if (abandoned) return;
        const auto output = chunk.output.view();
        std::cout.write(output.data(), static_cast<std::streamsize>(output.size()));
        std::cout.flush();
        for (const std::size_t line_number : chunk.failed) {
          if (failed.size() < kFailedLinesShown) failed.push_back(line_number);
        }
        failed_count += chunk.failed.size();
        lines += chunk.lines.size();
        if (progress) std::cerr << "\rforbear batch: " << counted(lines, "line") << ", " << failed_count << " failed" << std::flush;
        ++next_write;
        lock.unlock();
        output_turn.notify_all();
      }
    } catch (...) {
      abandon(std::current_exception());
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads);
  try {
    for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  } catch (...) {  // e.g. no more threads allowed: the ones started stop after their chunk
    abandon(std::current_exception());
  }
  work();
  for (auto& helper : helpers) helper.join();
  if (error) {
    std::cerr << (progress ? "\r\x1b[K" : "") << "forbear: error: batch stopped after " << counted(lines, "line") << ": "
              << what(error) << '\n';
    return kExitUsage;
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
