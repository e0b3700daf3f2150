// docs/result-schema.md and docs/*/reading-a-trace.md tell auditors how to recompute a rule set's
// SHA-256 by hand. The recipe, followed literally, gives the digest that forbear reports.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"
#include "util/sha256.hpp"

namespace {

namespace fs = std::filesystem;

// The documented recipe: for every file in load order, its base name, a NUL byte, its size in
// bytes as decimal digits, a NUL byte, then its bytes.
std::string recipe(const std::vector<fs::path>& files_in_load_order) {
  forbear::detail::Sha256 hash;
  for (const auto& file : files_in_load_order) {
    const std::string bytes = forbear::test::read_file(file);
    hash.update(file.filename().string());
    hash.update(std::string_view("\0", 1));
    hash.update(std::to_string(bytes.size()));
    hash.update(std::string_view("\0", 1));
    hash.update(bytes);
  }
  return forbear::detail::to_hex(hash.finish());
}

TEST_CASE("docs: the sha256 recipe gives the digest of the shipped rules", "[docs]") {
  const fs::path rules = fs::path(FORBEAR_SOURCE_DIR) / "rules";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(rules)) {
    if (entry.is_regular_file() && entry.path().extension() == ".rules") files.push_back(entry.path());
  }
  // Byte order of the names, as `LC_ALL=C ls` and Python's sorted() give it.
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  const auto loaded = forbear::load_rules({rules});
  REQUIRE(loaded.ok());
  CHECK(recipe(files) == loaded.rules->sha256());
}

TEST_CASE("docs: the sha256 recipe follows includes in load order, each file once", "[docs]") {
  forbear::test::TempDir dir;
  dir.write("b.rules", "include \"shared/common.rules\"\nstrategy b { en: \"b\" }\n");
  dir.write("a.rules", "ruleset t version \"1\"\ninclude \"shared/common.rules\"\nstrategy a { en: \"a\" }\n");
  dir.write("shared/common.rules", "fact x: int\n");
  const auto loaded = forbear::load_rules({dir.path()});
  REQUIRE(loaded.ok());
  // An included file comes right after the file that first includes it.
  CHECK(recipe({dir.path() / "a.rules", dir.path() / "shared" / "common.rules", dir.path() / "b.rules"}) ==
        loaded.rules->sha256());
}

}  // namespace
