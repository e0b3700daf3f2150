// dsl::parse: what each declaration turns into, expression shapes and precedence, lexical details
// (comments, UTF-8, BOM, CRLF) and recovery after syntax errors.

#include "dsl/parser.hpp"
#include "forbear/ruleset.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pt = forbear::dsl::pt;
using forbear::Diagnostic;
using forbear::Severity;

namespace {

struct Parsed {
  pt::File file;
  std::vector<Diagnostic> diagnostics;
};

Parsed parse(std::string_view text, std::uint32_t file_index = 0) {
  Parsed out;
  out.file = forbear::dsl::parse(text, file_index, out.diagnostics);
  return out;
}

using Range = std::pair<std::uint32_t, std::uint32_t>;

Range range(pt::Span span) { return {span.begin, span.end}; }

// The byte range of the `occurrence`-th (0-based) appearance of `needle` in `text`.
Range find(std::string_view text, std::string_view needle, int occurrence = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < occurrence && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string_view::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + needle.size())};
}

// An expression as an S-expression: names and literals as written, `(op lhs rhs)` for binary
// operators, `(neg x)`, `(not x)`, `(call f args...)`, `(if c a b)`, `(in x e...)`, `(not-in x e...)`.
std::string shape(const pt::File& file, pt::NodeId id) {
  const pt::Node& node = file.nodes.at(id);
  auto children = [&](std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < node.children.size(); ++i) out += " " + shape(file, node.children[i]);
    return out;
  };
  switch (node.kind) {
    case pt::NodeKind::number:
    case pt::NodeKind::boolean:
    case pt::NodeKind::name: return node.text;
    case pt::NodeKind::string: return "\"" + node.text + "\"";
    case pt::NodeKind::unknown: return "unknown";
    case pt::NodeKind::negate: return "(neg" + children(0) + ")";
    case pt::NodeKind::logical_not: return "(not" + children(0) + ")";
    case pt::NodeKind::binary: return "(" + node.text + children(0) + ")";
    case pt::NodeKind::call: return "(call " + node.text + children(0) + ")";
    case pt::NodeKind::conditional: return "(if" + children(0) + ")";
    case pt::NodeKind::membership: return std::string(node.negated ? "(not-in" : "(in") + children(0) + ")";
  }
  return "?";
}

// The shape of the expression of `let x = EXPR`.
std::string let_shape(std::string_view expression) {
  const std::string text = "let x = " + std::string(expression) + "\n";
  const Parsed parsed = parse(text);
  INFO(text);
  for (const auto& d : parsed.diagnostics) INFO(d.message);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.values.size() == 1);
  return shape(parsed.file, parsed.file.values[0].value);
}

struct Error {
  Range span;
  std::string message;
  friend bool operator==(const Error&, const Error&) = default;
};

std::vector<Error> errors(const std::vector<Diagnostic>& diagnostics) {
  std::vector<Error> out;
  for (const auto& d : diagnostics) {
    CHECK(d.severity == Severity::error);
    out.push_back({{d.span.begin, d.span.end}, d.message});
  }
  return out;
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Error> {
  static std::string convert(const Error& e) {
    return "[" + std::to_string(e.span.first) + "," + std::to_string(e.span.second) + ") " + e.message;
  }
};
}  // namespace Catch

TEST_CASE("parser: ruleset and include declarations", "[dsl]") {
  const std::string text = "ruleset overdue_advisor version \"1.0.0\"   # one per rule set\ninclude \"strategies.rules\"\n";
  const Parsed parsed = parse(text, 3);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.rulesets.size() == 1);
  const pt::RulesetDecl& ruleset = parsed.file.rulesets[0];
  CHECK(ruleset.name.text == "overdue_advisor");
  CHECK(range(ruleset.name.span) == find(text, "overdue_advisor"));
  CHECK(ruleset.version.raw == "1.0.0");
  CHECK(range(ruleset.version.span) == find(text, "\"1.0.0\""));
  // A declaration's span runs from its keyword to its last token; the comment is not part of it.
  CHECK(range(ruleset.span) == Range{0, find(text, "\"1.0.0\"").second});
  REQUIRE(parsed.file.includes.size() == 1);
  CHECK(parsed.file.includes[0].path.raw == "strategies.rules");
  CHECK(range(parsed.file.includes[0].path.span) == find(text, "\"strategies.rules\""));
  CHECK(range(parsed.file.includes[0].span) == Range{find(text, "include").first, find(text, "\"strategies.rules\"").second});
  CHECK(parsed.file.facts.empty());
  CHECK(parsed.file.rules.empty());
}

