// docs/en/hostile-input.md and docs/zh/hostile-input.md: the commands they show are run again and
// their output compared (the last ```sh block before each <!-- doc-test: output --> marker, in a
// sandbox with a copy of rules/ and examples/cases/), and both languages show the same examples.

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "docs/markdown_blocks.hpp"
#include "docs/output_excerpt.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::shell_quote;

const fs::path kSource = FORBEAR_SOURCE_DIR;

// The code blocks of a document, each as "info\ntext".
std::vector<std::string> code_blocks(const fs::path& doc) {
  std::vector<std::string> out;
  for (const auto& block : forbear::test::read_markdown_blocks(doc)) out.push_back(block.info + "\n" + block.text);
  return out;
}

void replay(const fs::path& doc) {
  forbear::test::TempDir sandbox;
  fs::copy(kSource / "rules", sandbox.path() / "rules", fs::copy_options::recursive);
  fs::create_directories(sandbox.path() / "examples");
  fs::copy(kSource / "examples" / "cases", sandbox.path() / "examples" / "cases", fs::copy_options::recursive);
  const std::string bin = fs::path(FORBEAR_CLI_PATH).parent_path().string();
  std::optional<std::string> command;
  std::size_t outputs = 0;
  for (const auto& block : forbear::test::read_markdown_blocks(doc)) {
    INFO(forbear::test::where(doc, block));
    if (block.info == "sh") command = block.text;
    if (!block.marker) continue;
    REQUIRE(block.marker->instruction == "output");
    REQUIRE(command.has_value());
    INFO("command:\n" << *command);
    sandbox.write("command.sh", *command);
    const std::string line = "cd " + shell_quote(sandbox.path().string()) + " && PATH=" + shell_quote(bin) +
                             ":\"$PATH\" FORBEAR_RULES=" + shell_quote((sandbox.path() / "rules").string()) +
                             " /bin/sh command.sh > output.txt 2>&1";
    (void)std::system(line.c_str());
    const std::string actual = forbear::test::read_file(sandbox.path() / "output.txt");
    INFO("real output:\n" << actual);
    CHECK(forbear::test::excerpt_mismatch(block.text, actual) == "");
    ++outputs;
  }
  CHECK(outputs == 3);
}

}  // namespace

TEST_CASE("docs: the hostile-input examples show the program's real output", "[docs][limits]") {
  SECTION("English") { replay(kSource / "docs" / "en" / "hostile-input.md"); }
  SECTION("Chinese") { replay(kSource / "docs" / "zh" / "hostile-input.md"); }
}

TEST_CASE("docs: the hostile-input page shows the same examples in both languages", "[docs][limits]") {
  CHECK(code_blocks(kSource / "docs" / "en" / "hostile-input.md") == code_blocks(kSource / "docs" / "zh" / "hostile-input.md"));
}

#endif
