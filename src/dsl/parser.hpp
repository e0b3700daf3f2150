#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dsl/parse_tree.hpp"
#include "forbear/diagnostic.hpp"

namespace forbear::dsl {

/// Parses one rule file. Syntax errors are appended to `diagnostics` with spans in `file_index`;
/// after an error the parser resumes at the next line that starts a declaration, so one call
/// reports every independent error. The returned tree holds what parsed cleanly.
pt::File parse(std::string_view text, std::uint32_t file_index, std::vector<Diagnostic>& diagnostics);

}  // namespace forbear::dsl