TEST_CASE("parser: facts with every type, defaults and descriptions", "[dsl]") {
  const std::string text =
      "fact days_overdue: int \"逾期天数 / days past due\"\n"
      "fact has_proof: bool = false { zh: \"有证明材料\", en: \"has documentary proof\" }\n"
      "fact hardship: enum(none, illness, job_loss) = none\n"
      "fact amount: number = -1.5 { en: \"amount owed\" }\n"
      "fact note: text = \"n/a\"\n"
      "fact plain: int\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  const auto& facts = parsed.file.facts;
  REQUIRE(facts.size() == 6);

  CHECK(facts[0].name.text == "days_overdue");
  CHECK(range(facts[0].name.span) == find(text, "days_overdue"));
  CHECK(facts[0].type.kind.text == "int");
  CHECK(range(facts[0].type.kind.span) == find(text, "int"));
  CHECK(facts[0].type.values.empty());
  CHECK_FALSE(facts[0].default_value.has_value());
  REQUIRE(facts[0].description.size() == 1);  // a lone string: one part without a language
  CHECK(facts[0].description[0].lang.text.empty());
  CHECK(facts[0].description[0].text.raw == "逾期天数 / days past due");
  CHECK(range(facts[0].description[0].text.span) == find(text, "\"逾期天数 / days past due\""));
  CHECK(range(facts[0].span) == Range{0, find(text, "\"逾期天数 / days past due\"").second});

  CHECK(facts[1].name.text == "has_proof");
  CHECK(facts[1].type.kind.text == "bool");
  REQUIRE(facts[1].default_value.has_value());
  CHECK(shape(parsed.file, *facts[1].default_value) == "false");
  CHECK(parsed.file.nodes[*facts[1].default_value].kind == pt::NodeKind::boolean);
  REQUIRE(facts[1].description.size() == 2);
  CHECK(facts[1].description[0].lang.text == "zh");
  CHECK(range(facts[1].description[0].lang.span) == find(text, "zh"));
  CHECK(facts[1].description[0].text.raw == "有证明材料");
  CHECK(facts[1].description[1].lang.text == "en");
  CHECK(facts[1].description[1].text.raw == "has documentary proof");
  CHECK(range(facts[1].span) == Range{find(text, "fact has_proof").first, find(text, "proof\" }").second});

  CHECK(facts[2].type.kind.text == "enum");
  REQUIRE(facts[2].type.values.size() == 3);
  CHECK(facts[2].type.values[0].text == "none");
  CHECK(facts[2].type.values[1].text == "illness");
  CHECK(facts[2].type.values[2].text == "job_loss");
  CHECK(range(facts[2].type.values[1].span) == find(text, "illness"));
  REQUIRE(facts[2].default_value.has_value());
  CHECK(parsed.file.nodes[*facts[2].default_value].kind == pt::NodeKind::name);  // resolved by the checker
  CHECK(shape(parsed.file, *facts[2].default_value) == "none");
  CHECK(range(parsed.file.nodes[*facts[2].default_value].span) == find(text, "none", 1));
  CHECK(facts[2].description.empty());

  CHECK(facts[3].type.kind.text == "number");
  REQUIRE(facts[3].default_value.has_value());
  CHECK(shape(parsed.file, *facts[3].default_value) == "(neg 1.5)");
  CHECK(range(parsed.file.nodes[*facts[3].default_value].span) == find(text, "-1.5"));
  REQUIRE(facts[3].description.size() == 1);
  CHECK(facts[3].description[0].lang.text == "en");

  CHECK(facts[4].type.kind.text == "text");
  CHECK(shape(parsed.file, *facts[4].default_value) == "\"n/a\"");

  CHECK(facts[5].name.text == "plain");
  CHECK(range(facts[5].span) == find(text, "fact plain: int"));
}

TEST_CASE("parser: let and output declarations", "[dsl]") {
  const std::string text =
      "let surplus = monthly_income - monthly_expenses\n"
      "output plan_months = ceil(amount / plan_monthly) \"分期期数 / number of instalments\"\n"
      "output bare = 1\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  const auto& values = parsed.file.values;
  REQUIRE(values.size() == 3);
  CHECK(values[0].name.text == "surplus");
  CHECK_FALSE(values[0].published);
  CHECK(values[0].description.empty());
  CHECK(shape(parsed.file, values[0].value) == "(- monthly_income monthly_expenses)");
  CHECK(range(parsed.file.nodes[values[0].value].span) == find(text, "monthly_income - monthly_expenses"));
  CHECK(range(values[0].span) == Range{0, find(text, "monthly_expenses").second});

  CHECK(values[1].name.text == "plan_months");
  CHECK(values[1].published);
  CHECK(shape(parsed.file, values[1].value) == "(call ceil (/ amount plan_monthly))");
  CHECK(range(parsed.file.nodes[values[1].value].span) == find(text, "ceil(amount / plan_monthly)"));
  REQUIRE(values[1].description.size() == 1);
  CHECK(values[1].description[0].text.raw == "分期期数 / number of instalments");

  CHECK(values[2].published);
  CHECK(values[2].description.empty());
}

