// forbear_bench_memory: what a loaded rule set and one evaluation context cost in memory, counted by
// a replaced global operator new (live heap bytes) and by the resident set size, for the shipped
// rules, the peer workload and the generated rule sets; and the allocations of one evaluation on
// the bound-facts path (expected: none). Prints one line per rule set.

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <string>

#include <malloc.h>

#include "forbear/evaluator.hpp"
#include "forbear/forbear.hpp"
#include "workload.hpp"

namespace {

std::atomic<long long> g_live{0};
std::atomic<long long> g_allocations{0};

long long rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  long long value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
    status.ignore(1 << 20, '\n');
  }
  return 0;
}

}  // namespace

void* operator new(std::size_t size) {
  void* p = std::malloc(size == 0 ? 1 : size);
  if (!p) throw std::bad_alloc();
  g_live += static_cast<long long>(malloc_usable_size(p));
  ++g_allocations;
  return p;
}
void operator delete(void* p) noexcept {
  if (p) g_live -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete[](void* p, std::size_t) noexcept { operator delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { operator delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { operator delete(p); }

namespace {

void measure(const char* name, const std::string& text_or_path, bool is_path, const std::vector<nlohmann::json>& cases) {
  malloc_trim(0);
  const long long heap_before = g_live;
  const long long rss_before = rss_kib();
  {
    auto loaded = is_path ? forbear::load_rules({text_or_path}) : forbear::load_rules_from_string(text_or_path, "generated.rules");
    if (!loaded.ok()) {
      std::printf("%s: %s\n", name, loaded.rendered_diagnostics().c_str());
      return;
    }
    const forbear::RuleSet rules = *loaded.rules;
    loaded = forbear::LoadResult{};  // keep the rule set only: the sources and diagnostics go
    const forbear::Evaluator evaluator(rules);
    forbear::Context context(evaluator);
    context.evaluate();
    malloc_trim(0);
    const long long heap = g_live - heap_before;
    const long long rss = rss_kib() - rss_before;
    std::vector<forbear::Case> bound;
    for (const auto& c : cases) bound.push_back(std::move(*forbear::parse_case(rules, c).value));
    // Allocations on the bound-facts path: set facts from a case, evaluate, read the ranking.
    const long long allocations_before = g_allocations;
    long long checksum = 0;
    const int evaluations = 10000;
    for (int i = 0; i < evaluations; ++i) {
      context.assign(bound[static_cast<std::size_t>(i) % bound.size()]);
      checksum += context.evaluate().ranking().size();
    }
    const long long allocations = g_allocations - allocations_before;
    std::printf("%-22s heap %9.1f KiB   rss %+9lld KiB   allocations in %d evaluations: %lld  (%lld)\n", name, heap / 1024.0, rss,
                evaluations, allocations, checksum % 7);
  }
}

}  // namespace

int main() {
  std::printf("rule set + Evaluator + one Context, beyond the process before loading:\n");
  std::vector<nlohmann::json> examples;
  for (const auto& entry : std::filesystem::directory_iterator(FORBEAR_SOURCE_DIR "/examples/cases")) {
    std::ifstream in(entry.path());
    examples.push_back(nlohmann::json::parse(in));
  }
  measure("shipped rules", FORBEAR_SOURCE_DIR "/rules", true, examples);
  measure("peer workload", FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules", true, forbear::bench::peer_cases(256, 42));
  for (std::size_t rules : {100, 1000, 10000}) {
    const std::string name = "generated " + std::to_string(rules) + " rules";
    measure(name.c_str(), forbear::bench::generated_rules(rules, 200, rules), false, forbear::bench::generated_cases(64, 200, 5));
  }
  return 0;
}
