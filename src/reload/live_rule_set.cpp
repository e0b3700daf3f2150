// LiveRuleSet: the served rule set is a shared handle replaced under a mutex. Readers copy the handle
// (holding the mutex only for that copy), so a reload never waits for evaluations and an evaluation
// keeps its rule set alive for as long as it needs it.

#include "forbear/live_rule_set.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "reload/file_fingerprint.hpp"

namespace forbear {
namespace {

// Loaded, and acceptable under the options.
bool acceptable(const LoadResult& loaded, const LiveRuleSetOptions& options) {
  if (!loaded.ok()) return false;
  if (!options.warnings_as_errors) return true;
  return std::none_of(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

}  // namespace

RuleLoadError::RuleLoadError(LoadResult result)
    : std::runtime_error(result.rendered_diagnostics()), result_(std::move(result)) {}

struct LiveRuleSet::State {
  std::vector<std::filesystem::path> paths;
  LiveRuleSetOptions options;

  mutable std::mutex served_mutex;  // guards `served` and `status`
  RuleSet served;
  ReloadStatus status;

  std::mutex reload_mutex;              // one reload at a time (also serialises on_reload)
  std::vector<std::string> read_files;  // what the last attempt read (guarded by reload_mutex)
  std::string attempted;                // the files' fingerprint when last loaded (guarded by reload_mutex)

  std::mutex watch_mutex;  // guards the watcher's thread and stop flag
  std::condition_variable wake;
  bool stopping = false;
  std::thread watcher;

  State(std::vector<std::filesystem::path> p, LiveRuleSetOptions o, RuleSet first)
      : paths(std::move(p)), options(std::move(o)), served(std::move(first)) {}

  // Notes the files a load read, given the fingerprint taken just before it: a file changed while
  // loading then differs at the next look. Only when the load read other files (an include added
  // or removed) is the fingerprint taken again.
  void remember(const std::vector<SourceFile>& sources, std::string fingerprint_before) {
    std::vector<std::string> files;
    for (const auto& source : sources) files.push_back(source.path);
    if (files != read_files) {
      read_files = std::move(files);
      fingerprint_before = detail::rule_files_fingerprint(paths, read_files);
    }
    attempted = std::move(fingerprint_before);
  }

  ReloadOutcome reload_locked() {
    std::string fingerprint = detail::rule_files_fingerprint(paths, read_files);
    LoadResult loaded = load_rules(paths, LoadOptions{options.limits, options.lint});
    remember(loaded.sources, std::move(fingerprint));
    ReloadOutcome outcome;
    outcome.ok = acceptable(loaded, options);
    if (!loaded.diagnostics.empty()) outcome.rendered_diagnostics = loaded.rendered_diagnostics();
    {
      std::lock_guard lock(served_mutex);
      if (outcome.ok) {
        status.last_error.clear();
        if (loaded.rules->sha256() != served.sha256()) {
          served = *loaded.rules;
          ++status.generation;
          status.loaded_at = std::chrono::system_clock::now();
          status.sha256 = served.sha256();
          outcome.changed = true;
        }
      } else {
        ++status.failed_reloads;
        status.last_error = outcome.rendered_diagnostics;
      }
      outcome.generation = status.generation;
      outcome.sha256 = status.sha256;
    }
    outcome.diagnostics = std::move(loaded.diagnostics);
    outcome.sources = std::move(loaded.sources);
    if (options.on_reload) options.on_reload(outcome);
    return outcome;
  }

  // The watcher: reloads when the files changed since the last attempt and then held still for one
  // more look.
  void watch(std::chrono::milliseconds interval) {
    std::optional<std::string> previous_look;
    std::unique_lock watch_lock(watch_mutex);
    while (!wake.wait_for(watch_lock, interval, [this] { return stopping; })) {
      watch_lock.unlock();
      {
        std::lock_guard lock(reload_mutex);
        const auto now = detail::rule_files_fingerprint(paths, read_files);
        if (now != attempted && previous_look == now) {
          try {
            reload_locked();
          } catch (const std::exception& error) {  // out of memory, or thrown by on_reload: the thread goes on
            std::lock_guard served_lock(served_mutex);
            ++status.failed_reloads;
            status.last_error = std::string("reload failed: ") + error.what();
          }
          previous_look.reset();
        } else {
          previous_look = now;
        }
      }
      watch_lock.lock();
    }
  }
};

namespace {

RuleSet first_load(const std::vector<std::filesystem::path>& paths, const LiveRuleSetOptions& options,
                   std::vector<SourceFile>& sources, std::string& fingerprint) {
  fingerprint = detail::rule_files_fingerprint(paths, {});
  LoadResult loaded = load_rules(paths, LoadOptions{options.limits, options.lint});
  if (!acceptable(loaded, options)) throw RuleLoadError(std::move(loaded));
  sources = loaded.sources;
  return *loaded.rules;
}

}  // namespace

LiveRuleSet::LiveRuleSet(std::vector<std::filesystem::path> paths, LiveRuleSetOptions options) {
  std::vector<SourceFile> sources;
  std::string fingerprint;
  RuleSet first = first_load(paths, options, sources, fingerprint);
  state_ = std::make_unique<State>(std::move(paths), std::move(options), std::move(first));
  state_->remember(sources, std::move(fingerprint));
  state_->status.generation = 1;
  state_->status.loaded_at = std::chrono::system_clock::now();
  state_->status.sha256 = state_->served.sha256();
}

LiveRuleSet::~LiveRuleSet() { stop_watching(); }

RuleSet LiveRuleSet::current() const {
  std::lock_guard lock(state_->served_mutex);
  return state_->served;
}

ReloadOutcome LiveRuleSet::reload() {
  std::lock_guard lock(state_->reload_mutex);
  return state_->reload_locked();
}

ReloadStatus LiveRuleSet::status() const {
  std::lock_guard lock(state_->served_mutex);
  return state_->status;
}

void LiveRuleSet::start_watching(std::chrono::milliseconds interval) {
  std::lock_guard lock(state_->watch_mutex);
  if (state_->watcher.joinable()) return;
  state_->stopping = false;
  state_->watcher = std::thread([state = state_.get(), interval] { state->watch(interval); });
}

void LiveRuleSet::stop_watching() {
  std::thread watcher;
  {
    std::lock_guard lock(state_->watch_mutex);
    state_->stopping = true;
    watcher = std::move(state_->watcher);
  }
  state_->wake.notify_all();
  if (watcher.joinable()) watcher.join();
}

const std::vector<std::filesystem::path>& LiveRuleSet::paths() const noexcept { return state_->paths; }

}  // namespace forbear