TEST_CASE("parser: strategy and advice declarations", "[dsl]") {
  const std::string text =
      "strategy installment { zh: \"申请分期还款\", en: \"Ask for an installment plan\" }\n"
      "strategy english_only { en: \"Only English\" }\n"
      "advice doc.bank_statement { zh: \"银行流水\", en: \"Bank statements\" }\n"
      "advice say.plan.monthly { zh: \"我每月可以拿出{plan_monthly}元……\" }\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  const auto& strategies = parsed.file.strategies;
  REQUIRE(strategies.size() == 2);
  CHECK(strategies[0].name.text == "installment");
  CHECK(range(strategies[0].name.span) == find(text, "installment"));
  REQUIRE(strategies[0].label.size() == 2);
  CHECK(strategies[0].label[0].lang.text == "zh");
  CHECK(strategies[0].label[0].text.raw == "申请分期还款");
  CHECK(strategies[0].label[1].lang.text == "en");
  CHECK(strategies[0].label[1].text.raw == "Ask for an installment plan");
  CHECK(range(strategies[0].span) == Range{0, find(text, "plan\" }").second});
  REQUIRE(strategies[1].label.size() == 1);
  CHECK(strategies[1].label[0].lang.text == "en");

  const auto& advice = parsed.file.advice;
  REQUIRE(advice.size() == 2);
  CHECK(advice[0].id.text == "doc.bank_statement");
  CHECK(range(advice[0].id.span) == find(text, "doc.bank_statement"));
  CHECK(advice[1].id.text == "say.plan.monthly");
  REQUIRE(advice[1].label.size() == 1);
  CHECK(advice[1].label[0].text.raw == "我每月可以拿出{plan_monthly}元……");  // templates are read by the checker
}

TEST_CASE("parser: rules with every effect kind, because and sources", "[dsl]") {
  const std::string text =
      "rule long_overdue_in_writing\n"
      "  when days_overdue > 90\n"
      "  then written_application += 30, installment -= 5.5, exclude grace_period, advise doc.bank_statement\n"
      "  because { zh: \"逾期较长,应提交书面申请。\", en: \"A long overdue needs a written application.\" }\n"
      "  source \"004_97dbe19cb7934b26.txt §五(二)\", \"second source\"\n"
      "rule short when true then a += 1 because \"lone reason\"\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.rules.size() == 2);
  const pt::RuleDecl& rule = parsed.file.rules[0];
  CHECK(rule.name.text == "long_overdue_in_writing");
  CHECK(range(rule.name.span) == find(text, "long_overdue_in_writing"));
  CHECK(shape(parsed.file, rule.condition) == "(> days_overdue 90)");
  CHECK(range(parsed.file.nodes[rule.condition].span) == find(text, "days_overdue > 90"));

  REQUIRE(rule.effects.size() == 4);
  CHECK(rule.effects[0].kind == pt::EffectKind::add);
  CHECK(rule.effects[0].target.text == "written_application");
  CHECK(rule.effects[0].points.text == "30");
  CHECK(range(rule.effects[0].points.span) == find(text, "30"));
  CHECK(range(rule.effects[0].span) == find(text, "written_application"));
  CHECK(rule.effects[1].kind == pt::EffectKind::subtract);
  CHECK(rule.effects[1].target.text == "installment");
  CHECK(rule.effects[1].points.text == "5.5");
  CHECK(rule.effects[2].kind == pt::EffectKind::exclude);
  CHECK(rule.effects[2].target.text == "grace_period");
  CHECK(range(rule.effects[2].target.span) == find(text, "grace_period"));
  CHECK(rule.effects[2].points.text.empty());
  CHECK(rule.effects[3].kind == pt::EffectKind::advise);
  CHECK(rule.effects[3].target.text == "doc.bank_statement");
  CHECK(range(rule.effects[3].target.span) == find(text, "doc.bank_statement"));

  REQUIRE(rule.because.size() == 2);
  CHECK(rule.because[0].lang.text == "zh");
  CHECK(rule.because[0].text.raw == "逾期较长,应提交书面申请。");
  CHECK(rule.because[1].text.raw == "A long overdue needs a written application.");
  REQUIRE(rule.sources.size() == 2);
  CHECK(rule.sources[0].raw == "004_97dbe19cb7934b26.txt §五(二)");
  CHECK(range(rule.sources[0].span) == find(text, "\"004_97dbe19cb7934b26.txt §五(二)\""));
  CHECK(rule.sources[1].raw == "second source");
  CHECK(range(rule.span) == Range{0, find(text, "\"second source\"").second});

  const pt::RuleDecl& lone = parsed.file.rules[1];
  CHECK(shape(parsed.file, lone.condition) == "true");
  REQUIRE(lone.because.size() == 1);
  CHECK(lone.because[0].lang.text.empty());
  CHECK(lone.because[0].text.raw == "lone reason");
  CHECK(lone.sources.empty());
}

