// write_dot(out, rules, case, lang): the decision graph with the path one case took highlighted.

#include <stdexcept>

#include "eval/outcome.hpp"
#include "eval/render.hpp"
#include "forbear/explain.hpp"
#include "graph/decision_graph.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

using detail::DecisionGraph;
using detail::EdgeLook;
using detail::GraphLooks;
using detail::Program;
using detail::RuleStatus;
using detail::VertexLook;

// The looks of the picture: the path in dark red, what is off it in grey.
const char* const kPathColor = "#b91c1c";
const char* const kPathWidth = "2.5";
const char* const kGreyFill = "#e5e7eb";
const char* const kGreyText = "#6b7280";
const char* const kGreyLine = "#9ca3af";
const char* const kExcludedFill = "#fecaca";

// Values longer than this many characters are cut in node labels.
constexpr std::size_t kLongestValue = 40;

std::string shortened(const std::string& text) {
  if (detail::code_point_count(text) <= kLongestValue) return text;
  std::string out;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < kLongestValue - 1 && offset < text.size(); ++i) {
    detail::append_utf8(out, detail::next_code_point(text, offset));
  }
  return out + "\xE2\x80\xA6";
}

void mark_path(VertexLook& look) {
  look.color = kPathColor;
  look.penwidth = kPathWidth;
}

void grey(VertexLook& look) {
  look.fillcolor = kGreyFill;
  look.fontcolor = kGreyText;
  look.color = kGreyLine;
}

}  // namespace

void write_dot(std::ostream& out, const RuleSet& rules, const Case& facts, std::string_view lang) {
  if (!facts.bound_to(rules)) {
    throw std::invalid_argument("forbear::write_dot: the case was read against another rule set; read it with parse_case(rules, ...)");
  }
  const Program& program = rules.program();
  const detail::Outcome outcome = detail::evaluate_outcome(program, facts.facts());
  const DecisionGraph graph(program);
  const bool zh = lang == "zh";
  GraphLooks looks;
  looks.vertices.resize(graph.vertices().size());
  std::vector<bool> on_path(graph.vertices().size(), false);

  // The path: fired rules, what they target, and every value they read, back to the facts.
  std::vector<std::size_t> pending;
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    if (outcome.status[r] != RuleStatus::fired) continue;
    on_path[graph.rule_vertex(r)] = true;
    pending.push_back(graph.rule_vertex(r));
    for (const auto& effect : program.rules[r].effects) {
      on_path[effect.kind == detail::EffectKind::advise ? graph.advice_vertex(effect.target) : graph.strategy_vertex(effect.target)] = true;
    }
  }
  while (!pending.empty()) {
    const std::size_t reader = pending.back();
    pending.pop_back();
    for (const auto& [from, to] : graph.edges()) {
      if (to != reader || from >= program.values.size() || on_path[from]) continue;
      on_path[from] = true;
      pending.push_back(from);
    }
  }
  for (const auto& [from, to] : graph.edges()) {
    const bool from_value = from < program.values.size();
    const bool live = on_path[from] && on_path[to] && (!from_value || to < graph.strategy_vertex(0));
    looks.edges[{from, to}] = live ? EdgeLook{kPathColor, "2", ""} : EdgeLook{kGreyLine, "", ""};
  }

  for (detail::Slot slot = 0; slot < program.values.size(); ++slot) {
    VertexLook& look = looks.vertices[slot];
    const auto& value = program.values[slot];
    look.label = value.name + "\n= " + shortened(detail::render_value(program, outcome.slots[slot], value.type));
    if (!is_known(outcome.slots[slot])) look.style = "filled,dashed";
    if (on_path[slot]) mark_path(look);
  }
  static const char* const kOutcomes[] = {"true", "false", "unknown"};
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    VertexLook& look = looks.vertices[graph.rule_vertex(r)];
    const auto& rule = program.rules[r];
    look.tooltip = detail::render_expr(program, rule.condition, outcome.slots) + " \xE2\x86\x92 " +
                   kOutcomes[static_cast<int>(outcome.status[r])];
    if (outcome.status[r] == RuleStatus::fired) {
      mark_path(look);
      continue;
    }
    grey(look);
    if (outcome.status[r] == RuleStatus::unknown) look.style = "filled,dashed";
  }
  for (std::size_t s = 0; s < program.strategies.size(); ++s) {
    VertexLook& look = looks.vertices[graph.strategy_vertex(s)];
    const std::string name = program.strategies[s].name;
    const std::string label = detail::render_label(program, program.strategies[s].label, outcome.slots).in(lang);
    const std::string score = outcome.scores[s].to_string();
    std::string standing;
    if (outcome.vetoed[s]) {
      standing = zh ? "已排除(" + score + " 分)" : "excluded (" + score + " points)";
      look.fillcolor = kExcludedFill;
      look.style = "filled,dashed";
    } else {
      const std::string rank = std::to_string(outcome.place(s) + 1);
      standing = zh ? "第" + rank + "名 · " + score + " 分" : "#" + rank + " \xC2\xB7 " + score + " points";
    }
    look.label = name + "\n" + shortened(label) + "\n" + standing;
    if (on_path[graph.strategy_vertex(s)]) mark_path(look);
  }
  for (std::size_t a = 0; a < program.advice.size(); ++a) {
    VertexLook& look = looks.vertices[graph.advice_vertex(a)];
    if (on_path[graph.advice_vertex(a)]) {
      mark_path(look);
    } else {
      grey(look);
    }
  }

  std::string title = program.name + " " + program.version;
  const auto& id = facts.id();
  if (!id.is_null()) title += " \xE2\x80\x94 " + (id.is_string() ? id.get<std::string>() : id.dump());
  graph.write_dot(out, title, &looks);
}

}  // namespace forbear
