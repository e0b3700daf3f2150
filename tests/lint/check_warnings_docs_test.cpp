// The guide to check warnings (docs/en/check-warnings.md, docs/zh/check-warnings.md) shows real
// warnings: each ```forbear example loads, and the block after it (<!-- doc-test: warnings -->)
// is exactly what `forbear check` prints for it. Both languages show the same examples, and every
// kind of lint warning has one.

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "docs/markdown_blocks.hpp"
#include "forbear/ruleset.hpp"

namespace {

namespace fs = std::filesystem;
using forbear::test::MarkdownBlock;
using forbear::test::read_markdown_blocks;

const fs::path kDocs = fs::path(FORBEAR_SOURCE_DIR) / "docs";

// Each rule example with the warnings shown for it.
struct Example {
  std::string rules;
  std::string warnings;
  int line = 0;
};

std::vector<Example> examples(const fs::path& doc) {
  std::vector<Example> out;
  std::optional<Example> pending;
  for (const MarkdownBlock& block : read_markdown_blocks(doc)) {
    if (block.info == "forbear") {
      INFO(doc.string() << ":" << block.line << ": an example without its warnings before it");
      CHECK_FALSE(pending.has_value());
      pending = Example{block.text, "", block.line};
      continue;
    }
    if (block.marker && block.marker->instruction == "warnings") {
      INFO(doc.string() << ":" << block.line);
      REQUIRE(pending.has_value());
      pending->warnings = block.text;
      out.push_back(std::move(*pending));
      pending.reset();
    }
  }
  INFO(doc.string() << ": the last example has no warnings block");
  CHECK_FALSE(pending.has_value());
  return out;
}

}  // namespace

TEST_CASE("docs: every example of the check-warnings guide gives exactly the warnings shown", "[lint][docs]") {
  for (const char* language : {"en", "zh"}) {
    const fs::path doc = kDocs / language / "check-warnings.md";
    for (const Example& example : examples(doc)) {
      INFO(doc.string() << ":" << example.line);
      const forbear::LoadResult loaded = forbear::load_rules_from_string(example.rules, "example.rules", forbear::LoadOptions{.lint = true});
      CHECK(loaded.ok());
      CHECK(loaded.rendered_diagnostics() == example.warnings);
    }
  }
}

TEST_CASE("docs: the check-warnings guide shows the same examples in both languages", "[lint][docs]") {
  const auto en = examples(kDocs / "en" / "check-warnings.md");
  const auto zh = examples(kDocs / "zh" / "check-warnings.md");
  REQUIRE(en.size() == zh.size());
  for (std::size_t i = 0; i < en.size(); ++i) {
    INFO("example " << i + 1);
    CHECK(en[i].rules == zh[i].rules);
    CHECK(en[i].warnings == zh[i].warnings);
  }
}

TEST_CASE("docs: the check-warnings guide has an example of every lint warning", "[lint][docs]") {
  std::string shown;
  for (const Example& example : examples(kDocs / "en" / "check-warnings.md")) shown += example.warnings;
  for (const char* warning : {"warning: fact '", "warning: derived fact '", "can never fire: ", "is never true, since",
                              "is always unknown", "has the same condition as", "is identical to", "never count in the ranking",
                              "need not advise", "gets no points from any rule", "never gains points", "is only ever excluded",
                              "is never given"}) {
    INFO(warning);
    CHECK(shown.find(warning) != std::string::npos);
  }
}
