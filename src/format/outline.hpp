#pragma once

// The structure of a rule file as the formatter sees it: each declaration cut into the parts
// the layout places (a head, a label, a rule's clauses), as ranges of token indices.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "format/tokens.hpp"

namespace forbear::detail::format {

/// Tokens [begin, end) of the stream.
struct Run {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// A label `{ lang: "text", ... }` or a lone string standing for one.
struct LabelOutline {
  std::size_t open = 0;     ///< '{', or the lone string
  std::size_t close = 0;    ///< '}', or the lone string
  std::vector<Run> parts;   ///< `lang: "text"` with the comma after it, if any (braced labels only)
  bool braced() const noexcept { return open != close; }
};

/// A keyword and the comma-separated items after it: a rule's effects or sources.
struct ListOutline {
  std::size_t keyword = 0;
  std::vector<Run> items;  ///< each with the comma after it, if any
};

/// One declaration. Every declaration has a head; which other parts it has depends on its kind.
struct DeclarationOutline {
  std::string keyword;                      ///< ruleset, include, fact, let, output, strategy, advice or rule
  Run tokens;                               ///< the whole declaration
  Run head;                                 ///< up to the label or the first clause
  std::vector<std::size_t> breaks;          ///< let/output value, rule condition: where a long one breaks
  std::optional<LabelOutline> label;        ///< a fact's or output's description, a strategy's or advice's label
  Run when;                                 ///< rule: `when` and the condition
  ListOutline then;                         ///< rule: `then` and the effects
  std::optional<std::size_t> because;       ///< rule: the `because` keyword ...
  LabelOutline because_label;               ///< ... and its description
  std::optional<ListOutline> source;        ///< rule: `source` and the strings
};

/// The outline of a file, or why the tokens could not be read (a bug: the grammar accepted them).
struct OutlineResult {
  std::vector<DeclarationOutline> declarations;
  std::optional<std::string> error;
};

/// Reads the declarations of a file that the grammar accepted, following the grammar, and marks
/// the tokens that a one-line layout writes without a space before them (Token::glued): `,`, `:`,
/// `)`, the `(` of a call or enum, the `}` of a set, whatever follows `(`, a set's `{` or a unary
/// minus (but a second minus), and a range's `..` after its low bound and its high bound.
OutlineResult read_outline(TokenStream& stream);

}  // namespace forbear::detail::format
