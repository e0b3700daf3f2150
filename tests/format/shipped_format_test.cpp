// The formatter on the shipped knowledge base (read from the source tree at test time, formatted in
// memory and in a scratch copy; rules/ itself is never written): every file formats, the result is
// a fixed point with the same declarations and comments, and the formatted rule set gives the same
// advice on every bundled case.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dsl/parser.hpp"
#include "forbear/forbear.hpp"
#include "format/lexer.hpp"
#include "format/tree_equality.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using forbear::test::read_file;

namespace {

const fs::path kRulesDir = fs::path(FORBEAR_SOURCE_DIR) / "rules";
const fs::path kCasesDir = fs::path(FORBEAR_SOURCE_DIR) / "examples" / "cases";

std::vector<fs::path> files_in(const fs::path& folder, const std::string& extension) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

forbear::dsl::pt::File parsed(const std::string& text) {
  std::vector<forbear::Diagnostic> diagnostics;
  auto tree = forbear::dsl::parse(text, 0, diagnostics);
  REQUIRE(diagnostics.empty());
  return tree;
}

std::vector<std::string> comments(const std::string& text) {
  const auto lexed = forbear::detail::format::lex(text);
  REQUIRE_FALSE(lexed.error);
  std::vector<std::string> out;
  for (const auto& token : lexed.stream.tokens) {
    for (const auto& comment : token.leading) out.push_back(comment.text);
    if (token.trailing) out.push_back(*token.trailing);
  }
  for (const auto& comment : lexed.stream.final_comments) out.push_back(comment.text);
  return out;
}

// Removes every "location" member (file:line, which formatting moves), however deep.
void erase_locations(nlohmann::ordered_json& json) {
  if (json.is_object()) json.erase("location");
  if (json.is_structured()) {
    for (auto& member : json) erase_locations(member);
  }
}

// The advice as JSON without what depends on the bytes of the files: the digest and line numbers.
nlohmann::ordered_json comparable(const forbear::AdviceResult& result) {
  auto json = forbear::to_json(result);
  json["ruleset"].erase("sha256");
  erase_locations(json);
  return json;
}

forbear::AdviceResult advise_on(const forbear::RuleSet& rules, nlohmann::json facts) {
  facts.erase("id");
  const auto parsed = forbear::parse_case(rules, facts);
  REQUIRE(parsed.ok());
  return forbear::advise(rules, *parsed.value);
}

}  // namespace

TEST_CASE("every shipped rule file formats to a fixed point with the same declarations and comments", "[format][shipped]") {
  const auto files = files_in(kRulesDir, ".rules");
  REQUIRE(files.size() >= 10);
  for (const fs::path& file : files) {
    INFO(file.filename().string());
    const std::string original = read_file(file);
    const auto formatted = forbear::format_rules(original, file.filename().string());
    INFO(formatted.rendered_diagnostics());
    REQUIRE(formatted.ok());
    const auto again = forbear::format_rules(*formatted.text, file.filename().string());
    REQUIRE(again.ok());
    CHECK(*again.text == *formatted.text);
    CHECK(forbear::detail::format::same_declarations(parsed(original), parsed(*formatted.text)));
    CHECK(comments(original) == comments(*formatted.text));
  }
}

TEST_CASE("the formatted shipped rules give the same advice on every bundled case", "[format][shipped]") {
  forbear::test::TempDir copy;
  for (const fs::path& file : files_in(kRulesDir, ".rules")) {
    const auto formatted = forbear::format_rules(read_file(file), file.filename().string());
    REQUIRE(formatted.ok());
    copy.write(file.filename().string(), *formatted.text);
  }
  const auto original = forbear::load_rules({kRulesDir});
  const auto reformatted = forbear::load_rules({copy.path()});
  INFO(reformatted.rendered_diagnostics());
  REQUIRE(original.ok());
  REQUIRE(reformatted.ok());
  const auto cases = files_in(kCasesDir, ".json");
  REQUIRE(cases.size() >= 5);
  for (const fs::path& case_file : cases) {
    INFO(case_file.filename().string());
    const auto facts = nlohmann::json::parse(read_file(case_file));
    CHECK(comparable(advise_on(*original.rules, facts)) == comparable(advise_on(*reformatted.rules, facts)));
  }
}
