// forbear fmt as a command: rewriting in place, --check, standard input, directories, files with
// syntax errors and bad paths, with exact output and exit statuses.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::CliSandbox;
using forbear::test::read_file;

const char* const kUnformatted = "let a=1\nlet  b=a*2\n";
const char* const kFormatted = "let a = 1\nlet b = a * 2\n";
const char* const kBroken = "let a = 1\nrule r when a > then s += 1\n";

// The names of the files in a folder, sorted.
std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("fmt rewrites unformatted files in place and names them", "[cli][fmt]") {
  CliSandbox box;
  box.write("a.rules", kUnformatted);
  box.write("b.rules", kFormatted);
  const auto run = box.run("fmt a.rules b.rules");
  CHECK(run.status == 0);
  CHECK(run.out == "a.rules\n");
  CHECK(run.err.empty());
  CHECK(read_file(box.path() / "a.rules") == kFormatted);
  CHECK(read_file(box.path() / "b.rules") == kFormatted);
  // No temporary file is left behind, and a second run has nothing to do.
  CHECK(listing(box.path()) == std::vector<std::string>{"a.rules", "b.rules", "stderr.txt", "stdin.txt", "stdout.txt"});
  const auto again = box.run("fmt a.rules b.rules");
  CHECK(again.status == 0);
  CHECK(again.out.empty());
}

TEST_CASE("fmt keeps a rewritten file's permissions", "[cli][fmt]") {
  CliSandbox box;
  box.write("a.rules", kUnformatted);
  const auto perms = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read;
  fs::permissions(box.path() / "a.rules", perms);
  REQUIRE(box.run("fmt a.rules").status == 0);
  CHECK(read_file(box.path() / "a.rules") == kFormatted);
  CHECK(fs::status(box.path() / "a.rules").permissions() == perms);
}

TEST_CASE("fmt --check lists unformatted files with their first differing lines and writes nothing", "[cli][fmt]") {
  CliSandbox box;
  box.write("a.rules", kUnformatted);
  box.write("b.rules", kFormatted);
  const auto run = box.run("fmt --check a.rules b.rules");
  CHECK(run.status == 1);
  CHECK(run.out == "a.rules:1: not formatted\n-let a=1\n-let  b=a*2\n+let a = 1\n+let b = a * 2\n");
  CHECK(run.err.empty());
  CHECK(read_file(box.path() / "a.rules") == kUnformatted);

  const auto clean = box.run("fmt --check b.rules");
  CHECK(clean.status == 0);
  CHECK(clean.out.empty());
  CHECK(clean.err.empty());
}

TEST_CASE("fmt - formats standard input to standard output", "[cli][fmt]") {
  CliSandbox box;
  const auto run = box.run("fmt -", kUnformatted);
  CHECK(run.status == 0);
  CHECK(run.out == kFormatted);
  CHECK(run.err.empty());

  const auto check = box.run("fmt --check -", kUnformatted);
  CHECK(check.status == 1);
  CHECK(check.out == "<stdin>:1: not formatted\n-let a=1\n-let  b=a*2\n+let a = 1\n+let b = a * 2\n");
  CHECK(box.run("fmt --check -", kFormatted).status == 0);

  const auto broken = box.run("fmt -", kBroken);
  CHECK(broken.status == 1);
  CHECK(broken.out.empty());
  CHECK(broken.err == 
        "<stdin>:2:17: error: expected operand, got 'then'\n"
        "    2 | rule r when a > then s += 1\n"
        "      |                 ^~~~\n");
}

TEST_CASE("fmt DIRECTORY formats the .rules files directly inside it, in name order", "[cli][fmt]") {
  CliSandbox box;
  box.write("kb/b.rules", kUnformatted);
  box.write("kb/a.rules", kUnformatted);
  box.write("kb/c.rules", kFormatted);
  box.write("kb/notes.txt", kUnformatted);
  box.write("kb/nested/d.rules", kUnformatted);
  const auto run = box.run("fmt kb");
  CHECK(run.status == 0);
  CHECK(run.out == "kb/a.rules\nkb/b.rules\n");
  CHECK(read_file(box.path() / "kb/a.rules") == kFormatted);
  CHECK(read_file(box.path() / "kb/b.rules") == kFormatted);
  CHECK(read_file(box.path() / "kb/notes.txt") == kUnformatted);
  CHECK(read_file(box.path() / "kb/nested/d.rules") == kUnformatted);
}

TEST_CASE("fmt without a path formats the rules that --rules would default to", "[cli][fmt]") {
  CliSandbox box;
  box.write("kb/a.rules", kUnformatted);
  const auto check = box.run("fmt --check", "", "FORBEAR_RULES=kb");
  CHECK(check.status == 1);
  CHECK(check.out.rfind("kb/a.rules:1: not formatted\n", 0) == 0);
  const auto run = box.run("fmt", "", "FORBEAR_RULES=kb");
  CHECK(run.status == 0);
  CHECK(run.out == "kb/a.rules\n");
  CHECK(read_file(box.path() / "kb/a.rules") == kFormatted);
}

TEST_CASE("fmt leaves a file with syntax errors untouched, reports them and goes on with the others", "[cli][fmt]") {
  CliSandbox box;
  box.write("bad.rules", kBroken);
  box.write("good.rules", kUnformatted);
  const auto run = box.run("fmt bad.rules good.rules");
  CHECK(run.status == 1);
  CHECK(run.err == 
        "bad.rules:2:17: error: expected operand, got 'then'\n"
        "    2 | rule r when a > then s += 1\n"
        "      |                 ^~~~\n");
  CHECK(run.out == "good.rules\n");
  CHECK(read_file(box.path() / "bad.rules") == kBroken);
  CHECK(read_file(box.path() / "good.rules") == kFormatted);

  const auto check = box.run("fmt --check bad.rules good.rules");
  CHECK(check.status == 1);
  CHECK(check.out.empty());
  CHECK(check.err == run.err);
}

TEST_CASE("fmt refuses paths that name nothing and '-' among other paths, before writing anything", "[cli][fmt]") {
  CliSandbox box;
  box.write("a.rules", kUnformatted);
  fs::create_directories(box.path() / "empty");
  const auto missing = box.run("fmt a.rules missing.rules");
  CHECK(missing.status == 2);
  CHECK(missing.err == "forbear: error: cannot read 'missing.rules': no such file or directory\n");
  CHECK(missing.out.empty());
  CHECK(read_file(box.path() / "a.rules") == kUnformatted);

  const auto empty = box.run("fmt empty");
  CHECK(empty.status == 2);
  CHECK(empty.err == "forbear: error: no .rules files in directory 'empty'\n");

  const auto mixed = box.run("fmt - a.rules", kUnformatted);
  CHECK(mixed.status == 2);
  CHECK(mixed.err == "forbear: error: '-' (standard input) cannot be formatted together with other paths\n");
  CHECK(mixed.out.empty());
  CHECK(read_file(box.path() / "a.rules") == kUnformatted);
}

#endif
