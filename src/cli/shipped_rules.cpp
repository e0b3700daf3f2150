#include "cli/shipped_rules.hpp"

#include <system_error>

namespace forbear::cli {

std::filesystem::path shipped_rules_dir() {
  std::error_code ec;
  // Linux names the running executable in /proc; elsewhere the installed location is not known
  // and the build tree's rules are the answer.
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const auto installed = (executable.parent_path() / FORBEAR_INSTALLED_RULES_DIR).lexically_normal();
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return FORBEAR_DEFAULT_RULES_DIR;
}

}  // namespace forbear::cli
