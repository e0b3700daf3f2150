#include "lint/context.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "lint/canonical.hpp"
#include "lint/satisfiability.hpp"

namespace forbear::detail::lint {
namespace {

void mark_owner(const Program& program, ExprId id, Slot owner, std::vector<Slot>& owners) {
  owners[id] = owner;
  for (ExprId arg : program.exprs[id].args) mark_owner(program, arg, owner, owners);
}

// The operands of a chain of one operator (`a and b and c`), in the order written.
void flatten(const Program& program, ExprId id, Op op, std::vector<ExprId>& out) {
  const Expr& expr = program.exprs[id];
  if (expr.op != op) {
    out.push_back(id);
    return;
  }
  for (ExprId arg : expr.args) flatten(program, arg, op, out);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Parentheses in `text` that close with no opening one, and that open and do not close (outside
// strings and comments).
std::pair<int, int> unbalanced(std::string_view text) {
  int depth = 0;
  int lowest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      lowest = std::min(lowest, --depth);
    }
  }
  return {-lowest, depth - lowest};
}

}  // namespace

LintContext::LintContext(const Program& program, std::vector<Diagnostic>& out)
    : program_(program), out_(out), parents_(program.exprs.size(), kNone), owners_(program.exprs.size(), kNone) {
  for (ExprId id = 0; id < program.exprs.size(); ++id) {
    for (ExprId arg : program.exprs[id].args) parents_[arg] = id;
  }
  for (Slot slot = program.fact_count; slot < program.values.size(); ++slot) {
    if (program.values[slot].expr != kNone) mark_owner(program, program.values[slot].expr, slot, owners_);
  }
  TruthAnalysis analysis(program);
  for (const Rule& rule : program.rules) {
    RuleCondition condition;
    condition.when_true = analysis.when_true(rule.condition);
    condition.can_fire = std::any_of(condition.when_true.alternatives.begin(), condition.when_true.alternatives.end(),
                                     [&](const Alternative& a) { return !find_conflict(program, a); });
    condition.key = canonical(program, rule.condition);
    condition.conjuncts = canonical_conjuncts(program, rule.condition);
    conditions_.push_back(std::move(condition));
  }
}

bool LintContext::implies(std::size_t premise, std::size_t conclusion) const {
  const RuleCondition& p = conditions_[premise];
  const RuleCondition& c = conditions_[conclusion];
  if (p.key == c.key) return true;
  // Every `and` operand of the conclusion is one of the premise's: the premise asks for more.
  if (std::includes(p.conjuncts.begin(), p.conjuncts.end(), c.conjuncts.begin(), c.conjuncts.end())) return true;
  return lint::implies(program_, p.when_true, c.when_true);
}

std::optional<SourceSpan> LintContext::closed(SourceSpan where) const {
  if (where.file >= program_.sources.size()) return where;
  const std::string& source = program_.sources[where.file].text;
  where.end = std::min<std::uint32_t>(where.end, static_cast<std::uint32_t>(source.size()));
  where.begin = std::min(where.begin, where.end);
  const auto [closing, opening] = unbalanced(std::string_view(source).substr(where.begin, where.end - where.begin));
  for (int i = 0; i < closing; ++i) {
    std::uint32_t at = where.begin;
    while (at > 0 && is_space(source[at - 1])) --at;
    if (at == 0 || source[at - 1] != '(') return std::nullopt;
    where.begin = at - 1;
  }
  for (int i = 0; i < opening; ++i) {
    std::uint32_t at = where.end;
    while (at < source.size() && (is_space(source[at]) || source[at] == '#')) {
      if (source[at] == '#') {
        while (at < source.size() && source[at] != '\n') ++at;
      } else {
        ++at;
      }
    }
    if (at == source.size() || source[at] != ')') return std::nullopt;
    where.end = at + 1;
  }
  return where;
}

SourceSpan LintContext::span(ExprId id) const {
  const SourceSpan& where = program_.exprs[id].span;
  return closed(where).value_or(where);
}

std::string LintContext::text(const SourceSpan& span) const {
  if (span.file >= program_.sources.size()) return {};
  const std::string& source = program_.sources[span.file].text;
  const std::size_t end = std::min<std::size_t>(span.end, source.size());
  std::string out;
  bool in_string = false;
  bool pending_space = false;
  for (std::size_t i = std::min<std::size_t>(span.begin, end); i < end; ++i) {
    const char c = source[i];
    if (!in_string && c == '#') {
      while (i + 1 < end && source[i + 1] != '\n') ++i;
      pending_space = true;
      continue;
    }
    if (!in_string && is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c;
    if (c == '"') in_string = !in_string;
    if (in_string && c == '\\' && i + 1 < end) out += source[++i];
  }
  return out;
}

ExprId LintContext::shown(const Atom& atom) const {
  const ExprId above = parents_[atom.origin];
  if (atom.origin_false && above != kNone && program_.exprs[above].op == Op::logical_not) return above;
  return atom.origin;
}

std::string LintContext::quote(const Atom& atom) const {
  const ExprId origin = atom.origin;
  std::string written = text(span(shown(atom)));
  if (atom.origin_false && shown(atom) == origin) written = "not (" + written + ")";
  std::string out = "'" + written + "'";
  if (owners_[origin] != kNone) out += " (in '" + program_.values[owners_[origin]].name + "')";
  return out;
}

SourceSpan LintContext::covering(ExprId root, const std::vector<ExprId>& anchors) const {
  std::vector<ExprId> known;
  for (ExprId anchor : anchors) {
    if (anchor != kNone) known.push_back(anchor);
  }
  if (known.empty()) return span(root);
  const auto holds = [&](ExprId ancestor, ExprId id) {
    for (ExprId at = id; at != kNone; at = parents_[at]) {
      if (at == ancestor) return true;
    }
    return false;
  };
  ExprId common = root;
  for (ExprId candidate = known.front(); candidate != kNone; candidate = parents_[candidate]) {
    if (std::all_of(known.begin(), known.end(), [&](ExprId id) { return holds(candidate, id); })) {
      common = candidate;
      break;
    }
  }
  // In a chain `a and b and c` (read as `(a and b) and c`), only the operands from the first to
  // the last that hold an anchor: `b and c`, when the parentheses allow it.
  const Expr& node = program_.exprs[common];
  if (node.op == Op::logical_and || node.op == Op::logical_or) {
    std::vector<ExprId> operands;
    flatten(program_, common, node.op, operands);
    std::size_t first = operands.size();
    std::size_t last = 0;
    for (std::size_t i = 0; i < operands.size(); ++i) {
      if (std::any_of(known.begin(), known.end(), [&](ExprId id) { return holds(operands[i], id); })) {
        first = std::min(first, i);
        last = i;
      }
    }
    if (first < operands.size() && (first > 0 || last + 1 < operands.size())) {
      const SourceSpan& from = program_.exprs[operands[first]].span;
      const SourceSpan& to = program_.exprs[operands[last]].span;
      if (const auto part = closed({from.file, from.begin, to.end})) return *part;
    }
  }
  return span(common);
}

void LintContext::warn(SourceSpan where, std::string message, std::vector<DiagnosticNote> notes) {
  out_.push_back({Severity::warning, where, std::move(message), std::move(notes)});
}

}  // namespace forbear::detail::lint
