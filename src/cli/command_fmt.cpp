// forbear fmt (being written; see issue 3).

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

int run_fmt(const Arguments&) {
  std::cerr << "forbear: error: 'fmt' is not available in this build yet\n";
  return kExitUsage;
}

}  // namespace forbear::cli
