// The fast path allocates nothing per evaluation: a replaced global operator new counts every
// allocation, and after one warm-up evaluation, N evaluations of other cases (facts set by slot, from
// a bound Case and from a JSON object) must count zero. Its own executable (forbear_alloc_tests):
// replacing operator new is global to a program.

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <random>

#include "forbear/evaluator.hpp"
#include "forbear/forbear.hpp"
#include "forbear/trace_writer.hpp"

namespace {
std::atomic<long> g_allocations{0};
}

void* operator new(std::size_t size) {
  ++g_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
// Every form that can free what these allocate is replaced too (a sanitizer's own forms must not
// free memory from malloc, nor ours free memory from theirs).
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++g_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

forbear::RuleSet load(const std::string& path) {
  auto loaded = forbear::load_rules({path});
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  return *loaded.rules;
}

std::vector<nlohmann::json> peer_cases(int count) {
  static const char* const kHardships[] = {"none", "illness", "job_loss", "income_drop", "business_failure",
                                           "family_emergency", "disaster", "platform_error", "overspending"};
  static const char* const kHistories[] = {"good", "fair", "poor"};
  std::mt19937_64 random(3);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  std::vector<nlohmann::json> cases;
  for (int i = 0; i < count; ++i) {
    cases.push_back({{"id", i}, {"days_overdue", pick(0, 400)}, {"amount", pick(10000, 20000000) / 100.0},
                     {"hardship", kHardships[pick(0, 8)]}, {"has_proof", pick(0, 1) == 1}, {"credit_history", kHistories[pick(0, 2)]},
                     {"prior_defaults", pick(0, 5)}, {"monthly_income", pick(0, 40000)}, {"monthly_expenses", pick(0, 40000)},
                     {"platform_allows_installment", pick(0, 1) == 1}, {"platform_allows_waiver", pick(0, 1) == 1},
                     {"contacted_before", pick(0, 9)}, {"collection_calls_per_day", pick(0, 15)}});
  }
  return cases;
}

}  // namespace

TEST_CASE("fast path: no allocation per evaluation after the first", "[fast][allocation]") {
  const auto peer = load(FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules");
  const auto shipped = load(FORBEAR_SOURCE_DIR "/rules");
  std::vector<nlohmann::json> shipped_json;
  for (const auto& entry : std::filesystem::directory_iterator(FORBEAR_SOURCE_DIR "/examples/cases")) {
    std::ifstream in(entry.path());
    shipped_json.push_back(nlohmann::json::parse(in));
  }
  for (const auto* rules : {&peer, &shipped}) {
    const auto json_cases = rules == &peer ? peer_cases(200) : shipped_json;
    std::vector<forbear::Case> cases;
    for (const auto& c : json_cases) cases.push_back(*forbear::parse_case(*rules, c).value);
    const forbear::Evaluator evaluator(*rules);
    forbear::Context context(evaluator);
    REQUIRE(context.assign(cases.front()));
    context.evaluate();  // warm-up

    const long before = g_allocations;
    std::size_t ranked = 0;
    bool assigned = true;
    for (int i = 0; i < 2000; ++i) {
      const auto& c = cases[static_cast<std::size_t>(i) % cases.size()];
      assigned = context.assign(c) && assigned;
      ranked += context.evaluate().ranking().size();
      assigned = context.assign(json_cases[static_cast<std::size_t>(i) % json_cases.size()]) && assigned;
      ranked += context.evaluate().ranking().size();
    }
    const long allocations = g_allocations - before;
    CHECK(allocations == 0);
    CHECK(assigned);
    CHECK(ranked > 0);
  }

  // Facts set one by one, by slot.
  const forbear::Evaluator evaluator(peer);
  forbear::Context context(evaluator);
  const auto days = *evaluator.slot_of("days_overdue");
  const auto amount = *evaluator.slot_of("amount");
  const auto hardship = *evaluator.slot_of("hardship");
  const auto illness = *evaluator.member_of(hardship, "illness");
  context.evaluate();
  const long before = g_allocations;
  int refused = 0;
  for (int i = 0; i < 2000; ++i) {
    context.clear();
    refused += context.set(days, static_cast<std::int64_t>(i % 400)) != forbear::SetError::none;
    refused += context.set(amount, 1000.25 + i) != forbear::SetError::none;
    refused += context.set(hardship, i % 2 ? illness : forbear::EnumMember{0}) != forbear::SetError::none;
    refused += context.set(hardship, "disaster") != forbear::SetError::none;
    context.evaluate();
  }
  const long allocations = g_allocations - before;
  CHECK(allocations == 0);
  CHECK(refused == 0);
}

// The trace on the fast path: once the string has had room for one trace, writing the trace of
// other cases allocates nothing when every fact the rules read is known (an unknown one sends its
// rules' `missing` list through advise()'s code, which allocates).
TEST_CASE("fast path: writing the trace allocates nothing after the first time", "[fast][allocation][trace]") {
  const auto peer = load(FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules");
  const auto shipped = load(FORBEAR_SOURCE_DIR "/rules");

  // The shipped rules: every fact given, each from one of the example cases in turn.
  std::vector<nlohmann::json> examples;
  for (const auto& entry : std::filesystem::directory_iterator(FORBEAR_SOURCE_DIR "/examples/cases")) {
    std::ifstream in(entry.path());
    examples.push_back(nlohmann::json::parse(in));
  }
  std::vector<nlohmann::json> full_cases;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    nlohmann::json full = nlohmann::json::object();
    for (std::size_t k = 0; k < examples.size(); ++k) {
      for (const auto& [key, value] : examples[(i + k) % examples.size()].items()) {
        if (key != "id" && !full.contains(key)) full[key] = value;
      }
    }
    if (!full.contains("today")) full["today"] = 20260101 + static_cast<int>(i % 28);  // no example gives the date
    full_cases.push_back(std::move(full));
  }

  for (const auto* rules : {&peer, &shipped}) {
    const auto json_cases = rules == &peer ? peer_cases(200) : full_cases;
    std::vector<forbear::Case> cases;
    for (const auto& c : json_cases) cases.push_back(*forbear::parse_case(*rules, c).value);
    const forbear::Evaluator evaluator(*rules);
    if (rules == &shipped) REQUIRE(json_cases.front().size() == evaluator.fact_count());  // no fact unknown
    const forbear::TraceWriter writer(evaluator);
    forbear::Context context(evaluator);
    std::string trace;
    REQUIRE(context.assign(cases.front()));
    writer.write(context.evaluate(), trace);  // warm-up: the string gets its room

    const long before = g_allocations;
    std::size_t written = 0;
    bool assigned = true;
    for (int i = 0; i < 2000; ++i) {
      assigned = context.assign(cases[static_cast<std::size_t>(i) % cases.size()]) && assigned;
      trace.clear();
      writer.write(context.evaluate(), trace);
      written += trace.size();
    }
    const long allocations = g_allocations - before;
    CHECK(allocations == 0);
    CHECK(assigned);
    CHECK(written > 2000 * 1000);
  }
}
