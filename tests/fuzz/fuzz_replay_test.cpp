// The fuzz targets' seed corpora and every input a fuzzer ever found a problem with
// (tests/fuzz/regressions/) are replayed here, in the normal test suite, through the same code the
// targets run. In the sanitizer build (scripts/test.sh) this also catches memory errors and
// undefined behaviour; in any build, a crash or an exception.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "fuzz/exercise.hpp"
#ifdef FORBEAR_HAS_C_API
#include "fuzz/exercise_c_api.hpp"
#endif
#include "support/cli_runner.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kFuzz = fs::path(FORBEAR_SOURCE_DIR) / "tests" / "fuzz";

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("fuzz replay: the rule corpus and rule regressions", "[fuzz]") {
  const auto seeds = files_in(kFuzz / "corpus" / "rules");
  CHECK(seeds.size() >= 40);
  for (const auto& folder : {kFuzz / "corpus" / "rules", kFuzz / "regressions" / "rules"}) {
    for (const auto& file : files_in(folder)) {
      INFO(file.string());
      CHECK_NOTHROW(forbear::fuzz::exercise_rules(forbear::test::read_file(file)));
    }
  }
}

TEST_CASE("fuzz replay: the case corpus and case regressions", "[fuzz]") {
  const auto& rules = forbear::fuzz::shipped_rules(FORBEAR_SOURCE_DIR);
  CHECK(files_in(kFuzz / "corpus" / "case").size() >= 15);
  for (const auto& folder : {kFuzz / "corpus" / "case", kFuzz / "regressions" / "case"}) {
    for (const auto& file : files_in(folder)) {
      INFO(file.string());
      CHECK_NOTHROW(forbear::fuzz::exercise_case(rules, forbear::test::read_file(file)));
    }
  }
}

#ifdef FORBEAR_HAS_C_API
TEST_CASE("fuzz replay: the C API corpus and C API regressions", "[fuzz]") {
  const forbear_ruleset* rules = forbear::fuzz::shipped_rules_c(FORBEAR_SOURCE_DIR);
  CHECK(files_in(kFuzz / "corpus" / "c_api").size() >= 25);
  for (const auto& folder : {kFuzz / "corpus" / "c_api", kFuzz / "regressions" / "c_api"}) {
    for (const auto& file : files_in(folder)) {
      INFO(file.string());
      CHECK_NOTHROW(forbear::fuzz::exercise_c_api(rules, forbear::test::read_file(file)));
    }
  }
}
#endif
