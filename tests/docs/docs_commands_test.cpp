// The command output shown in the documentation is the program's real output. Each document is
// replayed in a sandbox holding a copy of rules/ and examples/cases/: the edits it describes are
// made (<!-- doc-test: append to ... -->, <!-- doc-test: replace ... -->), and the last ```sh block
// before each <!-- doc-test: output --> is run there with the built `forbear` first on PATH; its
// standard output and standard error together must match the block that follows (a line "…"
// leaves lines out, see output_excerpt.hpp).

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "docs/markdown_blocks.hpp"
#include "docs/output_excerpt.hpp"
#include "forbear/forbear.hpp"
#include "support/cli_runner.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::MarkdownBlock;
using forbear::test::read_file;
using forbear::test::shell_quote;
using forbear::test::where;

const fs::path kSource = FORBEAR_SOURCE_DIR;

const std::vector<fs::path> kDocsWithCommands = {
    kSource / "docs" / "en" / "language.md",
    kSource / "docs" / "zh" / "language.md",
    kSource / "docs" / "en" / "reading-a-trace.md",
    kSource / "docs" / "zh" / "reading-a-trace.md",
    kSource / "docs" / "en" / "explaining-advice.md",
    kSource / "docs" / "zh" / "explaining-advice.md",
};

// A copy of the project's rules and example cases, where a document's commands run.
class DocSandbox : public forbear::test::TempDir {
 public:
  DocSandbox() {
    fs::copy(kSource / "rules", path() / "rules", fs::copy_options::recursive);
    fs::create_directories(path() / "examples");
    fs::copy(kSource / "examples" / "cases", path() / "examples" / "cases", fs::copy_options::recursive);
  }

  /// Standard output and standard error of `command`, run by /bin/sh in the sandbox.
  std::string run(const std::string& command) const {
    const std::string bin = fs::path(FORBEAR_CLI_PATH).parent_path().string();
    write("command.sh", command);
    const std::string line = "cd " + shell_quote(path().string()) + " && PATH=" + shell_quote(bin) +
                             ":\"$PATH\" FORBEAR_RULES=" + shell_quote((path() / "rules").string()) +
                             " /bin/sh command.sh > output.txt 2>&1";
    const int status = std::system(line.c_str());
    (void)status;  // the documentation shows output, not exit statuses
    return read_file(path() / "output.txt");
  }

  void append(const std::string& file, const std::string& text) const {
    fs::create_directories((path() / file).parent_path());
    std::ofstream(path() / file, std::ios::binary | std::ios::app) << text;
  }

  /// Replaces the one occurrence of `from` in `file`; false when there is not exactly one.
  bool replace(const std::string& file, const std::string& from, const std::string& to) const {
    std::string text = read_file(path() / file);
    const auto at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos) return false;
    text.replace(at, from.size(), to);
    write(file, text);
    return true;
  }
};

void check_rule_file_state(const DocSandbox& sandbox, const std::string& file, const MarkdownBlock& block) {
  if (block.info != "forbear" && block.info != "forbear-error") return;
  // Rules added to the shipped rules are checked with them; any other rule file on its own.
  const bool shipped = file.rfind("rules/", 0) == 0;
  const auto loaded = forbear::load_rules({shipped ? sandbox.path() / "rules" : sandbox.path() / file});
  INFO(loaded.rendered_diagnostics());
  CHECK(loaded.ok() == (block.info == "forbear"));
}

void replay(const fs::path& doc) {
  DocSandbox sandbox;
  std::optional<std::string> command;
  std::size_t outputs = 0;
  static const std::regex kAppend(R"(append to (\S+))");
  static const std::regex kReplace(R"DELIM(replace "([^"]*)" with "([^"]*)" in (\S+))DELIM");
  for (const auto& block : forbear::test::read_markdown_blocks(doc)) {
    INFO(where(doc, block));
    if (block.info == "sh") command = block.text;
    if (!block.marker) continue;
    const std::string& instruction = block.marker->instruction;
    std::smatch match;
    if (std::regex_match(instruction, match, kAppend)) {
      sandbox.append(match[1].str(), block.text);
      check_rule_file_state(sandbox, match[1].str(), block);
    } else if (std::regex_match(instruction, match, kReplace)) {
      CHECK(sandbox.replace(match[3].str(), match[1].str(), match[2].str()));
    } else if (instruction == "output") {
      REQUIRE(command.has_value());
      INFO("command:\n" << *command);
      if (command->find("/usr/bin/python3") != std::string::npos && !fs::exists("/usr/bin/python3")) {
        WARN("not checked here: /usr/bin/python3 is not installed");
        continue;
      }
      const std::string actual = sandbox.run(*command);
      INFO("real output:\n" << actual);
      CHECK(forbear::test::excerpt_mismatch(block.text, actual) == "");
      ++outputs;
    } else {
      CHECK(instruction == "errors");  // checked in docs_examples_test.cpp; nothing else is known
    }
  }
  CHECK(outputs > 0);
}

TEST_CASE("docs: the command output shown is the program's real output", "[docs][cli]") {
  for (const auto& doc : kDocsWithCommands) {
    SECTION(doc.lexically_relative(kSource).string()) { replay(doc); }
  }
}

}  // namespace

#endif
