// AuditLog: appends records to a file, each with one write(2) on an O_APPEND descriptor, so that a
// line is whole or absent after a crash and lines of many writers never interleave.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "audit/record_time.hpp"
#include "forbear/audit_log.hpp"

namespace forbear {

struct AuditLog::State {
  std::filesystem::path path;
  AuditOptions options;
  int fd = -1;
  std::mutex mutex;  // one record at a time: times rise down the file, and a failed write stops the log
  bool broken = false;
};

namespace {

std::system_error system_error(int error, const std::string& what) {
  return std::system_error(error, std::generic_category(), what);
}

// Makes the directory entry of a new file durable too (a synced file whose name is lost is lost).
void sync_directory(const std::filesystem::path& file) {
  auto directory = file.parent_path();
  if (directory.empty()) directory = ".";
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AuditLog::AuditLog(const std::filesystem::path& path, AuditOptions options) : state_(std::make_unique<State>()) {
  for (const auto& name : options.mask) {
    if (std::find(options.drop.begin(), options.drop.end(), name) != options.drop.end()) {
      throw std::invalid_argument("audit log: '" + name + "' is both masked and dropped");
    }
  }
  state_->path = path;
  state_->options = std::move(options);
  const bool existed = std::filesystem::exists(path);
  state_->fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (state_->fd < 0) throw system_error(errno, "audit log: cannot open '" + path.string() + "'");
  if (!existed && state_->options.durability != AuditDurability::flush) sync_directory(path);
}

AuditLog::~AuditLog() {
  if (state_ && state_->fd >= 0) ::close(state_->fd);
}

const std::filesystem::path& AuditLog::path() const noexcept { return state_->path; }

void AuditLog::record_json(const nlohmann::json& facts, const AdviceResult& result) {
  record(std::string_view(facts.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)), result);
}

void AuditLog::record(std::string_view facts_json, const AdviceResult& result) {
  const std::string body = detail::audit_record_body(facts_json, result, state_->options) + "\n";
  std::lock_guard lock(state_->mutex);
  if (state_->broken) {
    throw std::runtime_error("audit log: '" + state_->path.string() + "' failed earlier; no more records are written");
  }
  const std::string line = "{\"time\":\"" + detail::utc_timestamp(std::chrono::system_clock::now()) + "\"" + body;
  std::size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(state_->fd, line.data() + written, line.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      // A part of the line may be in the file: nothing more is appended after it, so that the torn
      // line is the last one (forbear replay reports it by its number).
      state_->broken = written > 0;
      throw system_error(error, "audit log: cannot write to '" + state_->path.string() + "'");
    }
    written += static_cast<std::size_t>(n);
  }
  int synced = 0;
  if (state_->options.durability == AuditDurability::data_sync) synced = ::fdatasync(state_->fd);
  if (state_->options.durability == AuditDurability::full_sync) synced = ::fsync(state_->fd);
  if (synced != 0) throw system_error(errno, "audit log: cannot sync '" + state_->path.string() + "'");
}

}  // namespace forbear
