// forbear fmt: rewrites rule files in the canonical layout, or with --check lists those that are
// not in it. A file with syntax errors is reported and left alone; the others are still processed.

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "format/text_difference.hpp"

namespace forbear::cli {

namespace {

namespace fs = std::filesystem;

// The files a PATH names: the file itself, or the *.rules directly inside a directory in byte
// order of their names. A path that names nothing is reported; then the list is empty.
std::optional<std::vector<fs::path>> files_of(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    std::cerr << "forbear: error: cannot read '" << path.string() << "': no such file or directory\n";
    return std::nullopt;
  }
  if (!fs::is_directory(path, ec)) return std::vector<fs::path>{path};
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().extension() == ".rules" && entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  if (ec) {
    std::cerr << "forbear: error: cannot read directory '" << path.string() << "': " << ec.message() << '\n';
    return std::nullopt;
  }
  if (files.empty()) {
    std::cerr << "forbear: error: no .rules files in directory '" << path.string() << "'\n";
    return std::nullopt;
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  return files;
}

std::optional<std::string> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "forbear: error: cannot read '" << path.string() << "'\n";
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Replaces the file by way of a temporary file in the same folder and a rename, so that a crash
// leaves either the old file or the new one, never half of one. The file keeps its permissions.
bool replace_file(const fs::path& path, const std::string& text) {
  const fs::path temporary =
      path.parent_path() / ("." + path.filename().string() + ".fmt-" + std::to_string(::getpid()) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      std::cerr << "forbear: error: cannot write '" << temporary.string() << "'\n";
      return false;
    }
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    std::cerr << "forbear: error: cannot replace '" << path.string() << "': " << ec.message() << '\n';
    return false;
  }
  return true;
}

// Standard input to standard output (or, with --check, only the report).
int format_standard_input(bool check_only) {
  std::ostringstream bytes;
  bytes << std::cin.rdbuf();
  const FormatResult result = format_rules(bytes.str(), "<stdin>");
  if (!result.ok()) {
    std::cerr << result.rendered_diagnostics();
    return kExitRuleErrors;
  }
  if (!check_only) {
    std::cout << *result.text;
    return kExitOk;
  }
  if (!result.changed()) return kExitOk;
  std::cout << detail::format::describe_difference(result.source.path, result.source.text, *result.text);
  return kExitRuleErrors;
}

}  // namespace

int run_fmt(const Arguments& args) {
  const bool standard_input = std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end();
  if (standard_input && args.paths.size() > 1) {
    std::cerr << "forbear: error: '-' (standard input) cannot be formatted together with other paths\n";
    return kExitUsage;
  }
  if (standard_input) return format_standard_input(args.check_only);

  std::vector<fs::path> roots(args.paths.begin(), args.paths.end());
  if (roots.empty()) roots = rule_paths(args);
  std::vector<fs::path> files;
  bool paths_ok = true;
  for (const auto& root : roots) {
    if (auto found = files_of(root)) files.insert(files.end(), found->begin(), found->end());
    else paths_ok = false;
  }
  if (!paths_ok) return kExitUsage;

  int status = kExitOk;
  for (const auto& file : files) {
    const auto text = read_bytes(file);
    if (!text) {
      status = kExitUsage;
      continue;
    }
    const FormatResult result = format_rules(*text, file.string());
    if (!result.ok()) {
      std::cerr << result.rendered_diagnostics();
      status = std::max(status, kExitRuleErrors);
      continue;
    }
    if (!result.changed()) continue;
    if (args.check_only) {
      std::cout << detail::format::describe_difference(result.source.path, result.source.text, *result.text);
      status = std::max(status, kExitRuleErrors);
    } else if (replace_file(file, *result.text)) {
      std::cout << file.string() << '\n';
    } else {
      status = kExitUsage;
    }
  }
  return status;
}

}  // namespace forbear::cli
