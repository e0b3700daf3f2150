#pragma once

// The value a literal in a test file stands for, checked against a type the way parse_case checks
// a case's JSON values.

#include <optional>
#include <string>

#include "forbear/value.hpp"
#include "model/program.hpp"
#include "testing/test_lexer.hpp"

namespace forbear::detail {

/// The value of `literal` (a number, a string, or a word: true, false, unknown or an enum member)
/// as a value of `type`. A number keeps every digit written (it never passes through a double).
/// On failure returns nothing and sets `problem` to parse_case's message for the same value in a
/// case ("expected int, got 4.5, which is not a whole number"), showing the value as written.
std::optional<Value> literal_value(const Program& program, const Type& type, const TestToken& literal,
                                   std::string& problem);

/// literal_value() for a fact, also checked against the fact's declared range.
std::optional<Value> fact_value(const Program& program, const ValueInfo& fact, const TestToken& literal,
                                std::string& problem);

}  // namespace forbear::detail
