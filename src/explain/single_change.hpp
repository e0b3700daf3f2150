#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "eval/outcome.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// A fact set to one value, and the evaluation that gives.
struct SingleChange {
  Slot fact = kNone;
  Value value;
  Outcome outcome;
};

/// A value of one of the facts the rule's condition reads that makes the rule fire, everything
/// else as in `facts`: unknown facts are tried before known ones, then facts in declaration
/// order; for each, its candidate values (candidate_values), taking the one nearest its current
/// value (numbers) or the first (others). Nothing when no single value does it.
std::optional<SingleChange> change_that_fires(const Program& program, const std::vector<Value>& facts, std::size_t rule);

/// The single fact value that raises the strategy to the best place (Outcome::place), then the
/// highest score, trying every fact's candidate values; on a tie the first fact in declaration
/// order, and of a number's values the one nearest its current value. Nothing when no single
/// value raises its place.
std::optional<SingleChange> change_that_raises(const Program& program, const std::vector<Value>& facts,
                                               const Outcome& base, std::size_t strategy);

}  // namespace forbear::detail
