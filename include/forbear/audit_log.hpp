#pragma once

// The audit log: one JSON line per advice, for review (forbear replay) and for the record.
// Format, durability and masking: docs/en/audit-log.md.

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/advice.hpp"

namespace forbear {

/// How far a record has gone when AuditLog::record returns.
enum class AuditDurability {
  /// Written with one write(2) to the file: kept if the process crashes, lost if the machine
  /// loses power before the system writes it out. The default.
  flush,
  /// Also fdatasync(2) after each record: kept if the machine crashes or loses power.
  data_sync,
  /// Also fsync(2) after each record (the file's metadata too, e.g. its time stamps).
  full_sync,
};

/// What an audit log keeps.
struct AuditOptions {
  /// Facts and outputs whose value is replaced by {"masked": true}: the record shows that the
  /// field was there, not its value.
  std::vector<std::string> mask;
  /// Facts and outputs left out of the record altogether (the record lists these names, whether or
  /// not a case gave them, so a replay knows they may have been there).
  std::vector<std::string> drop;
  AuditDurability durability = AuditDurability::flush;
};

/// An append-only audit log file: one JSON line per advice (docs/en/audit-log.md). Each record is
/// written with a single write(2) on a file opened with O_APPEND, so a crash leaves whole lines
/// only, and records from many threads (or processes) never interleave. record() is thread-safe.
class AuditLog {
 public:
  /// Opens (creating when needed, mode 0600) `path` for appending. Throws std::system_error when
  /// it cannot, and std::invalid_argument when a name is both masked and dropped.
  AuditLog(const std::filesystem::path& path, AuditOptions options = {});
  /// Closes the file.
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  /// Appends the record of one advice. `facts_json` is the case as given (JSON text of one object;
  /// numbers are kept exactly as written). `result` must have been computed from it; its trace is
  /// not needed. Throws std::system_error when the record could not be written whole (and
  /// std::invalid_argument when `facts_json` is not a JSON object): a record is never lost silently.
  void record(std::string_view facts_json, const AdviceResult& result);
  /// Appends the record of one advice whose case the host holds as JSON (see record()).
  void record_json(const nlohmann::json& facts, const AdviceResult& result);

  /// The path given at opening.
  const std::filesystem::path& path() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The record AuditLog writes for an advice, without the line end: exposed so that a host that
/// stores records elsewhere writes the same format. `time` is written as UTC ISO-8601 with
/// milliseconds ("2026-01-31T08:15:02.042Z").
std::string audit_record(std::string_view facts_json, const AdviceResult& result, const AuditOptions& options,
                         std::chrono::system_clock::time_point time);

}  // namespace forbear
