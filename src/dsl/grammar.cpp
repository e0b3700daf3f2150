// The rule language's grammar (Boost.Spirit X3). This is the only translation unit that
// instantiates the grammar, which keeps X3's compile time in one place.
//
// Declarations are parsed into their own struct by member setters; a finished declaration is
// appended to the file by a final `eps` action, so a declaration abandoned on a syntax error leaves
// nothing behind. Expressions are built bottom-up into the file's node arena. Rule names are the
// "expected ..." wording of syntax errors.

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string_view>

#include <boost/fusion/include/at_c.hpp>
#include <boost/spirit/home/x3.hpp>

#include "dsl/parser.hpp"

// Syntax errors name what was expected; a parser with a semantic action is described by its
// subject, so that a named rule keeps its name when an action is attached to it.
namespace boost::spirit::x3 {
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& parser) const { return what(parser.subject); }
};
}  // namespace boost::spirit::x3

namespace forbear::dsl {
namespace {

namespace x3 = boost::spirit::x3;
namespace fusion = boost::fusion;
using Iterator = std::string_view::const_iterator;

struct ParseState {
  Iterator begin;
  std::uint32_t file_index;
  std::vector<Diagnostic>& diagnostics;
  pt::File& file;
  const Limits& limits;
  std::uint32_t open_levels = 0;          // expression levels the parser is inside right now
  std::vector<std::uint32_t> node_depth;  // per node of `file`: the levels of its subtree
};
struct state_tag;

template <typename Context>
ParseState& state(const Context& context) {
  return x3::get<state_tag>(context).get();
}

// An input beyond one of the limits is refused with an expectation failure whose `which` is this
// marker followed by the whole message; report_expectation prints that message as it is, and
// parsing resumes at the next declaration as after any syntax error.
constexpr char kRefusalMarker = '\x01';

[[noreturn]] void refuse(Iterator where, const std::string& message) {
  throw x3::expectation_failure<Iterator>(where, kRefusalMarker + message);
}

std::string too_deep(const Limits& limits) {
  return "expression nested deeper than " + std::to_string(limits.max_expression_depth) +
         " levels (the limit); split it into 'let' values";
}

// One more level of a nested expression. It refuses to descend beyond the limit, so that neither
// this recursive grammar nor any later recursive pass over the tree can run out of stack.
template <typename Subject>
struct level_directive : x3::unary_parser<Subject, level_directive<Subject>> {
  using base_type = x3::unary_parser<Subject, level_directive<Subject>>;
  static constexpr bool is_pass_through_unary = true;
  static constexpr bool handles_container = Subject::handles_container;

  constexpr level_directive(const Subject& subject) : base_type(subject) {}

  template <typename It, typename Context, typename RuleContext, typename Attribute>
  bool parse(It& first, const It& last, const Context& context, RuleContext& rule_context, Attribute& attribute) const {
    ParseState& st = state(context);
    if (st.open_levels >= st.limits.max_expression_depth) {
      It where = first;
      x3::skip_over(where, last, context);
      refuse(where, too_deep(st.limits));
    }
    struct Open {
      std::uint32_t& levels;
      explicit Open(std::uint32_t& l) : levels(l) { ++levels; }
      ~Open() { --levels; }
    } open(st.open_levels);
    return this->subject.parse(first, last, context, rule_context, attribute);
  }
};

struct level_generator {
  template <typename Subject>
  constexpr level_directive<typename x3::extension::as_parser<Subject>::value_type> operator[](const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
constexpr level_generator level{};

}  // namespace
}  // namespace forbear::dsl

// A nested expression is described, in "expected ..." messages, as the expression it wraps.
namespace boost::spirit::x3 {
template <typename Subject>
struct get_info<forbear::dsl::level_directive<Subject>> {
  using result_type = std::string;
  std::string operator()(const forbear::dsl::level_directive<Subject>& parser) const { return what(parser.subject); }
};
}  // namespace boost::spirit::x3

namespace forbear::dsl {
namespace {

// The byte offset of the current position, as an attribute: `offset` after skipping white space
// and comments (where the next token starts), `here` without skipping (where the last one ended).
// Spirit 1.74's semantic actions do not see where their subject matched, so spans come from these.
template <bool SkipFirst>
struct offset_parser : x3::parser<offset_parser<SkipFirst>> {
  using attribute_type = std::uint32_t;
  static constexpr bool has_attribute = true;

