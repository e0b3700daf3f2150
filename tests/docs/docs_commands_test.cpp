// The command output shown in the documentation is the program's real output. Each document is
// replayed in a sandbox holding a copy of rules/ and examples/cases/: the edits it describes are
// made (<!-- doc-test: append to ... -->, <!-- doc-test: replace ... -->), and the last ```sh block
// before each <!-- doc-test: output --> is run there with the built `forbear` first on PATH; its
// standard output and standard error together must match the block that follows (a line "…"
// leaves lines out, see output_excerpt.hpp).
//
// Update mode, for whoever changes rules/ (whose locations, scores and digest the output shows): run
//   FORBEAR_UPDATE_DOCS=1 ./build/tests/forbear_tests "docs: the command output shown is the program's real output"
// and every output block that differs and has no "…" line is rewritten in its document with the real
// output (reported as a warning, not a failure). A block with "…" lines cannot be regenerated: it
// still fails, with the real output printed, for a person to update. Then read the diff of docs/:
// the prose around a rewritten block may quote what changed (a line number, a score, the digest).

#include <catch2/catch.hpp>

#ifdef FORBEAR_CLI_PATH

#include <cstddef>
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

bool update_requested() {
  const char* value = std::getenv("FORBEAR_UPDATE_DOCS");
  return value != nullptr && std::string(value) == "1";
}

// Why `output` cannot be written verbatim as the text of a fenced block; "" when it can.
std::string unshowable(const std::string& output) {
  for (const std::string& line : forbear::test::lines_of(output)) {
    if (line.rfind("```", 0) == 0) return "a line of the output starts with ```";
    if (forbear::test::has_elision(line)) return "a line of the output is only \"…\"";
  }
  return "";
}

// An output block of a document to rewrite: the lines after its opening fence, and what replaces them.
struct Refresh {
  int fence_line = 0;          // 1-based
  std::size_t old_lines = 0;   // lines of the block's text
  std::string text;            // the real output, each line ending in '\n'
};

// Rewrites the blocks of `doc` listed in `refreshes` (in the order of the document), nothing else.
void rewrite(const fs::path& doc, const std::vector<Refresh>& refreshes) {
  const std::string original = read_file(doc);
  std::vector<std::string> lines = forbear::test::lines_of(original);
  for (auto refresh = refreshes.rbegin(); refresh != refreshes.rend(); ++refresh) {
    const auto first = static_cast<std::size_t>(refresh->fence_line);  // 0-based index of the first text line
    REQUIRE(first + refresh->old_lines < lines.size());
    REQUIRE(lines[first + refresh->old_lines] == "```");  // the document has not moved under us
    const std::vector<std::string> replacement = forbear::test::lines_of(refresh->text);
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(first),
                lines.begin() + static_cast<std::ptrdiff_t>(first + refresh->old_lines));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(first), replacement.begin(), replacement.end());
  }
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  if (!original.empty() && original.back() != '\n') text.pop_back();
  std::ofstream(doc, std::ios::binary | std::ios::trunc) << text;
}

std::string as_block_text(const std::string& output) {
  std::string text;
  for (const std::string& line : forbear::test::lines_of(output)) text += line + "\n";
  return text;
}

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
  const bool update = update_requested();
  std::vector<Refresh> refreshes;
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
      const std::string mismatch = forbear::test::excerpt_mismatch(block.text, actual);
      ++outputs;
      if (mismatch.empty() || !update) {
        CHECK(mismatch == "");
        continue;
      }
      if (forbear::test::has_elision(block.text)) {
        INFO("FORBEAR_UPDATE_DOCS: not rewritten, the block leaves lines out with \"…\": update it by hand");
        CHECK(mismatch == "");
        continue;
      }
      if (const std::string why = unshowable(actual); !why.empty()) {
        INFO("FORBEAR_UPDATE_DOCS: not rewritten, " << why);
        CHECK(mismatch == "");
        continue;
      }
      WARN(where(doc, block) << ": FORBEAR_UPDATE_DOCS: rewritten with the real output; it showed:\n" << block.text);
      refreshes.push_back(Refresh{block.line, forbear::test::lines_of(block.text).size(), as_block_text(actual)});
    } else {
      CHECK(instruction == "errors");  // checked in docs_examples_test.cpp; nothing else is known
    }
  }
  CHECK(outputs > 0);
  if (!refreshes.empty()) rewrite(doc, refreshes);
}

TEST_CASE("docs: the command output shown is the program's real output", "[docs][cli]") {
  for (const auto& doc : kDocsWithCommands) {
    SECTION(doc.lexically_relative(kSource).string()) { replay(doc); }
  }
}

}  // namespace

#endif
