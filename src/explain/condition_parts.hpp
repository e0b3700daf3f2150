#pragma once

#include <vector>

#include "forbear/explain.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// The parts of a condition that kept it from being true, given the values of one evaluation
/// (`slots`: facts, then derived values): the conjuncts that were false or unknown, each
/// with the values it saw. A derived fact is opened up into the parts of its definition that made
/// it false or unknown, and an `or` over derived facts into its alternatives. Empty when the
/// condition is true.
std::vector<ConditionPart> failed_parts(const Program& program, ExprId condition, const std::vector<Value>& slots);

}  // namespace forbear::detail
