#pragma once

// Where the command finds the shipped rules when it is given none.

#include <filesystem>

namespace forbear::cli {

/// The shipped knowledge base: installed, the rules under the install prefix's data directory
/// (found relative to the running executable, so an installed tree can be moved); in the build
/// tree, the source tree's rules/.
std::filesystem::path shipped_rules_dir();

}  // namespace forbear::cli
