#pragma once

// Running Graphviz's `dot` to turn DOT into SVG.

#include <optional>
#include <string>

namespace forbear::cli {

/// The SVG that `dot -Tsvg` makes of `dot_text`. When `dot` is not on PATH or fails, prints
/// "forbear: error: ..." to stderr (naming Debian's graphviz package when it is missing) and
/// returns nothing.
std::optional<std::string> render_svg(const std::string& dot_text);

}  // namespace forbear::cli
