#pragma once

#include <cstdint>
#include <vector>

#include "peer_case.hpp"

namespace forbear::peers {

/// The seed of the committed benchmark run (bench/peers/run.sh) and of the test.
inline constexpr std::uint64_t default_seed = 20261122;
/// The number of cases of a benchmark run: ids 0..9999, the workload's id range.
inline constexpr int default_case_count = 10000;

/// `count` cases with ids 0..count-1, the same for the same seed on every machine and compiler
/// (a SplitMix64 stream, no standard-library distribution). Each field is drawn in the workload's
/// range, hardship `none` and amounts below 5000 more often than uniform draws would give them; a
/// share of the draws is taken from the boundaries the rules test (days 7/30/90, amounts
/// 5000/20000/50000 and a cent either side, income equal to expenses, amount equal to six months of
/// surplus), so that an engine that gets a boundary wrong fails on the generated cases; and 3% are
/// quiet cases on which no scoring rule fires (top "none").
std::vector<PeerCase> generate_cases(std::uint64_t seed, int count);

}  // namespace forbear::peers
