#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace forbear::detail {

/// A digest of the rule files a load would read: every `*.rules` file of each directory in
/// `paths`, each file in `paths`, and each of `also` (files reached by `include`), by name and
/// content. A file that cannot be read counts as such, so its appearing later changes the digest.
std::string rule_files_fingerprint(const std::vector<std::filesystem::path>& paths,
                                   const std::vector<std::string>& also);

}  // namespace forbear::detail
