#pragma once

#include <memory>
#include <vector>

#include "dsl/parse_tree.hpp"
#include "forbear/diagnostic.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Resolves names, checks types and compiles the parsed files of one rule set into a Program.
/// `trees[i]` is the parse of `sources[i]`. Every problem is appended to `diagnostics`; the
/// program is returned only when there was no error (warnings allowed). With `lint`, the lint
/// pass (src/lint/) then adds its warnings about the program.
std::shared_ptr<Program> check(std::vector<SourceFile> sources, const std::vector<dsl::pt::File>& trees,
                               std::vector<Diagnostic>& diagnostics, bool lint);

}  // namespace forbear::detail
