#pragma once

// Whether one `expect` line holds for an advice, and if not, what happened instead and why.

#include <optional>

#include "forbear/advice.hpp"
#include "forbear/rule_tests.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Checks `expectation` against `advice` (computed with its trace by the rule set of `program`).
/// Returns nothing when it holds, else the failure: expected and actual text, and the trace of the
/// rules (or, for an output, the values) involved.
std::optional<ExpectationFailure> check_expectation(const Program& program, const Expectation& expectation,
                                                    const AdviceResult& advice);

/// "1st", "2nd", "3rd", "4th", "11th", "21st"...
std::string ordinal(int number);

}  // namespace forbear::detail
