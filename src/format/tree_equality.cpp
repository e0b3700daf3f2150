#include "format/tree_equality.hpp"

#include <algorithm>
#include <utility>

#include "format/number_spelling.hpp"

namespace forbear::detail::format {
namespace {

namespace pt = dsl::pt;

bool same(const pt::Name& a, const pt::Name& b) { return a.text == b.text; }
bool same(const pt::Text& a, const pt::Text& b) { return a.raw == b.raw; }
bool same(const pt::LangText& a, const pt::LangText& b) { return same(a.lang, b.lang) && same(a.text, b.text); }

bool same(const pt::Node& a, const pt::Node& b);
bool same(const pt::RulesetDecl& a, const pt::RulesetDecl& b);
bool same(const pt::IncludeDecl& a, const pt::IncludeDecl& b);
bool same(const pt::FactDecl& a, const pt::FactDecl& b);
bool same(const pt::ValueDecl& a, const pt::ValueDecl& b);
bool same(const pt::StrategyDecl& a, const pt::StrategyDecl& b);
bool same(const pt::AdviceDecl& a, const pt::AdviceDecl& b);
bool same(const pt::Effect& a, const pt::Effect& b);
bool same(const pt::RuleDecl& a, const pt::RuleDecl& b);

// Element by element (the parse tree's types live in another namespace, so the overloads above
// are declared before this template, which finds them by ordinary lookup).
template <typename T>
bool same(const std::vector<T>& a, const std::vector<T>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const T& x, const T& y) { return same(x, y); });
}

bool same(const std::optional<pt::NodeId>& a, const std::optional<pt::NodeId>& b) { return a == b; }

bool same(const pt::Node& a, const pt::Node& b) {
  const bool numbers = a.kind == pt::NodeKind::number && b.kind == pt::NodeKind::number;
  const bool text = numbers ? canonical_number(a.text) == canonical_number(b.text) : a.text == b.text;
  return a.kind == b.kind && text && a.children == b.children && a.negated == b.negated;
}

bool same(const pt::TypeSpec& a, const pt::TypeSpec& b) { return same(a.kind, b.kind) && same(a.values, b.values); }

bool same(const std::optional<pt::RangeSpec>& a, const std::optional<pt::RangeSpec>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (same(a->low, b->low) && same(a->high, b->high));
}

bool same(const pt::RulesetDecl& a, const pt::RulesetDecl& b) { return same(a.name, b.name) && same(a.version, b.version); }
bool same(const pt::IncludeDecl& a, const pt::IncludeDecl& b) { return same(a.path, b.path); }

bool same(const pt::FactDecl& a, const pt::FactDecl& b) {
  return same(a.name, b.name) && same(a.type, b.type) && same(a.range, b.range) && a.default_value == b.default_value &&
         same(a.description, b.description);
}

bool same(const pt::ValueDecl& a, const pt::ValueDecl& b) {
  return same(a.name, b.name) && a.value == b.value && a.published == b.published && same(a.description, b.description);
}

bool same(const pt::StrategyDecl& a, const pt::StrategyDecl& b) { return same(a.name, b.name) && same(a.label, b.label); }
bool same(const pt::AdviceDecl& a, const pt::AdviceDecl& b) { return same(a.id, b.id) && same(a.label, b.label); }

bool same(const pt::Effect& a, const pt::Effect& b) {
  return a.kind == b.kind && same(a.target, b.target) && canonical_number(a.points.text) == canonical_number(b.points.text);
}

bool same(const pt::RuleDecl& a, const pt::RuleDecl& b) {
  return same(a.name, b.name) && a.condition == b.condition && same(a.effects, b.effects) && same(a.because, b.because) &&
         same(a.sources, b.sources);
}

// The kinds of declarations in the order they are written (the tree keeps one list per kind).
std::vector<int> written_order(const pt::File& file) {
  std::vector<std::pair<std::uint32_t, int>> starts;
  auto add = [&](const auto& list, int kind) {
    for (const auto& declaration : list) starts.emplace_back(declaration.span.begin, kind);
  };
  add(file.rulesets, 0);
  add(file.includes, 1);
  add(file.facts, 2);
  add(file.values, 3);
  add(file.strategies, 4);
  add(file.advice, 5);
  add(file.rules, 6);
  std::sort(starts.begin(), starts.end());
  std::vector<int> kinds;
  for (const auto& start : starts) kinds.push_back(start.second);
  return kinds;
}

}  // namespace

bool same_declarations(const pt::File& a, const pt::File& b) {
  return same(a.nodes, b.nodes) && same(a.rulesets, b.rulesets) && same(a.includes, b.includes) && same(a.facts, b.facts) &&
         same(a.values, b.values) && same(a.strategies, b.strategies) && same(a.advice, b.advice) && same(a.rules, b.rules) &&
         written_order(a) == written_order(b);
}

}  // namespace forbear::detail::format
