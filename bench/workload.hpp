#pragma once

// Deterministic inputs for the benchmarks: cases of the peer workload (ranges of peer-workload.md
// section 1), and generated rule sets of any size over 200 facts with cases for them.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace forbear::bench {

/// `count` cases of the peer workload as JSON objects, keys in the spec's order, from `seed`.
std::vector<nlohmann::json> peer_cases(std::size_t count, std::uint64_t seed);

/// A rule set of `rules` rules over `facts` facts (int, number, bool and enum facts in turn),
/// `facts / 4` derived facts and 8 strategies; each rule tests two or three facts or derived facts
/// and gives points to one or two strategies, one rule in 100 is a veto. Same text for the same
/// arguments.
std::string generated_rules(std::size_t rules, std::size_t facts, std::uint64_t seed);

/// `count` cases for generated_rules(_, facts, _): every fact given, values around the thresholds.
std::vector<nlohmann::json> generated_cases(std::size_t count, std::size_t facts, std::uint64_t seed);

}  // namespace forbear::bench
