#include "format/number_spelling.hpp"

namespace forbear::detail::format {

std::string canonical_number(std::string_view literal) {
  std::size_t whole_end = literal.find('.');
  if (whole_end == std::string_view::npos) whole_end = literal.size();
  std::size_t first = 0;
  while (first + 1 < whole_end && literal[first] == '0') ++first;
  return std::string(literal.substr(first));
}

}  // namespace forbear::detail::format
