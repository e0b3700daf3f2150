#pragma once

#include <vector>

#include "model/program.hpp"

namespace forbear::detail {

/// The values of one fact worth trying to see whether it could change an advice, other than the
/// value it has in `facts` (one value per declared fact; defaults apply where unknown):
/// - bool: false and true; enum: every member in declaration order;
/// - int and number: the values just around each point where a numeric comparison that reads the
///   fact (directly or through derived facts, with the other facts as they are) changes its
///   outcome, and the bounds of the fact's range, in ascending order and within the range;
/// - text: the texts it is compared with, and the empty text.
/// A numeric fact that no comparison decides is tried at 0 (or the range bound nearest to it).
std::vector<Value> candidate_values(const Program& program, const std::vector<Value>& facts, Slot fact);

}  // namespace forbear::detail