TEST_CASE("parser: each kind of declaration goes to its own list, in source order", "[dsl]") {
  const std::string text =
      "rule r2 when b then s += 1\n"
      "fact b: bool\n"
      "let l1 = 1\n"
      "rule r1 when b then s += 2\n"
      "output o1 = 2\n"
      "fact a: int\n"
      "let l2 = 3\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.facts.size() == 2);
  CHECK(parsed.file.facts[0].name.text == "b");
  CHECK(parsed.file.facts[1].name.text == "a");
  REQUIRE(parsed.file.values.size() == 3);
  CHECK(parsed.file.values[0].name.text == "l1");
  CHECK(parsed.file.values[1].name.text == "o1");
  CHECK(parsed.file.values[2].name.text == "l2");
  REQUIRE(parsed.file.rules.size() == 2);
  CHECK(parsed.file.rules[0].name.text == "r2");
  CHECK(parsed.file.rules[1].name.text == "r1");
}

TEST_CASE("parser: operator precedence", "[dsl]") {
  CHECK(let_shape("a or b and not c == 1 + 2 * 3") == "(or a (and b (not (== c (+ 1 (* 2 3))))))");
  CHECK(let_shape("a and b or c and d") == "(or (and a b) (and c d))");
  CHECK(let_shape("a or b or c") == "(or (or a b) c)");
  CHECK(let_shape("not not a") == "(not (not a))");
  CHECK(let_shape("not a and b") == "(and (not a) b)");
  CHECK(let_shape("1 - 2 - 3") == "(- (- 1 2) 3)");
  CHECK(let_shape("8 / 4 / 2") == "(/ (/ 8 4) 2)");
  CHECK(let_shape("1 + 2 * 3 - 4 / 5") == "(- (+ 1 (* 2 3)) (/ 4 5))");
  CHECK(let_shape("(1 + 2) * 3") == "(* (+ 1 2) 3)");
  CHECK(let_shape("-a * b") == "(* (neg a) b)");
  CHECK(let_shape("a - -b") == "(- a (neg b))");
  CHECK(let_shape("--a") == "(neg (neg a))");
  CHECK(let_shape("-(a + 1)") == "(neg (+ a 1))");
  CHECK(let_shape("a + 1 >= b * 2") == "(>= (+ a 1) (* b 2))");
  for (const char* op : {"==", "!=", "<", "<=", ">", ">="}) {
    CHECK(let_shape(std::string("a ") + op + " b") == std::string("(") + op + " a b)");
  }
}

