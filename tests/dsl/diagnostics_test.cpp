// How diagnostics are located and rendered: golden files for whole scenarios (tests/data/diagnostics,
// one NAME.rules with its NAME.expected), plus direct tests of forbear::locate and forbear::render.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "forbear/diagnostic.hpp"
#include "forbear/ruleset.hpp"

namespace fs = std::filesystem;
using forbear::Diagnostic;
using forbear::LineColumn;
using forbear::Severity;
using forbear::SourceFile;
using forbear::SourceSpan;

namespace {

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Removes every occurrence of `prefix` from `text`.
std::string without(std::string text, const std::string& prefix) {
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) text.erase(at, prefix.size());
  return text;
}

std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::uint32_t offset) {
  const LineColumn where = forbear::locate(text, offset);
  return {where.line, where.column};
}

using LC = std::pair<std::uint32_t, std::uint32_t>;

}  // namespace

// Each scenario's rules are loaded by their full path; the rendered diagnostics name the file by
// that path, which is cut back to the file name (the folder's path followed by '/' is removed) so
// that the expected output does not depend on where the sources are checked out.
TEST_CASE("rendered diagnostics match the golden files", "[dsl][diagnostics]") {
  const fs::path folder = fs::path(FORBEAR_TEST_DATA_DIR) / "diagnostics";
  std::vector<fs::path> scenarios;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".rules") scenarios.push_back(entry.path());
  }
  std::sort(scenarios.begin(), scenarios.end());
  REQUIRE(scenarios.size() >= 12);
  const std::string folder_prefix = folder.string() + "/";
  for (const fs::path& rules : scenarios) {
    DYNAMIC_SECTION(rules.filename().string()) {
      fs::path expected_path = rules;
      expected_path.replace_extension(".expected");
      REQUIRE(fs::exists(expected_path));
      const forbear::LoadResult result = forbear::load_rules({rules}, forbear::LoadOptions{.lint = true});
      const std::string rendered = without(result.rendered_diagnostics(), folder_prefix);
      CHECK(rendered == read_bytes(expected_path));
      // Each scenario shows at least one problem; only the warnings-only one and the lint_ ones
      // (warnings of the lint pass, src/lint) still load.
      CHECK_FALSE(result.diagnostics.empty());
      CHECK(result.ok() == !forbear::has_errors(result.diagnostics));
      const std::string name = rules.filename().string();
      CHECK(result.ok() == (name == "warnings_only.rules" || name.rfind("lint_", 0) == 0));
    }
  }
}

TEST_CASE("locate: lines and code-point columns", "[dsl][diagnostics]") {
  const std::string text = "ab\ncd\n\nx";
  CHECK(line_column(text, 0) == LC{1, 1});
  CHECK(line_column(text, 1) == LC{1, 2});
  CHECK(line_column(text, 2) == LC{1, 3});  // the newline itself is on line 1
  CHECK(line_column(text, 3) == LC{2, 1});
  CHECK(line_column(text, 6) == LC{3, 1});
  CHECK(line_column(text, 7) == LC{4, 1});
  CHECK(line_column(text, 8) == LC{4, 2});    // end of text
  CHECK(line_column(text, 500) == LC{4, 2});  // past the end: clamped
  CHECK(line_column("", 0) == LC{1, 1});
}

TEST_CASE("locate: Chinese characters count one column each, a tab one", "[dsl][diagnostics]") {
  const std::string text = "fact a: int \"逾期天数\" x\n\t欠款 y";
  // "逾期天数" is 12 bytes, 4 code points.
  const auto x = static_cast<std::uint32_t>(text.find(" x") + 1);
  CHECK(x == 27);
  CHECK(line_column(text, x) == LC{1, 20});
  const auto quote = static_cast<std::uint32_t>(text.find("\" x"));
  CHECK(line_column(text, quote) == LC{1, 18});
  const auto y = static_cast<std::uint32_t>(text.find("y"));
  CHECK(line_column(text, y) == LC{2, 5});  // tab, 欠, 款, space
  // An offset inside a character: the partial bytes count as one column each.
  CHECK(line_column("逾期", 1) == LC{1, 2});
}

TEST_CASE("locate: CRLF and a leading byte order mark", "[dsl][diagnostics]") {
  CHECK(line_column("a\r\nb", 1) == LC{1, 2});
  CHECK(line_column("a\r\nb", 3) == LC{2, 1});
  // A byte order mark is not content: the first character is in column 1.
  const std::string bom = "\xEF\xBB\xBF" "fact x\nfact y";
  CHECK(line_column(bom, 0) == LC{1, 1});
  CHECK(line_column(bom, 3) == LC{1, 1});
  CHECK(line_column(bom, 8) == LC{1, 6});
  CHECK(line_column(bom, 15) == LC{2, 6});
  // Only at the very start.
  CHECK(line_column("a\xEF\xBB\xBF" "b", 4) == LC{1, 3});
}

