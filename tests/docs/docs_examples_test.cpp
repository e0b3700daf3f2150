// The rule-language examples in the documentation are real: every ```forbear block loads without
// errors, every ```forbear-error block fails to load and, where the documentation shows its errors
// (a block after <!-- doc-test: errors -->), fails with exactly those. The English and the Chinese
// text show the same examples, in the same order.

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "docs/markdown_blocks.hpp"
#include "forbear/forbear.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::MarkdownBlock;
using forbear::test::read_markdown_blocks;
using forbear::test::where;

const fs::path kDocs = fs::path(FORBEAR_SOURCE_DIR) / "docs";

// The documents that hold rule-language examples, each with its translation.
const std::vector<std::pair<fs::path, fs::path>> kTranslatedDocs = {
    {kDocs / "en" / "language.md", kDocs / "zh" / "language.md"},
    {kDocs / "en" / "reading-a-trace.md", kDocs / "zh" / "reading-a-trace.md"},
};

bool is_rule_example(const MarkdownBlock& block) { return block.info == "forbear" || block.info == "forbear-error"; }

// A block appended to a file of the doc-test sandbox is checked there, with the files it adds to
// (docs_commands_test.cpp), not on its own.
bool appended_to_sandbox(const MarkdownBlock& block) {
  return block.marker && block.marker->instruction.rfind("append to ", 0) == 0;
}

// The errors of a rule file, rendered as `forbear check` prints them (warnings left out).
std::string rendered_errors(const forbear::LoadResult& loaded) {
  std::vector<forbear::Diagnostic> errors;
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == forbear::Severity::error) errors.push_back(d);
  }
  return forbear::render(errors, loaded.sources);
}

std::vector<MarkdownBlock> rule_examples(const fs::path& doc) {
  std::vector<MarkdownBlock> out;
  for (auto& block : read_markdown_blocks(doc)) {
    if (is_rule_example(block)) out.push_back(std::move(block));
  }
  return out;
}

void check_examples_load(const fs::path& doc) {
  std::optional<forbear::LoadResult> last_error_example;
  std::size_t examples = 0;
  for (const auto& block : read_markdown_blocks(doc)) {
    INFO(where(doc, block));
    // A misspelt info string would silently escape the checks below.
    if (block.info.rfind("forbear", 0) == 0) CHECK(is_rule_example(block));
    if (block.marker && block.marker->instruction == "errors") {
      REQUIRE(last_error_example.has_value());
      CHECK(block.text == rendered_errors(*last_error_example));
      last_error_example.reset();
      continue;
    }
    if (!is_rule_example(block)) continue;
    ++examples;
    if (appended_to_sandbox(block)) continue;
    auto loaded = forbear::load_rules_from_string(block.text, "example.rules", forbear::LoadOptions{.lint = true});
    INFO(loaded.rendered_diagnostics());
    if (block.info == "forbear") {
      CHECK(loaded.ok());
      last_error_example.reset();
    } else {
      CHECK_FALSE(loaded.ok());
      CHECK(forbear::has_errors(loaded.diagnostics));
      last_error_example = std::move(loaded);
    }
  }
  CHECK(examples > 0);
}

TEST_CASE("docs: every rule-language example loads, every error example fails as shown", "[docs]") {
  for (const auto& [english, chinese] : kTranslatedDocs) {
    for (const auto& doc : {english, chinese}) {
      SECTION(doc.lexically_relative(FORBEAR_SOURCE_DIR).string()) { check_examples_load(doc); }
    }
  }
}

TEST_CASE("docs: the Chinese and the English text show the same rule examples", "[docs]") {
  for (const auto& [english, chinese] : kTranslatedDocs) {
    INFO(english.string() + " and " + chinese.string());
    const auto en = rule_examples(english);
    const auto zh = rule_examples(chinese);
    CHECK(en.size() == zh.size());
    for (std::size_t i = 0; i < en.size() && i < zh.size(); ++i) {
      INFO("example " << i + 1 << ": " << where(english, en[i]) << " and " << where(chinese, zh[i]));
      CHECK(en[i].info == zh[i].info);
      CHECK(en[i].text == zh[i].text);
    }
  }
}

TEST_CASE("docs: the language reference shows an example for every construct", "[docs]") {
  // Not a count for its own sake: a reference whose examples were dropped would still pass the
  // tests above, which check only the examples that are there.
  std::string all;
  for (const auto& block : rule_examples(kDocs / "en" / "language.md")) all += block.text;
  for (const char* construct : {"ruleset ", "fact ", "let ", "output ", "strategy ", "advice ", "rule ",
                                " when ", " then ", " because ", " source ", "exclude ", "advise ", " += ", " -= ",
                                " in {", " not in {", " if ", " else ", "known(", "min(", "max(", "abs(", "ceil(",
                                "floor(", "round(", " and ", " or ", "not ", "{ zh: ", "{{"}) {
    INFO(construct);
    CHECK(all.find(construct) != std::string::npos);
  }
}

}  // namespace