TEST_CASE("parser: literals", "[dsl]") {
  CHECK(let_shape("12") == "12");
  CHECK(let_shape("0.8") == "0.8");
  CHECK(let_shape("-3") == "(neg 3)");
  CHECK(let_shape("\"text\"") == "\"text\"");
  CHECK(let_shape("true") == "true");
  CHECK(let_shape("false") == "false");
  CHECK(let_shape("unknown") == "unknown");
  // A keyword prefix does not make a keyword.
  CHECK(let_shape("trueish") == "trueish");
  CHECK(let_shape("unknown_x") == "unknown_x");
  CHECK(let_shape("android") == "android");
  CHECK(let_shape("not_a") == "not_a");
  // Escapes are kept raw; the checker processes them.
  CHECK(let_shape(R"("a \"q\" \\ \n \t")") == R"("a \"q\" \\ \n \t")");

  const std::string text = "let x = true\nlet y = unknown\nlet z = 1.25\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.file.values.size() == 3);
  CHECK(parsed.file.nodes[parsed.file.values[0].value].kind == pt::NodeKind::boolean);
  CHECK(parsed.file.nodes[parsed.file.values[1].value].kind == pt::NodeKind::unknown);
  CHECK(parsed.file.nodes[parsed.file.values[2].value].kind == pt::NodeKind::number);
  CHECK(range(parsed.file.nodes[parsed.file.values[2].value].span) == find(text, "1.25"));
}

TEST_CASE("parser: membership sets", "[dsl]") {
  CHECK(let_shape("hardship in {illness, \"disaster\"}") == "(in hardship illness \"disaster\")");
  CHECK(let_shape("hardship not in {none}") == "(not-in hardship none)");
  CHECK(let_shape("days in {1, -2, 3.5}") == "(in days 1 (neg 2) 3.5)");
  CHECK(let_shape("a + 1 in {2}") == "(in (+ a 1) 2)");
  CHECK(let_shape("not a in {x} and b") == "(and (not (in a x)) b)");

  const std::string text = "let x = hardship not in { illness , job_loss }\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  const pt::Node& node = parsed.file.nodes[parsed.file.values[0].value];
  CHECK(node.kind == pt::NodeKind::membership);
  CHECK(node.negated);
  REQUIRE(node.children.size() == 3);
  // The span runs from the subject to the closing brace.
  CHECK(range(node.span) == Range{find(text, "hardship").first, find(text, "}").second});
  CHECK(range(parsed.file.nodes[node.children[2]].span) == find(text, "job_loss"));
}

TEST_CASE("parser: conditionals and calls", "[dsl]") {
  CHECK(let_shape("if a > 1 then b else c") == "(if (> a 1) b c)");
  CHECK(let_shape("if a then if b then 1 else 2 else 3") == "(if a (if b 1 2) 3)");
  CHECK(let_shape("if a then 1 else if b then 2 else 3") == "(if a 1 (if b 2 3))");
  CHECK(let_shape("if a or b then x + 1 else y * 2") == "(if (or a b) (+ x 1) (* y 2))");
  CHECK(let_shape("1 + (if a then 1 else 2)") == "(+ 1 (if a 1 2))");
  CHECK(let_shape("min(a, b, 3)") == "(call min a b 3)");
  CHECK(let_shape("round(x / 3, 2)") == "(call round (/ x 3) 2)");
  CHECK(let_shape("known(x) and not known(y)") == "(and (call known x) (not (call known y)))");
  CHECK(let_shape("max(if a then 1 else 2, -b)") == "(call max (if a 1 2) (neg b))");
  CHECK(let_shape("nothing()") == "(call nothing)");
  CHECK(let_shape("f(g(h(1)))") == "(call f (call g (call h 1)))");

  const std::string text = "let x = if flag then min(a, b) else 0\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  const pt::Node& conditional = parsed.file.nodes[parsed.file.values[0].value];
  CHECK(conditional.kind == pt::NodeKind::conditional);
  CHECK(range(conditional.span) == Range{find(text, "if").first, find(text, "0").second});
  const pt::Node& call = parsed.file.nodes[conditional.children[1]];
  CHECK(call.kind == pt::NodeKind::call);
  CHECK(call.text == "min");
  CHECK(range(call.span) == find(text, "min(a, b)"));
}

TEST_CASE("parser: comments and blank lines are skipped anywhere", "[dsl]") {
  const std::string text =
      "# a comment at the start\n"
      "\n"
      "fact a: int # after a declaration\n"
      "   # indented comment\n"
      "rule r # between the parts of a rule\n"
      "  when a > 1 # here too\n"
      "  then s += 1 # and here\n"
      "# the end, no newline";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.facts.size() == 1);
  REQUIRE(parsed.file.rules.size() == 1);
  CHECK(shape(parsed.file, parsed.file.rules[0].condition) == "(> a 1)");
  REQUIRE(parsed.file.rules[0].effects.size() == 1);
  CHECK(range(parsed.file.rules[0].span) == Range{find(text, "rule r").first, find(text, "s += 1").second});
  // A '#' inside a string is text, not a comment.
  const Parsed in_string = parse("let x = \"# not a comment\"\n");
  REQUIRE(in_string.diagnostics.empty());
  CHECK(shape(in_string.file, in_string.file.values[0].value) == "\"# not a comment\"");
}

TEST_CASE("parser: an empty file or one with only comments declares nothing", "[dsl]") {
  for (const char* text : {"", "\n\n", "# only a comment", "  \t\n# x\n"}) {
    const Parsed parsed = parse(text);
    CHECK(parsed.diagnostics.empty());
    CHECK(parsed.file.facts.empty());
    CHECK(parsed.file.nodes.empty());
  }
}

TEST_CASE("parser: UTF-8 Chinese text in strings keeps byte offsets", "[dsl]") {
  const std::string text = "fact 金额说明: int\n";  // not an identifier
  CHECK_FALSE(parse(text).diagnostics.empty());

  const std::string chinese = "fact amount: number \"欠款金额（元）\"\nlet x = amount\n";
  const Parsed parsed = parse(chinese);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.facts.size() == 1);
  CHECK(parsed.file.facts[0].description[0].text.raw == "欠款金额（元）");
  // 7 three-byte characters and two quotes.
  CHECK(range(parsed.file.facts[0].description[0].text.span) == Range{20, 20 + 7 * 3 + 2});
  REQUIRE(parsed.file.values.size() == 1);
  CHECK(range(parsed.file.values[0].name.span) == find(chinese, "x"));
  CHECK(range(parsed.file.values[0].name.span) == Range{48, 49});
}