  template <typename It, typename Context, typename RuleContext, typename Attribute>
  bool parse(It& first, const It& last, const Context& context, RuleContext&, Attribute& attribute) const {
    if constexpr (SkipFirst) x3::skip_over(first, last, context);
    x3::traits::move_to(static_cast<std::uint32_t>(first - state(context).begin), attribute);
    return true;
  }
};
const offset_parser<true> offset{};
const offset_parser<false> here{};

template <typename Attribute>
pt::Span span_of(const Attribute& attribute) {
  return {fusion::at_c<0>(attribute), fusion::at_c<1>(attribute)};
}

// A token: its offsets around a lexeme whose own attribute is dropped.
template <typename Parser>
auto token(const Parser& parser) {
  return offset >> x3::omit[x3::lexeme[parser]] >> here;
}

template <typename Context>
std::string_view source_text(const Context& context, pt::Span span) {
  return {state(context).begin + span.begin, span.end - span.begin};
}

// ---- lexical pieces ----------------------------------------------------------------------

const auto ident_char = x3::char_("a-zA-Z0-9_");
const auto comment = x3::lexeme['#' >> *(x3::char_ - x3::eol)];
const auto skipper = x3::char_(" \t\r\n\f\v") | comment;
using Skipper = std::remove_cv_t<decltype(skipper)>;

const char* const kDeclarationKeywords[] = {"ruleset", "include", "fact",   "let",
                                            "output",  "strategy", "advice", "rule"};

auto word(const char* text) { return x3::lexeme[x3::lit(text) >> !ident_char]; }

const auto reserved = x3::lexeme[(x3::lit("ruleset") | "include" | "fact" | "let" | "output" | "strategy" |
                                  "advice" | "rule" | "when" | "then" | "else" | "if" | "because" |
                                  "source" | "exclude" | "advise" | "and" | "or" | "not" | "in" |
                                  "true" | "false" | "unknown" | "version") >>
                                 !ident_char];

// Keywords, each named for the error that reports it missing.
const auto kw_version = x3::rule<struct kw_version_class>{"'version' after the rule set's name"} = word("version");
const auto kw_when = x3::rule<struct kw_when_class>{"'when' after the rule's name"} = word("when");
const auto kw_then = x3::rule<struct kw_then_class>{"'then' after condition"} = word("then");
const auto kw_then_value = x3::rule<struct kw_then_value_class>{"'then' after the 'if' condition"} = word("then");
const auto kw_else = x3::rule<struct kw_else_class>{"'else' and a value"} = word("else");
const auto fact_colon = x3::rule<struct fact_colon_class>{"':' and a type after the fact's name"} = x3::lit(':');
const auto lang_colon = x3::rule<struct lang_colon_class>{"':' after the language"} = x3::lit(':');
const auto equals = x3::rule<struct equals_class>{"'=' and an expression"} = x3::lit('=') >> !x3::lit('=');
const auto closing_quote = x3::rule<struct closing_quote_class>{"closing '\"'"} = x3::lit('"');
constexpr std::string_view kClosingQuoteName = "closing '\"'";

// ---- semantic actions (keyword offsets are defined after them) ----------------------------------------------------------------------

template <auto Member>
const auto set = [](auto& context) { x3::_val(context).*Member = std::move(x3::_attr(context)); };

const auto start_span = [](auto& context) { x3::_val(context).span.begin = x3::_attr(context); };

template <auto List>
const auto finish_declaration = [](auto& context) {
  auto& declaration = x3::_val(context);
  declaration.span.end = x3::_attr(context);
  (state(context).file.*List).push_back(std::move(declaration));
};

const auto make_name = [](auto& context) {
  const pt::Span span = span_of(x3::_attr(context));
  x3::_val(context).text = source_text(context, span);
  x3::_val(context).span = span;
};

// A string literal; refused when longer than the limit or when it holds a control character (a
// NUL would end the text for C code, an escape sequence would drive the reader's terminal).
const auto make_text = [](auto& context) {
  auto& text = x3::_val(context);
  text.span = span_of(x3::_attr(context));
  const std::string_view quoted = source_text(context, text.span);
  const ParseState& st = state(context);
  if (quoted.size() - 2 > st.limits.max_string_bytes) {
    refuse(st.begin + text.span.begin, "string of " + std::to_string(quoted.size() - 2) + " bytes, longer than the limit of " +
                                           std::to_string(st.limits.max_string_bytes) + " bytes");
  }
  for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
    const auto byte = static_cast<unsigned char>(quoted[i]);
    if ((byte < 0x20 && quoted[i] != '\t') || byte == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
      refuse(st.begin + text.span.begin + i,
             std::string("control character ") + hex + " in a string (write \\n for a line break, \\t for a tab)");
    }
  }
  text.raw = quoted.substr(1, quoted.size() - 2);
};

// Appends a node, refusing it when its subtree is deeper than the limit (a long chain such as
// `a + a + ... + a` nests without any parenthesis). Reported at the operand that went too deep.
template <typename Context>
pt::NodeId add_node(Context& context, pt::Node node) {
  ParseState& st = state(context);
  std::uint32_t depth = 1;
  for (pt::NodeId child : node.children) depth = std::max(depth, st.node_depth[child] + 1);
  if (depth > st.limits.max_expression_depth) {
    const pt::Span at = node.children.size() >= 2 ? st.file.nodes[node.children.back()].span : node.span;
    refuse(st.begin + at.begin, too_deep(st.limits));
  }
  st.file.nodes.push_back(std::move(node));
  st.node_depth.push_back(depth);
  return static_cast<pt::NodeId>(st.file.nodes.size() - 1);
}

template <typename Context>
const pt::Node& node_at(Context& context, pt::NodeId id) {
  return state(context).file.nodes[id];
}

template <pt::NodeKind Kind>
const auto make_leaf = [](auto& context) {
  const pt::Span span = span_of(x3::_attr(context));
  x3::_val(context) = add_node(context, {Kind, std::string(source_text(context, span)), span, {}, false});
};

template <pt::NodeKind Kind>
const auto make_token_node = [](auto& context) {
  pt::Name& token = x3::_attr(context);
  x3::_val(context) = add_node(context, {Kind, std::move(token.text), token.span, {}, false});
};

const auto make_string_node = [](auto& context) {
  pt::Text& text = x3::_attr(context);
  x3::_val(context) = add_node(context, {pt::NodeKind::string, std::move(text.raw), text.span, {}, false});
};

const auto assign = [](auto& context) { x3::_val(context) = x3::_attr(context); };

// `lhs OP rhs` where the operator is fixed by the grammar (and, or).
template <const char* Op>
const auto make_logical = [](auto& context) {
  const pt::NodeId lhs = x3::_val(context);
  const pt::NodeId rhs = x3::_attr(context);
  const pt::Span span{node_at(context, lhs).span.begin, node_at(context, rhs).span.end};
  x3::_val(context) = add_node(context, {pt::NodeKind::binary, Op, span, {lhs, rhs}, false});
};
constexpr char kAnd[] = "and";
constexpr char kOr[] = "or";

// `lhs OP rhs` where the operator was parsed (comparison, arithmetic).
const auto make_binary = [](auto& context) {
  const pt::NodeId lhs = x3::_val(context);
  auto& attribute = x3::_attr(context);
  const pt::NodeId rhs = fusion::at_c<1>(attribute);
  const pt::Span span{node_at(context, lhs).span.begin, node_at(context, rhs).span.end};
  x3::_val(context) = add_node(context, {pt::NodeKind::binary, fusion::at_c<0>(attribute), span, {lhs, rhs}, false});
};

template <pt::NodeKind Kind>
const auto make_prefix = [](auto& context) {
  auto& attribute = x3::_attr(context);
  const pt::NodeId operand = fusion::at_c<1>(attribute);
  const pt::Span span{fusion::at_c<0>(attribute), node_at(context, operand).span.end};
  x3::_val(context) = add_node(context, {Kind, {}, span, {operand}, false});
};

const auto make_membership = [](auto& context) {
  const pt::NodeId subject = x3::_val(context);
  auto& attribute = x3::_attr(context);
  pt::Node node{pt::NodeKind::membership, {}, {node_at(context, subject).span.begin, fusion::at_c<2>(attribute)}, {subject}, fusion::at_c<0>(attribute)};
  for (pt::NodeId element : fusion::at_c<1>(attribute)) node.children.push_back(element);
  x3::_val(context) = add_node(context, std::move(node));
};

const auto make_call = [](auto& context) {
  auto& attribute = x3::_attr(context);
  pt::Name& function = fusion::at_c<0>(attribute);
  pt::Node node{pt::NodeKind::call, std::move(function.text), {function.span.begin, fusion::at_c<2>(attribute)}, std::move(fusion::at_c<1>(attribute)), false};
  x3::_val(context) = add_node(context, std::move(node));
};

const auto make_conditional = [](auto& context) {
  auto& attribute = x3::_attr(context);
  const pt::NodeId otherwise = fusion::at_c<3>(attribute);
  pt::Node node{pt::NodeKind::conditional, {}, {fusion::at_c<0>(attribute), node_at(context, otherwise).span.end},
                {fusion::at_c<1>(attribute), fusion::at_c<2>(attribute), otherwise}, false};
  x3::_val(context) = add_node(context, std::move(node));
};

const auto make_lang_text = [](auto& context) {
  auto& attribute = x3::_attr(context);
  x3::_val(context) = pt::LangText{std::move(fusion::at_c<0>(attribute)), std::move(fusion::at_c<1>(attribute))};
};

const auto make_lone_text = [](auto& context) {
  x3::_val(context) = pt::Label{pt::LangText{{}, std::move(x3::_attr(context))}};
};

template <pt::EffectKind Kind>
const auto set_effect_kind = [](auto& context) { x3::_val(context).kind = Kind; };

const auto set_points_op = [](auto& context) {
  x3::_val(context).kind = x3::_attr(context) == "+=" ? pt::EffectKind::add : pt::EffectKind::subtract;
};

const auto set_effect_target = [](auto& context) {
  x3::_val(context).span = x3::_attr(context).span;
  x3::_val(context).target = std::move(x3::_attr(context));
};

const auto set_default = [](auto& context) { x3::_val(context).default_value = x3::_attr(context); };
const auto set_range = [](auto& context) { x3::_val(context).range = x3::_attr(context); };
const auto end_span = [](auto& context) { x3::_val(context).span.end = x3::_attr(context); };
const auto set_published = [](auto& context) { x3::_val(context).published = true; };

// A keyword or symbol whose attribute is its byte offset, for spans that start on it.
template <typename Tag, typename Parser>
auto located(const char* display, const Parser& parser) {
  return x3::rule<Tag, std::uint32_t>{display} = offset[assign] >> x3::omit[x3::lexeme[parser]];
}
const auto at_ruleset = located<struct at_ruleset_class>("'ruleset'", word("ruleset"));
const auto at_include = located<struct at_include_class>("'include'", word("include"));
const auto at_fact = located<struct at_fact_class>("'fact'", word("fact"));
const auto at_let = located<struct at_let_class>("'let'", word("let"));
const auto at_output = located<struct at_output_class>("'output'", word("output"));
const auto at_strategy = located<struct at_strategy_class>("'strategy'", word("strategy"));
const auto at_advice = located<struct at_advice_class>("'advice'", word("advice"));
const auto at_rule = located<struct at_rule_class>("'rule'", word("rule"));
const auto at_if = located<struct at_if_class>("'if'", word("if"));
const auto at_not = located<struct at_not_class>("'not'", word("not"));
const auto at_minus = located<struct at_minus_class>("'-'", x3::lit('-'));

// ---- error handling ----------------------------------------------------------------------

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) != 0 || c == '_' || byte >= 0x80;
}

// The token found where something else was expected, for "expected X, got 'Y'".
std::string describe_found(Iterator where, Iterator last) {
  if (where == last) return "end of input";
  if (*where == '\n' || *where == '\r') return "end of line";
  const auto byte = static_cast<unsigned char>(*where);
  if (byte < 0x20 || byte == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
    return std::string("control character ") + hex;
  }
  Iterator end = where;
  if (is_word_byte(*end)) {
    while (end != last && is_word_byte(*end)) ++end;
  } else if (*end != '\0' && std::strchr("=<>!+-*/", *end) != nullptr) {
    while (end != last && *end != '\0' && std::strchr("=<>!+-*/", *end) != nullptr) ++end;
  } else {
    ++end;
  }
  return "'" + std::string(where, end) + "'";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Where the comment on the line [from, to) starts (its '#' outside a string), or `to`.
Iterator comment_start(Iterator from, Iterator to) {
  bool in_string = false;
  for (Iterator p = from; p != to; ++p) {
    if (in_string) {
      if (*p == '\\' && p + 1 != to) {
        ++p;
      } else if (*p == '"') {
        in_string = false;
      }
    } else if (*p == '"') {
      in_string = true;
    } else if (*p == '#') {
      return p;
    }
  }
  return to;
}

// Just past the last token before `at`: back over white space and comments.
Iterator end_of_last_token(Iterator begin, Iterator at) {
  for (;;) {
    while (at != begin && is_space(at[-1])) --at;
    Iterator line = at;
    while (line != begin && line[-1] != '\n') --line;
    const Iterator comment = comment_start(line, at);
    if (comment == at) return at;
    at = comment;
  }
}

struct report_expectation {
  template <typename It, typename Context>
  x3::error_handler_result on_error(It&, const It& last, const x3::expectation_failure<It>& failure,
                                    const Context& context) {
    ParseState& st = state(context);
    Iterator where = failure.where();
    // A missing closing quote is reported where the line ends, not at the next token.
    if (failure.which() != kClosingQuoteName) x3::skip_over(where, last, context);
    const std::string found = describe_found(where, last);
    if (where == last) where = end_of_last_token(st.begin, where);  // not past blank lines and comments
    Iterator end = where;
    while (end != last && is_word_byte(*end)) ++end;
    if (end == where && where != last && *where != '\n') ++end;
    const bool refused = !failure.which().empty() && failure.which().front() == kRefusalMarker;
    st.diagnostics.push_back({Severity::error,
                              {st.file_index, static_cast<std::uint32_t>(where - st.begin), static_cast<std::uint32_t>(end - st.begin)},
                              refused ? failure.which().substr(1) : "expected " + failure.which() + ", got " + found,
                              {}});
    return x3::error_handler_result::fail;
  }
};

// Where parsing resumes after an error: a line that starts with a declaration keyword, or any
// line after the reported token that starts in column 0 with something other than a comment (so
// that a stray line is reported rather than skipped). The line of the reported token itself is
// not one unless it starts with a keyword: parsing there would report the same token again.
bool starts_declaration(Iterator at, Iterator last, Iterator reported) {
  if (at > reported && at != last && *at != ' ' && *at != '\t' && *at != '\r' && *at != '\n' && *at != '#') return true;
  while (at != last && (*at == ' ' || *at == '\t')) ++at;
  for (const char* keyword : kDeclarationKeywords) {
    const std::size_t length = std::strlen(keyword);
    if (static_cast<std::size_t>(last - at) >= length && std::equal(keyword, keyword + length, at) &&
        (at + length == last || !is_word_byte(at[length]))) {
      return true;
    }
  }
  return false;
}

// After reporting, resume at the next line that starts with a declaration keyword.
struct recover_at_next_declaration : report_expectation {
  template <typename It, typename Context>
  x3::error_handler_result on_error(It& first, const It& last, const x3::expectation_failure<It>& failure,
                                    const Context& context) {
    report_expectation::on_error(first, last, failure, context);
    It reported = failure.where();
    if (failure.which() != kClosingQuoteName) x3::skip_over(reported, last, context);
    // After a refusal (say, 100,000 nested parentheses) the lines that follow are the rest of the
    // same expression: resume only at a declaration keyword, or each of them would be reported.
    if (!failure.which().empty() && failure.which().front() == kRefusalMarker) reported = last;
    // The unexpected token may itself start the next declaration (an unclosed one before it
    // ran into it): resume right there, or its own errors would go unreported.
    It line_start = reported;
    while (line_start != state(context).begin && line_start[-1] != '\n') --line_start;
    It indent_end = line_start;
    while (indent_end != last && (*indent_end == ' ' || *indent_end == '\t')) ++indent_end;
    if (indent_end == reported && reported != last && starts_declaration(line_start, last, reported)) {
      first = line_start;
      return x3::error_handler_result::retry;
    }
    It at = failure.where();
    while (at != last) {
      while (at != last && *at != '\n') ++at;
      if (at == last) break;
      ++at;
      if (starts_declaration(at, last, reported)) {
        first = at;
        return x3::error_handler_result::retry;
      }
    }
    first = last;
    return x3::error_handler_result::accept;
  }
};

// ---- rules ---------------------------------------------------------------------------------

struct name_class;
struct dotted_name_class;
struct number_token_class;
struct text_class;
struct lang_text_class;
struct label_class;
struct description_class;
struct expr_class;
struct conditional_class;
struct or_expr_class;
struct and_expr_class;
struct not_expr_class;
struct comparison_class;
struct additive_class;
struct term_class;
struct unary_class;
struct primary_class;
struct call_class;
struct arguments_class;
struct set_literal_class;
struct type_spec_class;
struct ruleset_decl_class;
struct include_decl_class;
struct fact_decl_class;
struct let_decl_class;
struct output_decl_class;
struct strategy_decl_class;
struct advice_decl_class;
struct effect_class;
struct effects_class;
struct rule_decl_class;
struct expected_declaration_class;
struct declaration_class : recover_at_next_declaration {};
struct file_class : report_expectation {};

const x3::rule<name_class, pt::Name> name = "name";
const x3::rule<dotted_name_class, pt::Name> dotted_name = "advice id (family.name)";
const x3::rule<number_token_class, pt::Name> number_token = "number";
const x3::rule<text_class, pt::Text> text = "string";
const x3::rule<lang_text_class, pt::LangText> lang_text = "language (zh or en) and text";
const x3::rule<label_class, pt::Label> label = "label { zh: \"...\", en: \"...\" }";
const x3::rule<description_class, pt::Label> description = "description";
const x3::rule<expr_class, pt::NodeId> expr = "expression";
const x3::rule<conditional_class, pt::NodeId> conditional = "expression";
const x3::rule<or_expr_class, pt::NodeId> or_expr = "expression";
const x3::rule<and_expr_class, pt::NodeId> and_expr = "expression";
const x3::rule<not_expr_class, pt::NodeId> not_expr = "expression";
const x3::rule<comparison_class, pt::NodeId> comparison = "expression";
const x3::rule<additive_class, pt::NodeId> additive = "operand";
const x3::rule<term_class, pt::NodeId> term = "operand";
const x3::rule<unary_class, pt::NodeId> unary = "operand";
const x3::rule<primary_class, pt::NodeId> primary = "value (a number, string, name, call or '(')";
const x3::rule<call_class, pt::NodeId> call = "function call";
const x3::rule<arguments_class, std::vector<pt::NodeId>> arguments = "arguments";
const x3::rule<set_literal_class, std::vector<pt::NodeId>> set_literal = "set { a, b, ... }";
const x3::rule<type_spec_class, pt::TypeSpec> type_spec = "type (bool, int, number, text or enum(...))";
const x3::rule<ruleset_decl_class, pt::RulesetDecl> ruleset_decl = "ruleset declaration";
const x3::rule<include_decl_class, pt::IncludeDecl> include_decl = "include declaration";
const x3::rule<fact_decl_class, pt::FactDecl> fact_decl = "fact declaration";
const x3::rule<let_decl_class, pt::ValueDecl> let_decl = "let declaration";
const x3::rule<output_decl_class, pt::ValueDecl> output_decl = "output declaration";
const x3::rule<strategy_decl_class, pt::StrategyDecl> strategy_decl = "strategy declaration";
const x3::rule<advice_decl_class, pt::AdviceDecl> advice_decl = "advice declaration";
const x3::rule<effect_class, pt::Effect> effect =
    "effect (STRATEGY += N, STRATEGY -= N, exclude STRATEGY or advise ADVICE)";
const x3::rule<effects_class, std::vector<pt::Effect>> effects = "effects";
const x3::rule<rule_decl_class, pt::RuleDecl> rule_decl = "rule declaration";
const x3::rule<expected_declaration_class> expected_declaration =
    "declaration (fact, let, output, strategy, advice, rule, ruleset or include)";
const x3::rule<struct declaration_class> declaration = "declaration";
const x3::rule<file_class> file = "rule file";

// Lists and the character after a backslash get rules of their own: a syntax error names what was
// expected by the rule's name, and an unnamed X3 parser would be described by its C++ type.
const auto enum_values = x3::rule<struct enum_values_class, std::vector<pt::Name>>{"enum values (names)"} = name % ',';
const auto label_parts = x3::rule<struct label_parts_class, pt::Label>{"language (zh or en) and text"} = lang_text % ',';
const auto set_elements = x3::rule<struct set_elements_class, std::vector<pt::NodeId>>{"set element"} = unary % ',';
const auto source_texts = x3::rule<struct source_texts_class, std::vector<pt::Text>>{"string"} = text % ',';
// A backslash at the end of a line leaves the string unclosed; reported like a missing quote.
const auto escaped_char = x3::rule<struct escaped_char_class>{"closing '\"'"} = ~x3::char_("\n");

const auto name_def = token(!reserved >> x3::char_("a-zA-Z_") >> *ident_char)[make_name];
const auto dotted_name_def =
    token(x3::char_("a-zA-Z_") >> *ident_char >> *('.' >> x3::char_("a-zA-Z_") >> *ident_char))[make_name];
const auto number_token_def = token(+x3::char_("0-9") >> -('.' >> +x3::char_("0-9")) >> !ident_char)[make_name];
const auto text_def =
    token('"' > *(('\\' > escaped_char) | ~x3::char_("\"\\\n")) > closing_quote)[make_text];
const auto lang_text_def = (name > lang_colon > text)[make_lang_text];
const auto label_def = '{' > label_parts > '}';
const auto description_def = label[assign] | text[make_lone_text];

const auto cmp_op = x3::rule<struct cmp_op_class, std::string>{"comparison operator"} =
    x3::string("==") | x3::string("!=") | x3::string("<=") | x3::string(">=") | x3::string("<") | x3::string(">");
const auto add_op = x3::rule<struct add_op_class, std::string>{"'+' or '-'"} =
    (x3::string("+") | x3::string("-")) >> !x3::lit('=');
const auto mul_op = x3::rule<struct mul_op_class, std::string>{"'*' or '/'"} = x3::string("*") | x3::string("/");
const auto points_op = x3::rule<struct points_op_class, std::string>{"'+=' or '-='"} =
    x3::string("+=") | x3::string("-=");
const auto membership_op = x3::rule<struct membership_op_class, bool>{"'in'"} =
    (word("not") >> word("in") >> x3::attr(true)) | (word("in") >> x3::attr(false));

const auto expr_def = conditional[assign] | or_expr[assign];
const auto conditional_def = (at_if > level[expr] > kw_then_value > level[expr] > kw_else > level[expr])[make_conditional];
const auto or_expr_def = and_expr[assign] >> *((word("or") > and_expr)[make_logical<kOr>]);
const auto and_expr_def = not_expr[assign] >> *((word("and") > not_expr)[make_logical<kAnd>]);
const auto not_expr_def = (at_not > level[not_expr])[make_prefix<pt::NodeKind::logical_not>] | comparison[assign];
const auto single_comparison = x3::rule<struct single_comparison_class>{"'and' between two comparisons (they do not chain)"} = !cmp_op;
const auto comparison_def =
    additive[assign] >> -((cmp_op > additive)[make_binary] | (membership_op > set_literal > here)[make_membership]) >
    single_comparison;
const auto additive_def = term[assign] >> *((add_op > term)[make_binary]);
const auto term_def = unary[assign] >> *((mul_op > unary)[make_binary]);
const auto unary_def = (at_minus > level[unary])[make_prefix<pt::NodeKind::negate>] | primary[assign];
const auto primary_def = number_token[make_token_node<pt::NodeKind::number>] | text[make_string_node] |
                         token(word("true") | word("false"))[make_leaf<pt::NodeKind::boolean>] |
                         token(word("unknown"))[make_leaf<pt::NodeKind::unknown>] | call[assign] |
                         name[make_token_node<pt::NodeKind::name>] | ('(' > level[expr] > ')')[assign];
const auto call_def = (name >> '(' > arguments > ')' > here)[make_call];
const auto arguments_def = -(level[expr] % ',');
const auto set_literal_def = '{' > set_elements > '}';

const auto type_spec_def = name[set<&pt::TypeSpec::kind>] >> -('(' > enum_values[set<&pt::TypeSpec::values>] > ')');

const auto ruleset_decl_def = at_ruleset[start_span] > name[set<&pt::RulesetDecl::name>] > kw_version >
                              text[set<&pt::RulesetDecl::version>] > here[finish_declaration<&pt::File::rulesets>];
const auto include_decl_def = at_include[start_span] > text[set<&pt::IncludeDecl::path>] >
                              here[finish_declaration<&pt::File::includes>];
const auto range_low = [](auto& context) { x3::_val(context).low = x3::_attr(context); };
const auto range_high = [](auto& context) { x3::_val(context).high = x3::_attr(context); };
const auto range_dots = x3::rule<struct range_dots_class>{"'..' between the bounds of the range"} = x3::lit("..");
const auto range_spec = x3::rule<struct range_spec_class, pt::RangeSpec>{"range LOW..HIGH"} =
    offset[start_span] >> -unary[range_low] > range_dots >
    -(!x3::lit('"') >> !x3::lit('{') >> unary[range_high]) >> here[end_span];  // not the description
const auto fact_decl_def = at_fact[start_span] > name[set<&pt::FactDecl::name>] > fact_colon >
                           type_spec[set<&pt::FactDecl::type>] > -(word("in") > range_spec[set_range]) >
                           -(x3::lit('=') > unary[set_default]) >
                           -description[set<&pt::FactDecl::description>] > here[finish_declaration<&pt::File::facts>];
const auto let_decl_def = at_let[start_span] > name[set<&pt::ValueDecl::name>] > equals >
                          expr[set<&pt::ValueDecl::value>] > here[finish_declaration<&pt::File::values>];
const auto output_decl_def = at_output[start_span] > x3::eps[set_published] > name[set<&pt::ValueDecl::name>] >
                             equals > expr[set<&pt::ValueDecl::value>] > -description[set<&pt::ValueDecl::description>] >
                             here[finish_declaration<&pt::File::values>];
const auto strategy_decl_def = at_strategy[start_span] > name[set<&pt::StrategyDecl::name>] >
                               label[set<&pt::StrategyDecl::label>] > here[finish_declaration<&pt::File::strategies>];
const auto advice_decl_def = at_advice[start_span] > dotted_name[set<&pt::AdviceDecl::id>] >
                             label[set<&pt::AdviceDecl::label>] > here[finish_declaration<&pt::File::advice>];

const auto points_value = x3::rule<struct points_value_class, pt::Name>{"points (a number)"} = number_token;
const auto effect_def = (word("exclude")[set_effect_kind<pt::EffectKind::exclude>] > name[set_effect_target]) |
                        (word("advise")[set_effect_kind<pt::EffectKind::advise>] > dotted_name[set_effect_target]) |
                        (name[set_effect_target] >>
                         points_op[set_points_op] > points_value[set<&pt::Effect::points>]);
const auto effects_def = effect > *(',' > effect);
const auto rule_decl_def = at_rule[start_span] > name[set<&pt::RuleDecl::name>] > kw_when >
                           expr[set<&pt::RuleDecl::condition>] > kw_then > effects[set<&pt::RuleDecl::effects>] >
                           -(word("because") > description[set<&pt::RuleDecl::because>]) >
                           -(word("source") > source_texts[set<&pt::RuleDecl::sources>]) >
                           here[finish_declaration<&pt::File::rules>];

const auto expected_declaration_def = x3::eps(false);
const auto declaration_def = ruleset_decl | include_decl | fact_decl | let_decl | output_decl | strategy_decl |
                             advice_decl | rule_decl | ((!x3::eoi) > expected_declaration);
const auto file_def = *declaration > x3::eoi;

BOOST_SPIRIT_DEFINE(name, dotted_name, number_token, text, lang_text, label, description, expr, conditional, or_expr,
                    and_expr, not_expr, comparison, additive, term, unary, primary, call, arguments, set_literal,
                    type_spec, ruleset_decl, include_decl, fact_decl, let_decl, output_decl, strategy_decl,
                    advice_decl, effect, effects, rule_decl, expected_declaration, declaration, file)

}  // namespace

pt::File parse(std::string_view source, std::uint32_t file_index, std::vector<Diagnostic>& diagnostics, const Limits& limits) {
  pt::File out;
  ParseState parse_state{source.begin(), file_index, diagnostics, out, limits, 0, {}};
  Iterator first = source.begin();
  if (source.substr(0, 3) == "\xEF\xBB\xBF") first += 3;  // a byte order mark is not content
  const std::size_t errors_before = diagnostics.size();
  const bool parsed = x3::phrase_parse(first, source.end(), x3::with<state_tag>(std::ref(parse_state))[file], skipper);
  if (!parsed && diagnostics.size() == errors_before) {
    const auto where = static_cast<std::uint32_t>(first - source.begin());
    diagnostics.push_back({Severity::error, {file_index, where, where}, "syntax error", {}});
  }
  return out;
}

}  // namespace forbear::dsl
