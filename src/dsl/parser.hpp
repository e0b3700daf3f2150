#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dsl/parse_tree.hpp"
#include "forbear/diagnostic.hpp"
#include "forbear/limits.hpp"

namespace forbear::dsl {

/// Parses one rule file. Syntax errors are appended to `diagnostics` with spans in `file_index`;
/// after an error the parser resumes at the next line that starts a declaration, so one call
/// reports every independent error. The returned tree holds what parsed cleanly. A string longer
/// than `limits.max_string_bytes` or holding a control character, and an expression nested deeper
/// than `limits.max_expression_depth`, are errors too: no expression in the tree is deeper.
pt::File parse(std::string_view text, std::uint32_t file_index, std::vector<Diagnostic>& diagnostics,
               const Limits& limits = Limits{});

}  // namespace forbear::dsl