TEST_CASE("render: a diagnostic without a file", "[dsl][diagnostics]") {
  const std::vector<SourceFile> sources{{"a.rules", "fact a: int\n"}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{}, "no rule files given", {}}, {}) ==
        "forbear: error: no rule files given\n");
  CHECK(forbear::render(Diagnostic{Severity::warning, SourceSpan{}, "careful", {}}, sources) == "forbear: warning: careful\n");
  // A file index past the list is treated the same way.
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{5, 0, 1}, "lost", {}}, sources) == "forbear: error: lost\n");
  CHECK(forbear::load_rules({}).rendered_diagnostics() == "forbear: error: no rule files given\n");
}

TEST_CASE("render: header, source line and caret with tildes under the span", "[dsl][diagnostics]") {
  const std::vector<SourceFile> sources{{"first.rules", "x\n"}, {"dir/b.rules", "fact a: int\nlet bb = a + cc\n"}};
  const Diagnostic diagnostic{Severity::error, SourceSpan{1, 25, 27}, "unknown name 'cc'", {}};
  CHECK(forbear::render(diagnostic, sources) ==
        "dir/b.rules:2:14: error: unknown name 'cc'\n"
        "    2 | let bb = a + cc\n"
        "      |              ^~\n");
  // An empty span shows only the caret.
  CHECK(forbear::render(Diagnostic{Severity::warning, SourceSpan{1, 12, 12}, "w", {}}, sources) ==
        "dir/b.rules:2:1: warning: w\n"
        "    2 | let bb = a + cc\n"
        "      | ^\n");
}

TEST_CASE("render: notes follow their diagnostic; a list renders in order", "[dsl][diagnostics]") {
  const std::vector<SourceFile> sources{{"a.rules", "fact a: int\nfact a: text\n"}, {"b.rules", "fact a: bool\n"}};
  const Diagnostic duplicate{Severity::error,
                             SourceSpan{0, 17, 18},
                             "fact 'a' is declared twice",
                             {{SourceSpan{0, 5, 6}, "first declared here"}, {SourceSpan{1, 5, 6}, "and here"}}};
  const std::string expected_duplicate =
      "a.rules:2:6: error: fact 'a' is declared twice\n"
      "    2 | fact a: text\n"
      "      |      ^\n"
      "a.rules:1:6: note: first declared here\n"
      "    1 | fact a: int\n"
      "      |      ^\n"
      "b.rules:1:6: note: and here\n"
      "    1 | fact a: bool\n"
      "      |      ^\n";
  CHECK(forbear::render(duplicate, sources) == expected_duplicate);
  const Diagnostic warning{Severity::warning, SourceSpan{1, 0, 4}, "a warning", {}};
  CHECK(forbear::render(std::vector<Diagnostic>{duplicate, warning}, sources) ==
        expected_duplicate +
            "b.rules:1:1: warning: a warning\n"
            "    1 | fact a: bool\n"
            "      | ^~~~\n");
  CHECK(forbear::render(std::vector<Diagnostic>{}, sources).empty());
}

TEST_CASE("render: the caret is aligned by display width", "[dsl][diagnostics]") {
  // Two-column Chinese characters before the span: two spaces each.
  const std::vector<SourceFile> chinese{{"c.rules", "let 金额 = \"逾期\" + x\n"}};
  const auto x = static_cast<std::uint32_t>(chinese[0].text.find('x'));
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, x, x + 1}, "m", {}}, chinese) ==
        "c.rules:1:17: error: m\n"
        "    1 | let 金额 = \"逾期\" + x\n"
        "      |                     ^\n");
  // A span that starts with and holds Chinese characters: the caret and tildes cover two columns each.
  const auto quote = static_cast<std::uint32_t>(chinese[0].text.find('"'));
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, quote + 1, quote + 7}, "m", {}}, chinese) ==
        "c.rules:1:11: error: m\n"
        "    1 | let 金额 = \"逾期\" + x\n"
        "      |             ^~~~\n");
  // Tabs before the caret are kept as tabs, so the terminal expands them the same way.
  const std::vector<SourceFile> tabs{{"t.rules", "\tlet\tx = y\n"}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 9, 10}, "m", {}}, tabs) ==
        "t.rules:1:10: error: m\n"
        "    1 | \tlet\tx = y\n"
        "      | \t   \t    ^\n");
  // Fullwidth punctuation is two columns wide too.
  const std::vector<SourceFile> punctuation{{"p.rules", "（注）：x\n"}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 12, 13}, "m", {}}, punctuation) ==
        "p.rules:1:5: error: m\n"
        "    1 | （注）：x\n"
        "      |         ^\n");
}

