// forbear::format_rules: refuse what does not parse, print the rest in the canonical layout, and
// check the result before handing it out.

#include "forbear/format.hpp"

#include <cstdio>

#include "dsl/parser.hpp"
#include "format/lexer.hpp"
#include "format/outline.hpp"
#include "format/printer.hpp"
#include "format/tree_equality.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

using namespace detail::format;

std::vector<std::string> comment_texts(const TokenStream& stream) {
  std::vector<std::string> texts;
  for (const Token& token : stream.tokens) {
    for (const Comment& comment : token.leading) texts.push_back(comment.text);
    if (token.trailing) texts.push_back(*token.trailing);
  }
  for (const Comment& comment : stream.final_comments) texts.push_back(comment.text);
  return texts;
}

// Why the formatted text cannot be trusted, or nothing: it must parse, to the same declarations,
// and keep every comment in order.
std::optional<std::string> verify(const std::string& formatted, const dsl::pt::File& original, const TokenStream& tokens) {
  std::vector<Diagnostic> diagnostics;
  const dsl::pt::File reparsed = dsl::parse(formatted, 0, diagnostics);
  if (has_errors(diagnostics)) return "the formatted text does not parse: " + diagnostics.front().message;
  if (!detail::format::same_declarations(original, reparsed)) return "the formatted text parses to different declarations";
  const LexResult relexed = lex(formatted);
  if (relexed.error || comment_texts(relexed.stream) != comment_texts(tokens)) return "the formatted text lost or changed a comment";
  return std::nullopt;
}

}  // namespace

std::string FormatResult::rendered_diagnostics() const { return render(diagnostics, {source}); }

FormatResult format_rules(std::string_view text, std::string name) {
  FormatResult result;
  result.source = {std::move(name), std::string(text)};
  const std::size_t bad = detail::find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    result.diagnostics.push_back({Severity::error, {0, static_cast<std::uint32_t>(bad), static_cast<std::uint32_t>(bad + 1)},
                                  std::string("invalid UTF-8: byte ") + hex + " (rule files must be UTF-8)", {}});
    return result;
  }
  const dsl::pt::File tree = dsl::parse(text, 0, result.diagnostics);
  if (has_errors(result.diagnostics)) return result;

  auto internal_error = [&](const std::string& why) {
    result.diagnostics.push_back({Severity::error, {},
                                  "internal error: cannot format '" + result.source.path + "': " + why +
                                      "; the file is left as it is (please report this)",
                                  {}});
    return result;
  };
  LexResult lexed = lex(text);
  if (lexed.error) return internal_error(*lexed.error);
  const OutlineResult outline = read_outline(lexed.stream);
  if (outline.error) return internal_error(*outline.error);
  std::string formatted = print(lexed.stream, outline.declarations);
  if (const auto problem = verify(formatted, tree, lexed.stream)) return internal_error(*problem);
  result.text = std::move(formatted);
  return result;
}

}  // namespace forbear
