// forbear test (being written; see issue 3).

#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

int run_test(const Arguments&) {
  std::cerr << "forbear: error: 'test' is not available in this build yet\n";
  return kExitUsage;
}

}  // namespace forbear::cli
