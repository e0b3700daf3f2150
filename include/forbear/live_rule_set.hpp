#pragma once

// Hot reload: a rule set that domain experts edit while the host application runs.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "forbear/limits.hpp"
#include "forbear/ruleset.hpp"

namespace forbear {

/// What one reload attempt did.
struct ReloadOutcome {
  bool ok = false;       ///< the files loaded without error (and without warning, with warnings_as_errors)
  bool changed = false;  ///< a new rule set is now served (false when it failed or the files were unchanged)
  std::uint64_t generation = 0;  ///< the generation served after the attempt
  std::string sha256;            ///< the sha256 of the rule set served after the attempt
  /// Every diagnostic of the attempt (errors and warnings), with the sources they point into.
  std::vector<Diagnostic> diagnostics;
  std::vector<SourceFile> sources;
  /// The diagnostics rendered for people (see forbear::render); empty when there were none.
  std::string rendered_diagnostics;
};

/// A snapshot of what a LiveRuleSet serves and how its last reload went.
struct ReloadStatus {
  std::uint64_t generation = 0;  ///< 1 for the rule set loaded at construction, +1 for each rule set swapped in since
  std::chrono::system_clock::time_point loaded_at;  ///< when the served rule set was swapped in
  std::string sha256;                                ///< of the served rule set
  std::uint64_t failed_reloads = 0;                  ///< reload attempts that failed, in all
  /// The rendered diagnostics of the last attempt when it failed; empty when it succeeded.
  std::string last_error;
};

/// How a LiveRuleSet loads and reports.
struct LiveRuleSetOptions {
  Limits limits;  ///< passed to load_rules
  /// Run the lint pass on every load (LoadOptions::lint), so that its warnings are reported and,
  /// with warnings_as_errors, refused. On by default: a live rule set is one someone is editing.
  bool lint = true;
  /// Refuse rules that load with warnings, as `forbear check --werror` does. A file caught half-way
  /// through being saved often loads with warnings only (an empty file has no `ruleset`
  /// declaration): with this on, it is refused and the last good rule set stays in service.
  bool warnings_as_errors = false;
  /// Called after every reload attempt (reload() and the watcher alike), from the thread that made
  /// it, and never twice at once. Must not call reload() or stop_watching() on the same object, and
  /// should not throw (an exception from it leaves reload() to its caller; the watcher counts it as a
  /// failed reload).
  std::function<void(const ReloadOutcome&)> on_reload;
};

/// Thrown by LiveRuleSet's constructor when the rules do not load the first time (or load with
/// warnings, with warnings_as_errors): there is no last good rule set to serve.
class RuleLoadError : public std::runtime_error {
 public:
  /// `result` is the failed load; what() is its rendered diagnostics.
  explicit RuleLoadError(LoadResult result);
  /// The failed load, with every diagnostic and the sources they point into.
  const LoadResult& result() const noexcept { return result_; }

 private:
  LoadResult result_;
};

/// Holds the current compiled rule set of some rule files and reloads it from disk, on demand
/// (reload()) or by watching the files (start_watching()). A reload that fails to load keeps the
/// last good rule set in service and reports the diagnostics. The swap is atomic: current() returns
/// either the old or the new rule set, whole, and a rule set taken by current() stays valid for as
/// long as the caller keeps it, so an evaluation in flight finishes on the rule set it started with.
/// Every member function is safe to call from many threads at once.
class LiveRuleSet {
 public:
  /// Loads `paths` (as load_rules does). Throws RuleLoadError when they do not load.
  explicit LiveRuleSet(std::vector<std::filesystem::path> paths, LiveRuleSetOptions options = {});
  /// Stops the watcher, if running, and waits for it.
  ~LiveRuleSet();
  LiveRuleSet(const LiveRuleSet&) = delete;
  LiveRuleSet& operator=(const LiveRuleSet&) = delete;

  /// The rule set served now. Cheap (a shared handle is copied); hold the copy for the length of
  /// one evaluation, and call again for the next one to see reloads.
  RuleSet current() const;

  /// Reads the files again. When they load and differ from the served rule set (another sha256),
  /// the new rule set is swapped in; when they fail, the served rule set stays and the outcome
  /// carries the diagnostics (so does status().last_error). Reloads never overlap: a second call
  /// waits for the first.
  ReloadOutcome reload();

  /// The served rule set's generation, sha256 and load time, and how the last reload went.
  ReloadStatus status() const;

  /// Starts a background thread that looks at the rule files every `interval`: every configured
  /// file, every `*.rules` file of a configured directory and every file the last load read (through
  /// `include`). When their contents changed and then stayed the same for one more look (an editor
  /// may still be writing), it reloads. A change that fails to load is reported once, and the
  /// watcher waits for the next change. Does nothing when already watching.
  void start_watching(std::chrono::milliseconds interval = std::chrono::milliseconds(1000));

  /// Stops the watcher thread and waits for it (a reload under way finishes first).
  void stop_watching();

  /// The configured paths.
  const std::vector<std::filesystem::path>& paths() const noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace forbear
