// Golden files for `forbear fmt`: each tests/data/format/NAME.rules formats to NAME.expected byte for
// byte; the expected text is a fixed point (formatting it again changes nothing) and parses to the
// same declarations as the input.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "dsl/parser.hpp"
#include "forbear/format.hpp"
#include "format/tree_equality.hpp"
#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using forbear::test::read_file;

namespace {

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(fs::path(FORBEAR_TEST_DATA_DIR) / "format")) {
    if (entry.path().extension() == ".rules") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

forbear::dsl::pt::File parsed(const std::string& text) {
  std::vector<forbear::Diagnostic> diagnostics;
  auto tree = forbear::dsl::parse(text, 0, diagnostics);
  REQUIRE(diagnostics.empty());
  return tree;
}

}  // namespace

TEST_CASE("golden inputs format to their expected text", "[format][golden]") {
  const auto inputs = golden_inputs();
  REQUIRE(inputs.size() >= 15);
  for (const fs::path& input : inputs) {
    INFO(input.filename().string());
    const std::string text = read_file(input);
    const std::string expected = read_file(fs::path(input).replace_extension(".expected"));
    const auto result = forbear::format_rules(text, input.filename().string());
    INFO(result.rendered_diagnostics());
    REQUIRE(result.ok());
    CHECK(*result.text == expected);
  }
}

TEST_CASE("formatting a golden output again changes nothing", "[format][golden]") {
  for (const fs::path& input : golden_inputs()) {
    INFO(input.filename().string());
    const std::string expected = read_file(fs::path(input).replace_extension(".expected"));
    const auto again = forbear::format_rules(expected, "again.rules");
    INFO(again.rendered_diagnostics());
    REQUIRE(again.ok());
    CHECK(*again.text == expected);
    CHECK_FALSE(again.changed());
  }
}

TEST_CASE("a golden output parses to the same declarations as its input", "[format][golden]") {
  for (const fs::path& input : golden_inputs()) {
    INFO(input.filename().string());
    const std::string expected = read_file(fs::path(input).replace_extension(".expected"));
    CHECK(forbear::detail::format::same_declarations(parsed(read_file(input)), parsed(expected)));
  }
}
