// Hot reload under load: threads advise without pause while the rule file is swapped between two good
// versions and a broken one. Every advice must be exactly version A's or version B's, whole; a broken
// reload keeps the last good version and reports its diagnostics. Run under ThreadSanitizer in CI.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "forbear/forbear.hpp"
#include "forbear/live_rule_set.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace std::chrono_literals;

// Version A ranks a first for a large x, version B ranks b first; both veto c for a small x.
std::string rules_text(const std::string& version, int a_points, int b_points) {
  return "ruleset live version \"" + version + "\"\n"
         "fact x: int\n"
         "strategy a { en: \"A\" }\n"
         "strategy b { en: \"B\" }\n"
         "strategy c { en: \"C\" }\n"
         "advice note.big { en: \"big\" }\n"
         "rule big when x > 10 then a += " + std::to_string(a_points) + ", b += " + std::to_string(b_points) +
         ", advise note.big because \"big\" source \"s\"\n"
         "rule small when x < 3 then exclude c because \"small\" source \"s\"\n"
         "rule any when x >= 0 then c += 2 because \"any\" source \"s\"\n";
}

const std::string kVersionA = rules_text("A", 5, 1);
const std::string kVersionB = rules_text("B", 1, 9);
const std::string kBroken = "ruleset live version \"broken\"\nfact x: int\nrule big when x > then\n";

const std::vector<std::string> kCases = {R"({"x": 20})", R"({"x": 1})", R"({"x": 5})", R"({})"};

// What an advice decides: the ranking with scores, the vetoed strategies and the advice ids.
std::string decision(const forbear::AdviceResult& result) {
  std::string out;
  for (const auto& s : result.strategies) out += s.id + "=" + s.score.to_string() + " ";
  out += "| excluded";
  for (const auto& e : result.excluded) out += " " + e.id;
  out += " | advice";
  for (const auto& a : result.advice) out += " " + a.id;
  return out;
}

std::string decide(const forbear::RuleSet& rules, const std::string& case_json) {
  const auto parsed = forbear::parse_case_json(rules, case_json);
  if (!parsed.ok()) return "error: " + parsed.errors.front().message;
  return decision(forbear::advise(rules, *parsed.value));
}

// The decisions of a version for every case.
std::vector<std::string> decisions_of(const std::string& text) {
  const auto loaded = forbear::load_rules_from_string(text, "live.rules");
  REQUIRE(loaded.ok());
  std::vector<std::string> out;
  for (const auto& c : kCases) out.push_back(decide(*loaded.rules, c));
  return out;
}

// Threads that advise on every case, over and over, each time on the rule set served at that moment,
// and count the advices that are neither version's (or not the version the rule set says it is).
class Readers {
 public:
  Readers(const forbear::LiveRuleSet& live, std::map<std::string, std::vector<std::string>> expected) {
    for (int t = 0; t < 3; ++t) {
      threads_.emplace_back([this, &live, expected] {
        while (!stop_) {
          for (std::size_t k = 0; k < kCases.size(); ++k) {
            const forbear::RuleSet rules = live.current();
            const std::string got = decide(rules, kCases[k]);
            const auto version = expected.find(rules.version());
            ++advices_;
            if (version == expected.end() || version->second[k] != got) {
              std::lock_guard lock(mutex_);
              wrong_.push_back(rules.version() + " case " + std::to_string(k) + ": " + got);
            }
            ++seen_[rules.version() == "A" ? 0 : 1];
          }
        }
      });
    }
  }
  ~Readers() { stop(); }

  void stop() {
    stop_ = true;
    for (auto& thread : threads_) {
      if (thread.joinable()) thread.join();
    }
  }
  long advices() const { return advices_; }
  long seen(const char* version) const { return seen_[version[0] == 'A' ? 0 : 1]; }
  std::vector<std::string> wrong() {
    std::lock_guard lock(mutex_);
    return wrong_;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<long> advices_{0};
  std::atomic<long> seen_[2] = {0, 0};
  std::mutex mutex_;
  std::vector<std::string> wrong_;
  std::vector<std::thread> threads_;
};

}  // namespace

TEST_CASE("live reload: evaluations under way see version A or B whole while the rules are swapped, broken ones refused",
          "[concurrency][reload]") {
  const std::map<std::string, std::vector<std::string>> expected = {{"A", decisions_of(kVersionA)},
                                                                    {"B", decisions_of(kVersionB)}};
  // The two versions must disagree for the test to mean anything.
  REQUIRE(expected.at("A")[0] != expected.at("B")[0]);
  CHECK(expected.at("A")[0] == "a=5 c=2 b=1 | excluded | advice note.big");
  CHECK(expected.at("B")[0] == "b=9 c=2 a=1 | excluded | advice note.big");

  forbear::test::TempDir dir;
  dir.write("live.rules", kVersionA);
  std::atomic<int> reports{0};
  std::atomic<int> failures_reported{0};
  forbear::LiveRuleSetOptions options;
  options.on_reload = [&](const forbear::ReloadOutcome& outcome) {
    ++reports;
    if (!outcome.ok && !outcome.diagnostics.empty()) ++failures_reported;
  };
  forbear::LiveRuleSet live({dir.path()}, options);
  CHECK(live.current().version() == "A");
  CHECK(live.status().generation == 1);

  Readers readers(live, expected);
  // A, broken, B, broken, A, B, ...: the version served after each step.
  const std::vector<std::string> steps = {"A", "broken", "B", "broken", "A", "B", "broken", "broken", "A"};
  std::string last_good = "A";
  std::uint64_t generation = 1;
  int broken_steps = 0;
  for (int round = 0; round < 12; ++round) {
    for (const auto& step : steps) {
      dir.write("live.rules", step == "A" ? kVersionA : step == "B" ? kVersionB : kBroken);
      const auto outcome = live.reload();
      if (step == "broken") {
        ++broken_steps;
        REQUIRE_FALSE(outcome.ok);
        CHECK_FALSE(outcome.changed);
        CHECK(outcome.rendered_diagnostics.find("live.rules:3:") != std::string::npos);
        CHECK(live.status().last_error == outcome.rendered_diagnostics);
      } else {
        REQUIRE(outcome.ok);
        CHECK(outcome.changed == (step != last_good));
        if (step != last_good) ++generation;
        last_good = step;
        CHECK(live.status().last_error.empty());
      }
      CHECK(live.current().version() == last_good);
      CHECK(outcome.generation == generation);
      std::this_thread::sleep_for(1ms);  // let the readers advise on this version
    }
  }
  readers.stop();
  const auto wrong = readers.wrong();
  INFO((wrong.empty() ? std::string() : wrong.front()));
  CHECK(wrong.empty());
  CHECK(readers.seen("A") > 0);
  CHECK(readers.seen("B") > 0);
  CHECK(reports == static_cast<int>(steps.size()) * 12);
  CHECK(failures_reported == broken_steps);
  CHECK(live.status().failed_reloads == static_cast<std::uint64_t>(broken_steps));
  CHECK(live.status().generation == generation);
}

