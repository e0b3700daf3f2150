#pragma once

#include <string>
#include <vector>

#include "format/outline.hpp"
#include "format/tokens.hpp"

namespace forbear::detail::format {

/// Prints a file in the canonical layout (docs/en/fmt.md): each declaration from its outline, the
/// comments where the lexer attached them, blank lines between declarations by the blank-line
/// policy, LF line ends and one final newline (none for a file with nothing in it).
std::string print(const TokenStream& stream, const std::vector<DeclarationOutline>& declarations);

}  // namespace forbear::detail::format
