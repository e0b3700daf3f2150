// The fenced code blocks of a Markdown file, with the doc-test instruction written before each.
//
// The documentation marks what the tests check with HTML comments, invisible when rendered:
//   <!-- doc-test: output -->                        the next block is the output of the last ```sh block
//   <!-- doc-test: errors -->                        the next block is the errors of the last ```forbear-error block
//   <!-- doc-test: append to PATH -->                the next block is appended to PATH in the sandbox
//   <!-- doc-test: replace "OLD" with "NEW" in PATH -->   an edit made in the sandbox, with no block
#pragma once

#include <filesystem>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/cli_runner.hpp"

namespace forbear::test {

/// One `<!-- doc-test: ... -->` instruction: its text after "doc-test:" and where it is.
struct DocTestMarker {
  std::string instruction;
  int line = 0;
};

/// One fenced code block (```info ... ```) or a marker that stands alone (an edit).
struct MarkdownBlock {
  std::string info;  ///< the fence's info string ("forbear", "sh", "text", ...); empty for a lone marker
  std::string text;  ///< the lines between the fences, each ending in '\n'
  int line = 0;      ///< 1-based line of the opening fence (of the marker, for a lone marker)
  std::optional<DocTestMarker> marker;  ///< the instruction written just before the block
};

namespace detail_markdown {

inline std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return "";
  const auto end = text.find_last_not_of(" \t\r");
  return text.substr(begin, end - begin + 1);
}

inline std::optional<std::string> marker_instruction(const std::string& line) {
  const std::string trimmed = trim(line);
  const std::string open = "<!-- doc-test:";
  const std::string close = "-->";
  if (trimmed.rfind(open, 0) != 0 || trimmed.size() < open.size() + close.size() ||
      trimmed.compare(trimmed.size() - close.size(), close.size(), close) != 0) {
    return std::nullopt;
  }
  return trim(trimmed.substr(open.size(), trimmed.size() - open.size() - close.size()));
}

inline std::runtime_error unattached(const std::filesystem::path& path, const DocTestMarker& marker) {
  return std::runtime_error(path.string() + ":" + std::to_string(marker.line) + ": doc-test marker without a block");
}

}  // namespace detail_markdown

/// The blocks of the Markdown file at `path`, in order. A marker applies to the next fenced block
/// (blank lines and prose may come between); a `replace` marker stands alone. Throws on a file that
/// cannot be read, an unclosed fence, or a marker with no block to apply to.
inline std::vector<MarkdownBlock> read_markdown_blocks(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  if (text.empty()) throw std::runtime_error("cannot read " + path.string());
  std::vector<MarkdownBlock> blocks;
  std::optional<DocTestMarker> pending;
  std::optional<MarkdownBlock> open;
  int number = 0;
  for (const std::string& line : lines_of(text)) {
    ++number;
    if (open) {
      if (line == "```") {
        blocks.push_back(std::move(*open));
        open.reset();
      } else {
        open->text += line + "\n";
      }
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      open = MarkdownBlock{detail_markdown::trim(line.substr(3)), "", number, std::move(pending)};
      pending.reset();
      continue;
    }
    if (auto instruction = detail_markdown::marker_instruction(line)) {
      if (pending) throw detail_markdown::unattached(path, *pending);
      DocTestMarker marker{*instruction, number};
      if (instruction->rfind("replace ", 0) == 0) {
        blocks.push_back(MarkdownBlock{"", "", number, marker});
      } else {
        pending = marker;
      }
    }
  }
  if (open) throw std::runtime_error(path.string() + ":" + std::to_string(open->line) + ": unclosed code fence");
  if (pending) throw detail_markdown::unattached(path, *pending);
  return blocks;
}

/// "docs/en/language.md:12": where a block is, for messages.
inline std::string where(const std::filesystem::path& file, const MarkdownBlock& block) {
  return file.string() + ":" + std::to_string(block.line);
}

}  // namespace forbear::test
