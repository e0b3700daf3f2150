#include "cli/graphviz.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <vector>

extern char** environ;

namespace forbear::cli {

namespace {

// The first executable `name` in the directories of $PATH.
std::optional<std::filesystem::path> find_program(std::string_view name) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string_view dir = dirs.substr(0, colon);
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
    const std::filesystem::path candidate = std::filesystem::path(dir.empty() ? "." : std::string(dir)) / std::string(name);
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

// A file in the temporary directory, removed when it goes out of scope.
class TempFile {
 public:
  explicit TempFile(const char* suffix) {
    std::string pattern = (std::filesystem::temp_directory_path() / "forbear-XXXXXX").string() + suffix;
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(std::string_view(suffix).size()));
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }
  bool ok() const { return !path_.empty(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

std::optional<std::string> render_svg(const std::string& dot_text) {
  const auto dot = find_program("dot");
  if (!dot) {
    std::cerr << "forbear: error: --format svg needs Graphviz's 'dot' program, which is not on PATH; install Debian's "
                 "graphviz package (apt-get install graphviz), or use --format dot\n";
    return std::nullopt;
  }
  TempFile input(".dot");
  TempFile output(".svg");
  if (!input.ok() || !output.ok()) {
    std::cerr << "forbear: error: cannot create a temporary file for Graphviz\n";
    return std::nullopt;
  }
  std::ofstream(input.path(), std::ios::binary) << dot_text;
  const std::string program = dot->string();
  const std::string target = "-o" + output.path().string();
  std::vector<std::string> words = {program, "-Tsvg", target, input.path().string()};
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (::posix_spawn(&pid, program.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    std::cerr << "forbear: error: cannot run '" << program << "'\n";
    return std::nullopt;
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::cerr << "forbear: error: Graphviz's '" << program << "' failed"
              << (WIFEXITED(status) ? " with exit status " + std::to_string(WEXITSTATUS(status)) : std::string()) << '\n';
    return std::nullopt;
  }
  std::ifstream in(output.path(), std::ios::binary);
  std::ostringstream svg;
  svg << in.rdbuf();
  return svg.str();
}

}  // namespace forbear::cli