TEST_CASE("parser: a leading UTF-8 byte order mark is skipped, offsets still count it", "[dsl]") {
  const std::string text = "\xEF\xBB\xBF" "fact a: int\nlet b = a\n";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.facts.size() == 1);
  CHECK(parsed.file.facts[0].name.text == "a");
  CHECK(range(parsed.file.facts[0].span) == Range{3, 14});
  CHECK(range(parsed.file.facts[0].name.span) == Range{8, 9});
  REQUIRE(parsed.file.values.size() == 1);

  // A byte order mark anywhere else is not white space.
  const Parsed later = parse("fact a: int\n\xEF\xBB\xBF" "fact b: int\n");
  CHECK(errors(later.diagnostics) ==
        std::vector<Error>{{{12, 19}, "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got '\xEF\xBB\xBF" "fact'"}});
}

TEST_CASE("parser: CRLF line endings", "[dsl]") {
  const std::string text =
      "ruleset demo version \"1\"\r\n"
      "fact a: int \"desc\"\r\n"
      "rule r\r\n  when a > 1\r\n  then s += 1\r\n  because \"why\"\r\n  source \"src\"\r\n"
      "let x = a # comment\r\n"
      "let y = 2";
  const Parsed parsed = parse(text);
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file.facts.size() == 1);
  CHECK(parsed.file.facts[0].description[0].text.raw == "desc");
  CHECK(range(parsed.file.facts[0].span) == find(text, "fact a: int \"desc\""));
  REQUIRE(parsed.file.rules.size() == 1);
  CHECK(parsed.file.rules[0].because[0].text.raw == "why");
  CHECK(parsed.file.rules[0].sources[0].raw == "src");
  REQUIRE(parsed.file.values.size() == 2);
  CHECK(range(parsed.file.values[0].span) == find(text, "let x = a"));
  CHECK(range(parsed.file.values[1].span) == find(text, "let y = 2"));

  // A syntax error on a CRLF line points at the token, and '\r' reads as the end of the line.
  const Parsed broken = parse("fact a: int\r\nlet b = a +\r\nfact c: int\r\n");
  CHECK(errors(broken.diagnostics) == std::vector<Error>{{{26, 30}, "expected operand, got 'fact'"}});
  CHECK(broken.file.facts.size() == 2);
  const Parsed unterminated = parse("let s = \"abc\r\nfact c: int\r\n");
  CHECK(errors(unterminated.diagnostics) == std::vector<Error>{{{13, 13}, "expected closing '\"', got end of line"}});
  CHECK(unterminated.file.facts.size() == 1);
}

TEST_CASE("parser: diagnostics carry the file index", "[dsl]") {
  const Parsed parsed = parse("fact a int\n", 7);
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].span.file == 7);
}

