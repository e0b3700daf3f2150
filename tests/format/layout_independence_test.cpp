// The canonical layout depends on the tokens, the comments and the blank lines between declarations
// only: rewriting the white space between tokens in other ways (spaces, tabs, single line breaks)
// gives the same formatted text. Checked on every golden input and every shipped rule file, with
// a fixed seed so that a failure can be reproduced.

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "forbear/format.hpp"
#include "format/lexer.hpp"
#include "support/cli_runner.hpp"

namespace fs = std::filesystem;
using forbear::test::read_file;

namespace {

std::vector<fs::path> rule_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".rules") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// `text` with the white space between two tokens replaced by a random choice, except where it
// holds a comment or a blank line (both carry meaning for the layout).
std::string shuffled_spacing(const std::string& text, std::mt19937& random) {
  static const std::array<std::string, 5> kSpacings = {" ", "\t", "\n", "  \n\t", "   "};
  const auto lexed = forbear::detail::format::lex(text);
  REQUIRE_FALSE(lexed.error);
  const auto& tokens = lexed.stream.tokens;
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::size_t gap_begin = tokens[i].offset + tokens[i].text.size();
    const std::size_t gap_end = tokens[i + 1].offset;
    const std::string gap = text.substr(gap_begin, gap_end - gap_begin);
    const bool keep = gap.find('#') != std::string::npos || std::count(gap.begin(), gap.end(), '\n') >= 2 ||
                      (gap.empty() && random() % 2 == 0);
    if (keep) continue;
    out += text.substr(copied, gap_begin - copied);
    out += kSpacings[random() % kSpacings.size()];
    copied = gap_end;
  }
  out += text.substr(copied);
  return out;
}

}  // namespace

TEST_CASE("the formatted text does not depend on how the input was spaced", "[format][layout]") {
  std::vector<fs::path> files = rule_files(fs::path(FORBEAR_TEST_DATA_DIR) / "format");
  const auto shipped = rule_files(fs::path(FORBEAR_SOURCE_DIR) / "rules");
  files.insert(files.end(), shipped.begin(), shipped.end());
  std::mt19937 random(20261121);
  for (const fs::path& file : files) {
    INFO(file.string());
    const std::string text = read_file(file);
    const auto reference = forbear::format_rules(text, "reference.rules");
    REQUIRE(reference.ok());
    for (int round = 0; round < 3; ++round) {
      const std::string variant = shuffled_spacing(text, random);
      INFO(variant);
      const auto formatted = forbear::format_rules(variant, "variant.rules");
      INFO(formatted.rendered_diagnostics());
      REQUIRE(formatted.ok());
      CHECK(*formatted.text == *reference.text);
    }
  }
}
