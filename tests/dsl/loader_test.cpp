// Loading rule files: directories in a stable order, includes followed once, and the errors of
// paths that cannot be loaded.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

using forbear::test::TempDir;

std::vector<std::string> file_names(const forbear::LoadResult& result) {
  std::vector<std::string> names;
  for (const auto& source : result.sources) names.push_back(fs::path(source.path).filename().string());
  return names;
}

TEST_CASE("loader: a directory loads its .rules files in name order, includes once", "[dsl][loader]") {
  TempDir dir;
  dir.write("b.rules", "include \"shared/common.rules\"\nstrategy b { en: \"b\" }\n");
  dir.write("a.rules", "ruleset t version \"1\"\ninclude \"shared/common.rules\"\nstrategy a { en: \"a\" }\n");
  dir.write("shared/common.rules", "fact x: int\n");
  dir.write("notes.txt", "not a rule file\n");
  const auto result = forbear::load_rules({dir.path()});
  INFO(result.rendered_diagnostics());
  REQUIRE(result.ok());
  CHECK(file_names(result) == std::vector<std::string>{"a.rules", "common.rules", "b.rules"});
  const auto parsed = forbear::parse_case(*result.rules, {{"x", 1}});
  CHECK(parsed.ok());
  const auto advice = forbear::advise(*result.rules, *parsed.value);
  CHECK(forbear::test::ranking(advice) == std::vector<std::string>{"a", "b"});  // declaration order across files
}

TEST_CASE("loader: paths that cannot be loaded say why", "[dsl][loader]") {
  TempDir dir;
  fs::create_directories(dir.path() / "empty");
  const auto empty = forbear::load_rules({dir.path() / "empty"});
  CHECK(empty.rendered_diagnostics() == "forbear: error: no .rules files in directory '" + (dir.path() / "empty").string() + "'\n");
  const auto missing = forbear::load_rules({dir.path() / "nowhere.rules"});
  CHECK(missing.rendered_diagnostics() == "forbear: error: rule file '" + (dir.path() / "nowhere.rules").string() + "' does not exist\n");
  dir.write("main.rules", "ruleset t version \"1\"\ninclude \"gone.rules\"\n");
  const auto include = forbear::load_rules({dir.path() / "main.rules"});
  CHECK_FALSE(include.ok());
  REQUIRE(include.diagnostics.size() == 1);
  CHECK(include.diagnostics[0].message == "rule file '" + (dir.path() / "gone.rules").string() + "' does not exist");
  CHECK(forbear::locate(include.sources[0].text, include.diagnostics[0].span.begin).line == 2);
}

}  // namespace

TEST_CASE("loader: the lint pass runs only when LoadOptions::lint asks for it", "[dsl][loader]") {
  // No ruleset declaration (a warning of the checker) and a fact nothing reads (a warning of the lint pass).
  const std::string text = "fact used: int\nfact unread: int\nstrategy s { en: \"s\" }\n"
                           "rule r when used > 1 then s += 1 because \"b\" source \"x\"\n";
  const auto messages = [](const forbear::LoadResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) out.push_back(d.message);
    return out;
  };
  const std::string no_ruleset = "no 'ruleset NAME version \"V\"' declaration: advice cannot be tied to a rule set version";
  const forbear::LoadResult plain = forbear::load_rules_from_string(text, "t.rules");
  REQUIRE(plain.ok());
  CHECK(messages(plain) == std::vector<std::string>{no_ruleset});
  const forbear::LoadResult linted = forbear::load_rules_from_string(text, "t.rules", forbear::LoadOptions{.lint = true});
  REQUIRE(linted.ok());
  CHECK(messages(linted) ==
        std::vector<std::string>{no_ruleset, "fact 'unread' is not used: no rule, derived fact or text reads it; use it in a rule or remove it"});
  CHECK(linted.rules->sha256() == plain.rules->sha256());
  // The bounds of LoadOptions apply as those given alone do.
  forbear::LoadOptions tight{.lint = true};
  tight.limits.max_facts = 1;
  CHECK_FALSE(forbear::load_rules_from_string(text, "t.rules", tight).ok());
}