TEST_CASE("parser: each syntax error is reported with what was expected and what was found", "[dsl]") {
  struct Case {
    const char* text;
    Error error;
  };
  const std::vector<Case> cases{
      {"ruleset x \"1\"\n", {{10, 11}, "expected 'version' after the rule set's name, got '\"'"}},
      {"ruleset x version 1\n", {{18, 19}, "expected string, got '1'"}},
      {"include foo\n", {{8, 11}, "expected string, got 'foo'"}},
      {"fact : int\n", {{5, 6}, "expected name, got ':'"}},
      {"fact when: int\n", {{5, 9}, "expected name, got 'when'"}},
      {"fact a int\n", {{7, 10}, "expected ':' and a type after the fact's name, got 'int'"}},
      {"fact a: 12\n", {{8, 10}, "expected type (bool, int, number, text or enum(...)), got '12'"}},
      {"fact a: enum()\n", {{13, 14}, "expected enum values (names), got ')'"}},
      {"fact a: enum(x y)\n", {{15, 16}, "expected ')', got 'y'"}},
      {"fact a: int = \n", {{13, 14}, "expected operand, got end of input"}},
      {"let x 3\n", {{6, 7}, "expected '=' and an expression, got '3'"}},
      {"let x == 3\n", {{6, 7}, "expected '=' and an expression, got '=='"}},
      {"let x = a <\n", {{11, 11}, "expected operand, got end of input"}},
      {"let x = (a + 1\n", {{14, 14}, "expected ')', got end of input"}},
      {"let x = max(a, 1\n", {{16, 16}, "expected ')', got end of input"}},
      {"let x = if a then 1\n", {{19, 19}, "expected 'else' and a value, got end of input"}},
      {"let x = if a 1 else 2\n", {{13, 14}, "expected 'then' after the 'if' condition, got '1'"}},
      {"let x = a in {}\n", {{14, 15}, "expected set element, got '}'"}},
      {"let x = a in (1)\n", {{13, 14}, "expected set { a, b, ... }, got '('"}},
      {"let x = not\n", {{11, 11}, "expected expression, got end of input"}},
      {"let x = \"abc\n", {{12, 12}, "expected closing '\"', got end of line"}},
      {"let x = \"abc\\\n", {{13, 13}, "expected closing '\"', got end of line"}},
      {"strategy s { }\n", {{13, 14}, "expected language (zh or en) and text, got '}'"}},
      {"strategy s \"x\"\n", {{11, 12}, "expected label { zh: \"...\", en: \"...\" }, got '\"'"}},
      {"strategy s { zh \"x\" }\n", {{16, 17}, "expected ':' after the language, got '\"'"}},
      {"strategy s { en: \"x\" en: \"y\" }\n", {{21, 23}, "expected '}', got 'en'"}},
      {"advice 3 { en: \"x\" }\n", {{7, 8}, "expected advice id (family.name), got '3'"}},
      {"rule r a then s += 1\n", {{7, 8}, "expected 'when' after the rule's name, got 'a'"}},
      {"rule r when a s += 1\n", {{14, 15}, "expected 'then' after condition, got 's'"}},
      {"rule r when a then\n", {{18, 18}, "expected effects, got end of input"}},
      {"rule r when a then s += x\n", {{24, 25}, "expected points (a number), got 'x'"}},
      {"rule r when a then s += 1,\n", {{26, 26}, "expected effect (STRATEGY += N, STRATEGY -= N, exclude STRATEGY or advise ADVICE), got end of input"}},
      {"rule r when a then exclude 1\n", {{27, 28}, "expected name, got '1'"}},
      {"rule r when a then advise 3\n", {{26, 27}, "expected advice id (family.name), got '3'"}},
      {"rule r when a then s += 1 because\n", {{33, 33}, "expected description, got end of input"}},
      {"rule r when a then s += 1 source 12\n", {{33, 35}, "expected string, got '12'"}},
      {"stuff\n", {{0, 5}, "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got 'stuff'"}},
      {"let x = 1 2\n", {{10, 11}, "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got '2'"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const Parsed parsed = parse(c.text);
    CHECK(errors(parsed.diagnostics) == std::vector<Error>{c.error});
  }
}

TEST_CASE("parser: after an error, parsing resumes at the next declaration and reports every error", "[dsl]") {
  const std::string text =
      "ruleset demo version \"1.0\"\n"           // good
      "fact days: int\n"                         // good
      "fact amount number\n"                     // error: missing ':'
      "let half = amount / 2\n"                  // good
      "strategy plan { zh \"分期\" }\n"          // error: missing ':' after zh
      "rule late when days > 30 plan += 1\n"     // error: missing 'then'
      "  because \"still part of the bad rule\"\n"
      "oops\n"                                   // error: not a declaration
      "advice doc.proof { en: \"Proof\" }\n"     // good
      "output total = (amount + 1 \"d\"\n"       // error: missing ')'
      "rule ok when days > 1 then plan += 1\n";  // good
  const Parsed parsed = parse(text);
  CHECK(errors(parsed.diagnostics) ==
        std::vector<Error>{
            {find(text, "number"), "expected ':' and a type after the fact's name, got 'number'"},
            {{find(text, "\"分期\"").first, find(text, "\"分期\"").first + 1}, "expected ':' after the language, got '\"'"},
            {{find(text, "plan += 1").first, find(text, "plan += 1").first + 4}, "expected 'then' after condition, got 'plan'"},
            {find(text, "oops"), "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got 'oops'"},
            {{find(text, "\"d\"").first, find(text, "\"d\"").first + 1}, "expected ')', got '\"'"},
        });
  // The good declarations around the errors are all there; the broken ones left nothing behind.
  REQUIRE(parsed.file.rulesets.size() == 1);
  CHECK(parsed.file.rulesets[0].name.text == "demo");
  REQUIRE(parsed.file.facts.size() == 1);
  CHECK(parsed.file.facts[0].name.text == "days");
  REQUIRE(parsed.file.values.size() == 1);
  CHECK(parsed.file.values[0].name.text == "half");
  CHECK(parsed.file.strategies.empty());
  REQUIRE(parsed.file.advice.size() == 1);
  CHECK(parsed.file.advice[0].id.text == "doc.proof");
  REQUIRE(parsed.file.rules.size() == 1);
  CHECK(parsed.file.rules[0].name.text == "ok");
  CHECK(shape(parsed.file, parsed.file.rules[0].condition) == "(> days 1)");
}

TEST_CASE("parser: recovery skips indented continuation lines but stops at an indented declaration", "[dsl]") {
  const std::string text =
      "rule broken when a > then s += 1\n"
      "  because \"x\"\n"
      "    source \"y\"\n"
      "  fact indented: int\n"
      "let fine = 1\n";
  const Parsed parsed = parse(text);
  CHECK(errors(parsed.diagnostics) == std::vector<Error>{{find(text, "then"), "expected operand, got 'then'"}});
  REQUIRE(parsed.file.facts.size() == 1);
  CHECK(parsed.file.facts[0].name.text == "indented");
  REQUIRE(parsed.file.values.size() == 1);
  CHECK(parsed.file.values[0].name.text == "fine");
  CHECK(parsed.file.rules.empty());
}

TEST_CASE("parser: an error at the end of the file points just past the last token", "[dsl]") {
  // No final newline.
  CHECK(errors(parse("fact a: int\nlet b = a +").diagnostics) ==
        std::vector<Error>{{{23, 23}, "expected operand, got end of input"}});
  // Trailing blank lines and spaces: still just past the '+'.
  CHECK(errors(parse("fact a: int\nlet b = a +\n\n  \n").diagnostics) ==
        std::vector<Error>{{{23, 23}, "expected operand, got end of input"}});
  // Comments after the last token do not move the error onto them.
  CHECK(errors(parse("let b = a + # comment").diagnostics) ==
        std::vector<Error>{{{11, 12}, "expected operand, got end of input"}});
  CHECK(errors(parse("let b = a +\n# the end\n").diagnostics) ==
        std::vector<Error>{{{11, 11}, "expected operand, got end of input"}});
  CHECK(errors(parse("let x = \"abc").diagnostics) ==
        std::vector<Error>{{{12, 12}, "expected closing '\"', got end of input"}});
}

TEST_CASE("parser: a stray line after a declaration is reported once", "[dsl]") {
  const std::string text = "fact a: int\nstuff\n\n)\n  ] indented, skipped\nfact b: int\n";
  const Parsed parsed = parse(text);
  CHECK(errors(parsed.diagnostics) ==
        std::vector<Error>{{find(text, "stuff"), "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got 'stuff'"},
                           {find(text, ")"), "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got ')'"}});
  REQUIRE(parsed.file.facts.size() == 2);
  CHECK(parsed.file.facts[1].name.text == "b");

  // The token that was found where an operand was expected is reported once, not again as a
  // stray declaration.
  const std::string operand = "let x = a +\n\n) # a comment\nfact b: int\n";
  const Parsed missing = parse(operand);
  CHECK(errors(missing.diagnostics) == std::vector<Error>{{find(operand, ")"), "expected operand, got ')'"}});
  REQUIRE(missing.file.facts.size() == 1);

  // A declaration keyword on the next line is where parsing resumes, even though it is also
  // the token that was reported.
  const std::string keyword = "let x = a +\nstrategy s { en: \"S\" }\n";
  const Parsed resumed = parse(keyword);
  CHECK(errors(resumed.diagnostics) == std::vector<Error>{{find(keyword, "strategy"), "expected operand, got 'strategy'"}});
  REQUIRE(resumed.file.strategies.size() == 1);
  CHECK(resumed.file.strategies[0].name.text == "s");
}

TEST_CASE("parser: review regressions in error recovery and wording", "[dsl][diagnostics]") {
  SECTION("the declaration after an unclosed one is still checked") {
    const auto result = forbear::load_rules_from_string("ruleset t version \"1\"\nfact x: int\nlet c = (x\nfact zz: int =\nrule r3 when x > 1 then s += 1\n", "r.rules");
    std::vector<std::string> messages;
    for (const auto& d : result.diagnostics) messages.push_back(std::to_string(forbear::locate(result.sources[0].text, d.span.begin).line) + ": " + d.message);
    CHECK(messages == std::vector<std::string>{"4: expected ')', got 'fact'", "5: expected operand, got 'rule'"});
  }
  SECTION("comparisons do not chain") {
    const auto result = forbear::load_rules_from_string("ruleset t version \"1\"\nfact x: int\nlet a = x < 1 < 3\n", "r.rules");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message == "expected 'and' between two comparisons (they do not chain), got '<'");
  }
  SECTION("a control character is named, not printed") {
    const std::string text = std::string("ruleset t version \"1\"\nfact x: int\n") + '\0' + "\n";
    const auto result = forbear::load_rules_from_string(text, "r.rules");
    REQUIRE_FALSE(result.diagnostics.empty());
    CHECK(result.diagnostics[0].message ==
          "expected declaration (fact, let, output, strategy, advice, rule, ruleset or include), got control character 0x00");
  }
}
