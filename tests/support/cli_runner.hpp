#pragma once

// Runs the built forbear command in a scratch directory, capturing its exit status and output.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace forbear::test {

/// What one run of the command gave.
struct CliRun {
  int status = -1;  ///< the exit status, -1 when it did not exit normally
  std::string out;
  std::string err;
};

/// The bytes of a file ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// `text` quoted for the POSIX shell.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

/// The lines of `text`, without their line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

#ifdef FORBEAR_CLI_PATH
/// A scratch directory in which `forbear` runs; files written with write() are relative to it.
class CliSandbox : public TempDir {
 public:
  /// Runs `forbear ARGS` (ARGS as shell words) in the directory, with `input` on standard input and
  /// `environment` ("NAME=VALUE ...") set.
  CliRun run(const std::string& args, const std::string& input = "", const std::string& environment = "") const {
    write("stdin.txt", input);
    const std::string command = "cd " + shell_quote(path().string()) + " && " + environment + " " +
                                shell_quote(FORBEAR_CLI_PATH) + " " + args + " < stdin.txt > stdout.txt 2> stderr.txt";
    const int raw = std::system(command.c_str());
    CliRun result;
    result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    result.out = read_file(path() / "stdout.txt");
    result.err = read_file(path() / "stderr.txt");
    return result;
  }
};
#endif

}  // namespace forbear::test
