// forbear test: runs rule tests (.tests files) against the rules and reports failures and coverage.

#include <algorithm>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {
namespace {

namespace fs = std::filesystem;

// The default places to look: the tests/ folder of each rules directory (of a rules file: of its folder).
std::vector<fs::path> default_test_folders(const Arguments& args) {
  std::vector<fs::path> folders;
  for (const auto& rules : rule_paths(args)) {
    std::error_code ec;
    const fs::path folder = (fs::is_directory(rules, ec) ? rules : rules.parent_path()) / "tests";
    if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
  }
  return folders;
}

// The .tests files directly in `folder`, in byte order of their names.
std::vector<fs::path> tests_in(const fs::path& folder, std::error_code& ec) {
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_error;
    if (it->path().extension() == ".tests" && it->is_regular_file(type_error)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  return files;
}

// The test files named by `targets`; every target that names none is reported, and then nothing is returned.
std::optional<std::vector<fs::path>> test_files(const std::vector<fs::path>& targets, bool defaulted) {
  std::vector<fs::path> files;
  bool ok = true;
  const std::string hint = defaulted ? " (name .tests files or folders after 'forbear test')" : "";
  for (const auto& target : targets) {
    std::error_code ec;
    if (!fs::exists(target, ec)) {
      std::cerr << "forbear: error: " << (defaulted ? "test folder '" : "'") << target.string() << "' does not exist"
                << hint << '\n';
      ok = false;
    } else if (fs::is_directory(target, ec)) {
      const auto found = tests_in(target, ec);
      if (ec) {
        std::cerr << "forbear: error: cannot read folder '" << target.string() << "': " << ec.message() << '\n';
        ok = false;
      } else if (found.empty()) {
        std::cerr << "forbear: error: no .tests files in '" << target.string() << "'" << hint << '\n';
        ok = false;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else if (target.extension() != ".tests") {
      std::cerr << "forbear: error: '" << target.string() << "' is not a .tests file\n";
      ok = false;
    } else {
      files.push_back(target);
    }
  }
  if (!ok) return std::nullopt;
  return files;
}

}  // namespace

int run_test(const Arguments& args) {
  const bool defaulted = args.paths.empty();
  const std::vector<fs::path> targets =
      defaulted ? default_test_folders(args) : std::vector<fs::path>(args.paths.begin(), args.paths.end());
  const auto files = test_files(targets, defaulted);
  if (!files) return kExitUsage;

  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  const RuleSet& rules = *loaded.rules;
  const auto suite = load_rule_tests(rules, *files);
  std::cerr << suite.rendered_diagnostics();
  const auto report = run_rule_tests(rules, suite);
  std::cout << render_text(report, args.lang);
  return report.ok() ? kExitOk : kExitRuleErrors;
}

}  // namespace forbear::cli