TEST_CASE("live reload: the watcher picks up edits, keeps the last good version on a broken one and says why",
          "[concurrency][reload]") {
  forbear::test::TempDir dir;
  dir.write("live.rules", kVersionA);
  std::mutex mutex;
  std::vector<forbear::ReloadOutcome> outcomes;
  forbear::LiveRuleSetOptions options;
  options.on_reload = [&](const forbear::ReloadOutcome& outcome) {
    std::lock_guard lock(mutex);
    outcomes.push_back(outcome);
  };
  forbear::LiveRuleSet live({dir.path()}, options);
  const std::map<std::string, std::vector<std::string>> expected = {{"A", decisions_of(kVersionA)},
                                                                    {"B", decisions_of(kVersionB)}};
  Readers readers(live, expected);
  live.start_watching(10ms);
  // Saved as careful editors do: written aside, then renamed over the file in one step. (A writer
  // that stalls half-way for longer than two looks could be read half-written; see the next test.)
  const auto save = [&](const std::string& text) {
    dir.write("live.rules.saving", text);
    std::filesystem::rename(dir.path() / "live.rules.saving", dir.path() / "live.rules");
  };

  const auto wait_for = [&](auto done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!done() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    return done();
  };
  const auto reports = [&] {
    std::lock_guard lock(mutex);
    return outcomes.size();
  };

  save(kVersionB);
  REQUIRE(wait_for([&] { return live.current().version() == "B"; }));
  CHECK(live.status().generation == 2);

  save(kBroken);
  REQUIRE(wait_for([&] { return live.status().failed_reloads == 1; }));
  CHECK(live.current().version() == "B");
  CHECK(live.status().last_error.find("live.rules:3:") != std::string::npos);
  {
    std::lock_guard lock(mutex);
    REQUIRE(outcomes.size() == 2);
    CHECK(outcomes[1].ok == false);
    CHECK_FALSE(outcomes[1].diagnostics.empty());
  }
  // A broken file that stays broken is reported once, not at every look.
  std::this_thread::sleep_for(100ms);
  CHECK(reports() == 2);

  save(kVersionA);
  REQUIRE(wait_for([&] { return live.current().version() == "A"; }));
  CHECK(live.status().generation == 3);
  CHECK(live.status().last_error.empty());

  live.stop_watching();
  readers.stop();
  CHECK(readers.wrong().empty());
  dir.write("live.rules", kVersionB);
  std::this_thread::sleep_for(50ms);
  CHECK(live.current().version() == "A");  // stopped: no more reloads
}

TEST_CASE("live reload: with warnings_as_errors, a file emptied half-way through a save is refused", "[reload]") {
  forbear::test::TempDir dir;
  dir.write("live.rules", kVersionA);
  forbear::LiveRuleSetOptions options;
  options.warnings_as_errors = true;
  forbear::LiveRuleSet live({dir.path()}, options);
  dir.write("live.rules", "");  // truncated, not yet written: loads, with a warning only
  const auto outcome = live.reload();
  CHECK_FALSE(outcome.ok);
  CHECK(outcome.rendered_diagnostics ==
        "forbear: warning: no 'ruleset NAME version \"V\"' declaration: advice cannot be tied to a rule set version\n");
  CHECK(live.current().version() == "A");
  CHECK(live.status().failed_reloads == 1);

  forbear::LiveRuleSetOptions lenient;
  forbear::LiveRuleSet accepting({dir.path()}, lenient);  // without the option the empty rule set is served
  CHECK(accepting.current().version() == "");
  CHECK_THROWS_AS(forbear::LiveRuleSet({dir.path()}, options), forbear::RuleLoadError);
}

TEST_CASE("live reload: rules that do not load the first time throw with their diagnostics", "[reload]") {
  forbear::test::TempDir dir;
  dir.write("live.rules", kBroken);
  try {
    forbear::LiveRuleSet live({dir.path()});
    FAIL("no exception");
  } catch (const forbear::RuleLoadError& error) {
    CHECK_FALSE(error.result().ok());
    CHECK(std::string(error.what()).find("live.rules:3:") != std::string::npos);
  }
}
