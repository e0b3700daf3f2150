// forbear's microbenchmarks (Google Benchmark): load the shipped rules; evaluate one case of the peer
// workload and of the shipped rules from bound facts, from a JSON object, from bound facts with the
// trace written by a TraceWriter, and through advise() with and without the trace; load and evaluate generated rule sets of 100 / 1,000 / 10,000 rules; and
// `forbear batch` throughput with 1 and 2 threads. bench/run.sh builds and runs them.

#include <benchmark/benchmark.h>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "forbear/evaluator.hpp"
#include "forbear/forbear.hpp"
#include "forbear/trace_writer.hpp"
#include "workload.hpp"

namespace {

constexpr std::size_t kCasePool = 1024;  // evaluations cycle through this many different cases
constexpr std::size_t kGeneratedFacts = 200;

forbear::RuleSet load_or_throw(const std::vector<std::filesystem::path>& paths) {
  auto loaded = forbear::load_rules(paths);
  if (!loaded.ok()) throw std::runtime_error(loaded.rendered_diagnostics());
  return *loaded.rules;
}

forbear::RuleSet load_text_or_throw(const std::string& text, const std::string& name) {
  auto loaded = forbear::load_rules_from_string(text, name);
  if (!loaded.ok()) throw std::runtime_error(loaded.rendered_diagnostics());
  return *loaded.rules;
}

const std::string kShippedRules = FORBEAR_SOURCE_DIR "/rules";
const std::string kPeerRules = FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules";

// A rule set with its case pool, read once.
struct Workload {
  forbear::RuleSet rules;
  std::vector<nlohmann::json> json_cases;
  std::vector<forbear::Case> cases;
};

std::vector<forbear::Case> bind_cases(const forbear::RuleSet& rules, const std::vector<nlohmann::json>& json_cases) {
  std::vector<forbear::Case> cases;
  for (const auto& facts : json_cases) {
    auto parsed = forbear::parse_case(rules, facts);
    if (!parsed.ok()) throw std::runtime_error("bench case refused: " + facts.dump() + ": " + parsed.errors.front().message);
    cases.push_back(std::move(*parsed.value));
  }
  return cases;
}

// Cases for the shipped rules: the example cases, as many times as needed.
std::vector<nlohmann::json> shipped_cases() {
  std::vector<nlohmann::json> examples;
  for (const auto& entry : std::filesystem::directory_iterator(FORBEAR_SOURCE_DIR "/examples/cases")) {
    std::ifstream in(entry.path());
    examples.push_back(nlohmann::json::parse(in));
  }
  std::sort(examples.begin(), examples.end(), [](const auto& a, const auto& b) { return a.dump() < b.dump(); });
  return examples;
}

Workload& peer() {
  static Workload workload = [] {
    Workload w{load_or_throw({kPeerRules}), forbear::bench::peer_cases(kCasePool, 42), {}};
    w.cases = bind_cases(w.rules, w.json_cases);
    return w;
  }();
  return workload;
}

Workload& shipped() {
  static Workload workload = [] {
    Workload w{load_or_throw({kShippedRules}), shipped_cases(), {}};
    w.cases = bind_cases(w.rules, w.json_cases);
    return w;
  }();
  return workload;
}

Workload& generated(std::size_t rules) {
  static std::map<std::size_t, Workload> workloads;
  auto found = workloads.find(rules);
  if (found == workloads.end()) {
    Workload w{load_text_or_throw(forbear::bench::generated_rules(rules, kGeneratedFacts, rules), "generated.rules"),
               forbear::bench::generated_cases(64, kGeneratedFacts, 5), {}};
    w.cases = bind_cases(w.rules, w.json_cases);
    found = workloads.emplace(rules, std::move(w)).first;
  }
  return found->second;
}

// ---- load ----------------------------------------------------------------------------------------

void BM_load_shipped(benchmark::State& state) {
  for (auto _ : state) {
    const auto rules = load_or_throw({kShippedRules});
    const forbear::Evaluator evaluator(rules);
    benchmark::DoNotOptimize(evaluator.rule_count());
  }
}
BENCHMARK(BM_load_shipped)->Unit(benchmark::kMillisecond);

void BM_load_generated(benchmark::State& state) {
  const auto text = forbear::bench::generated_rules(static_cast<std::size_t>(state.range(0)), kGeneratedFacts, static_cast<std::uint64_t>(state.range(0)));
  for (auto _ : state) {
    const auto rules = load_text_or_throw(text, "generated.rules");
    const forbear::Evaluator evaluator(rules);
    benchmark::DoNotOptimize(evaluator.rule_count());
  }
}
BENCHMARK(BM_load_generated)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// ---- the peer workload -----------------------------------------------------------------------

// The peer workload's facts for one case, already in the host's own types (as a host has them).
struct PeerFacts {
  std::int64_t days_overdue, prior_defaults, monthly_income, monthly_expenses, contacted_before, calls;
  double amount;
  forbear::EnumMember hardship, credit_history;
  bool has_proof, allows_installment, allows_waiver;
};

// Sets one case, evaluates, reads the top strategy back: a host's whole round trip.
void BM_peer_bound(benchmark::State& state) {
  auto& w = peer();
  const forbear::Evaluator evaluator(w.rules);
  forbear::Context context(evaluator);
  const auto slot = [&](const char* name) { return *evaluator.slot_of(name); };
  const auto days = slot("days_overdue"), amount = slot("amount"), hardship = slot("hardship"), proof = slot("has_proof"),
             history = slot("credit_history"), defaults = slot("prior_defaults"), income = slot("monthly_income"),
             expenses = slot("monthly_expenses"), installment = slot("platform_allows_installment"),
             waiver = slot("platform_allows_waiver"), contacted = slot("contacted_before"), calls = slot("collection_calls_per_day");
  std::vector<PeerFacts> facts;
  for (const auto& c : w.json_cases) {
    facts.push_back({c["days_overdue"].get<std::int64_t>(), c["prior_defaults"].get<std::int64_t>(), c["monthly_income"].get<std::int64_t>(),
                     c["monthly_expenses"].get<std::int64_t>(), c["contacted_before"].get<std::int64_t>(),
                     c["collection_calls_per_day"].get<std::int64_t>(), c["amount"].get<double>(),
                     *evaluator.member_of(hardship, c["hardship"].get<std::string>()),
                     *evaluator.member_of(history, c["credit_history"].get<std::string>()), c["has_proof"].get<bool>(),
                     c["platform_allows_installment"].get<bool>(), c["platform_allows_waiver"].get<bool>()});
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const PeerFacts& f = facts[i++ % facts.size()];
    context.set(days, f.days_overdue);
    context.set(amount, f.amount);
    context.set(hardship, f.hardship);
    context.set(proof, f.has_proof);
    context.set(history, f.credit_history);
    context.set(defaults, f.prior_defaults);
    context.set(income, f.monthly_income);
    context.set(expenses, f.monthly_expenses);
    context.set(installment, f.allows_installment);
    context.set(waiver, f.allows_waiver);
    context.set(contacted, f.contacted_before);
    context.set(calls, f.calls);
    const forbear::Outcome outcome = context.evaluate();
    benchmark::DoNotOptimize(outcome.ranking().front());
  }
}
BENCHMARK(BM_peer_bound);

// The facts already in the context (a Case read once): evaluation alone.
void evaluate_bound(benchmark::State& state, Workload& w) {
  const forbear::Evaluator evaluator(w.rules);
  std::vector<forbear::Context> contexts;
  for (const auto& c : w.cases) {
    contexts.emplace_back(evaluator);
    contexts.back().assign(c);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const forbear::Outcome outcome = contexts[i++ % contexts.size()].evaluate();
    benchmark::DoNotOptimize(outcome.ranking().data());
  }
}

void evaluate_json(benchmark::State& state, Workload& w) {
  const forbear::Evaluator evaluator(w.rules);
  forbear::Context context(evaluator);
  std::size_t i = 0;
  for (auto _ : state) {
    if (!context.assign(w.json_cases[i++ % w.json_cases.size()])) state.SkipWithError("case refused");
    const forbear::Outcome outcome = context.evaluate();
    benchmark::DoNotOptimize(outcome.ranking().data());
  }
}

// Evaluation of bound facts and the trace JSON written into one reused string (TraceWriter).
void evaluate_with_trace(benchmark::State& state, Workload& w) {
  const forbear::Evaluator evaluator(w.rules);
  const forbear::TraceWriter writer(evaluator);
  std::vector<forbear::Context> contexts;
  for (const auto& c : w.cases) {
    contexts.emplace_back(evaluator);
    contexts.back().assign(c);
  }
  std::string trace;
  std::size_t i = 0;
  for (auto _ : state) {
    const forbear::Outcome outcome = contexts[i++ % contexts.size()].evaluate();
    trace.clear();
    writer.write(outcome, trace);
    benchmark::DoNotOptimize(trace.data());
  }
}

void advise_cases(benchmark::State& state, Workload& w, bool trace) {
  std::size_t i = 0;
  for (auto _ : state) {
    const auto result = forbear::advise(w.rules, w.cases[i++ % w.cases.size()], {trace});
    benchmark::DoNotOptimize(result.strategies.data());
  }
}

void BM_peer_evaluate(benchmark::State& state) { evaluate_bound(state, peer()); }
BENCHMARK(BM_peer_evaluate);
void BM_peer_json(benchmark::State& state) { evaluate_json(state, peer()); }
BENCHMARK(BM_peer_json);
void BM_peer_trace(benchmark::State& state) { evaluate_with_trace(state, peer()); }
BENCHMARK(BM_peer_trace);
void BM_peer_advise(benchmark::State& state) { advise_cases(state, peer(), false); }
BENCHMARK(BM_peer_advise);
void BM_peer_advise_trace(benchmark::State& state) { advise_cases(state, peer(), true); }
BENCHMARK(BM_peer_advise_trace);

void BM_shipped_evaluate(benchmark::State& state) { evaluate_bound(state, shipped()); }
BENCHMARK(BM_shipped_evaluate);
void BM_shipped_json(benchmark::State& state) { evaluate_json(state, shipped()); }
BENCHMARK(BM_shipped_json);
void BM_shipped_trace(benchmark::State& state) { evaluate_with_trace(state, shipped()); }
BENCHMARK(BM_shipped_trace);
void BM_shipped_advise(benchmark::State& state) { advise_cases(state, shipped(), false); }
BENCHMARK(BM_shipped_advise);
void BM_shipped_advise_trace(benchmark::State& state) { advise_cases(state, shipped(), true); }
BENCHMARK(BM_shipped_advise_trace);

void BM_generated_evaluate(benchmark::State& state) { evaluate_bound(state, generated(static_cast<std::size_t>(state.range(0)))); }
BENCHMARK(BM_generated_evaluate)->Arg(100)->Arg(1000)->Arg(10000);

// ---- forbear batch ---------------------------------------------------------------------------

// `forbear batch --no-trace --threads N` on 100,000 peer-workload lines, output to /dev/null. Besides
// the wall time, the counter cpu_ms gives the CPU time (user + system, all threads) of one run.
void BM_batch(benchmark::State& state) {
  // The input file, written once and removed at exit.
  struct InputFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("forbear_bench_cases_" + std::to_string(getpid()) + ".jsonl");
    InputFile() {
      std::ofstream out(path);
      const auto cases = forbear::bench::peer_cases(100000, 43);
      for (const auto& c : cases) out << c.dump() << '\n';
    }
    ~InputFile() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  };
  static const InputFile file;
  const std::string input = file.path.string();
  const std::string threads = std::to_string(state.range(0));
  double cpu_seconds = 0;
  for (auto _ : state) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const char* argv[] = {FORBEAR_CLI_PATH, "batch", "--rules", kPeerRules.c_str(), "--no-trace", "--threads", threads.c_str(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, FORBEAR_CLI_PATH, &actions, nullptr, const_cast<char**>(argv), environ) != 0) state.SkipWithError("cannot run forbear");
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) state.SkipWithError("forbear batch failed");
    cpu_seconds += static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 100000);
  state.counters["cpu_ms"] = benchmark::Counter(cpu_seconds * 1000 / static_cast<double>(state.iterations()));
}
BENCHMARK(BM_batch)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
