// docs/en/fmt.md and docs/zh/fmt.md show real formatter output: the block after
// <!-- doc-test: fmt input --> formats to the block after <!-- doc-test: fmt output -->, the block
// after <!-- doc-test: fmt check NAME --> is what `forbear fmt --check` reports for that input saved
// as NAME, and both languages show the same blocks.

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "docs/markdown_blocks.hpp"
#include "forbear/format.hpp"
#include "format/text_difference.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kDocs = fs::path(FORBEAR_SOURCE_DIR) / "docs";

// The marked blocks of a document, by instruction.
std::map<std::string, std::string> fmt_blocks(const fs::path& doc) {
  std::map<std::string, std::string> blocks;
  for (const auto& block : forbear::test::read_markdown_blocks(doc)) {
    if (block.marker && block.marker->instruction.rfind("fmt ", 0) == 0) blocks[block.marker->instruction] = block.text;
  }
  return blocks;
}

}  // namespace

TEST_CASE("the formatting guide shows what forbear fmt really does", "[format][docs]") {
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    const auto blocks = fmt_blocks(kDocs / lang / "fmt.md");
    REQUIRE(blocks.size() == 3);
    const std::string& input = blocks.at("fmt input");
    const std::string& output = blocks.at("fmt output");
    const auto formatted = forbear::format_rules(input, "draft.rules");
    REQUIRE(formatted.ok());
    CHECK(*formatted.text == output);
    CHECK(forbear::detail::format::describe_difference("draft.rules", input, output) ==
          blocks.at("fmt check draft.rules"));
  }
  CHECK(fmt_blocks(kDocs / "en" / "fmt.md") == fmt_blocks(kDocs / "zh" / "fmt.md"));
}