TEST_CASE("render: line endings, end of file and long line numbers", "[dsl][diagnostics]") {
  // CRLF: the '\r' is not echoed.
  const std::vector<SourceFile> crlf{{"w.rules", "a\r\nbad\r\n"}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 3, 6}, "m", {}}, crlf) ==
        "w.rules:2:1: error: m\n"
        "    2 | bad\n"
        "      | ^~~\n");
  // The last line without a final newline; a span at the very end of the text.
  const std::vector<SourceFile> last{{"e.rules", "a\nlet x = "}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 10, 10}, "m", {}}, last) ==
        "e.rules:2:9: error: m\n"
        "    2 | let x = \n"
        "      |         ^\n");
  // A span past the end of the text is clamped to it.
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 99, 120}, "m", {}}, last) ==
        "e.rules:2:9: error: m\n"
        "    2 | let x = \n"
        "      |         ^\n");
  // A span that runs over the end of its line stops at the line's end.
  const std::vector<SourceFile> multi{{"m.rules", "ab cd\nef\n"}};
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, 3, 8}, "m", {}}, multi) ==
        "m.rules:1:4: error: m\n"
        "    1 | ab cd\n"
        "      |    ^~\n");
  // An empty file shows only the header.
  const std::vector<SourceFile> empty{{"z.rules", ""}};
  CHECK(forbear::render(Diagnostic{Severity::warning, SourceSpan{0, 0, 0}, "m", {}}, empty) == "z.rules:1:1: warning: m\n");
  // Line numbers are right-aligned in five columns, and longer ones widen the gutter.
  std::string many;
  for (int i = 1; i < 123456; ++i) many += "\n";
  many += "x";
  const std::vector<SourceFile> big{{"big.rules", many}};
  const auto at = static_cast<std::uint32_t>(many.size() - 1);
  CHECK(forbear::render(Diagnostic{Severity::error, SourceSpan{0, at, at + 1}, "m", {}}, big) ==
        "big.rules:123456:1: error: m\n"
        "123456 | x\n"
        "      | ^\n");
}

TEST_CASE("has_errors tells errors from warnings and notes", "[dsl][diagnostics]") {
  CHECK_FALSE(forbear::has_errors({}));
  CHECK_FALSE(forbear::has_errors({Diagnostic{Severity::warning, {}, "w", {}}, Diagnostic{Severity::note, {}, "n", {}}}));
  CHECK(forbear::has_errors({Diagnostic{Severity::warning, {}, "w", {}}, Diagnostic{Severity::error, {}, "e", {}}}));
}

TEST_CASE("load_rules_from_string: diagnostics name the given file name", "[dsl][diagnostics]") {
  const forbear::LoadResult result = forbear::load_rules_from_string("ruleset d version \"1\"\nlet x = y\n", "inline.rules");
  CHECK_FALSE(result.ok());
  REQUIRE(result.sources.size() == 1);
  CHECK(result.sources[0].path == "inline.rules");
  CHECK(result.rendered_diagnostics() ==
        "inline.rules:2:9: error: unknown name 'y' (did you mean 'x'?)\n"
        "    2 | let x = y\n"
        "      |         ^\n");
  // The default name.
  CHECK(forbear::load_rules_from_string("let x = y\n").rendered_diagnostics().rfind(
            "forbear: warning: no 'ruleset NAME version \"V\"' declaration", 0) == 0);
  CHECK(forbear::load_rules_from_string("ruleset d version \"1\"\nlet x = y\n").rendered_diagnostics().rfind("<string>:2:9: error: ", 0) == 0);
  // With a byte order mark, columns on the first line do not count it.
  const forbear::LoadResult bom = forbear::load_rules_from_string("\xEF\xBB\xBF" "ruleset d version \"1\" let x = y\n", "bom.rules");
  CHECK(bom.rendered_diagnostics().rfind("bom.rules:1:31: error: unknown name 'y' (did you mean 'x'?)\n", 0) == 0);
}

TEST_CASE("invalid UTF-8 is reported at its first bad byte", "[dsl][diagnostics]") {
  const forbear::LoadResult result = forbear::load_rules_from_string("fact a: int\nlet x = \"\xFF\"\n", "bad.rules");
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "invalid UTF-8: byte 0xFF (rule files must be UTF-8)");
  CHECK(result.diagnostics[0].span.begin == 21);
  CHECK(result.rendered_diagnostics().rfind("bad.rules:2:10: error: invalid UTF-8: byte 0xFF (rule files must be UTF-8)\n", 0) == 0);
}
