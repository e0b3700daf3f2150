#include "graph/decision_graph.hpp"

#include <algorithm>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/graph/topological_sort.hpp>

namespace forbear::detail {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

Graph to_boost(std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  Graph graph(count);
  for (const auto& [from, to] : edges) boost::add_edge(from, to, graph);
  return graph;
}

void template_slots(const Template& text, std::set<Slot>& out) {
  for (const auto& piece : text.pieces) {
    if (piece.slot != kNone) out.insert(piece.slot);
  }
}

void label_slots(const Label& label, std::set<Slot>& out) {
  template_slots(label.zh, out);
  template_slots(label.en, out);
}

// A DOT string; a line break becomes DOT's centred line break.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// ", name=\"value\"" when the value is set.
std::string attribute(const char* name, const std::string& value) {
  return value.empty() ? std::string() : std::string(", ") + name + "=" + quoted(value);
}

}  // namespace

const char* kind_name(DecisionGraph::Kind kind) noexcept {
  static const char* const kNames[] = {"fact", "let", "output", "rule", "strategy", "advice"};
  return kNames[static_cast<int>(kind)];
}

DecisionGraph::DecisionGraph(const Program& program) {
  for (const auto& value : program.values) {
    const Kind kind = value.kind == ValueKind::fact ? Kind::fact : value.kind == ValueKind::let ? Kind::let : Kind::output;
    vertices_.push_back({kind, value.name});
  }
  const std::size_t rules_at = rules_at_ = vertices_.size();
  for (const auto& rule : program.rules) vertices_.push_back({Kind::rule, rule.name});
  const std::size_t strategies_at = strategies_at_ = vertices_.size();
  for (const auto& strategy : program.strategies) vertices_.push_back({Kind::strategy, strategy.name});
  const std::size_t advice_at = advice_at_ = vertices_.size();
  for (const auto& item : program.advice) vertices_.push_back({Kind::advice, item.id});

  for (Slot slot = 0; slot < program.values.size(); ++slot) {
    for (Slot read : program.values[slot].depends_on) edges_.emplace_back(read, slot);
  }
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    std::vector<Slot> condition_reads;
    collect_slots(program, rule.condition, condition_reads);
    std::set<Slot> reads(condition_reads.begin(), condition_reads.end());
    label_slots(rule.because, reads);
    for (Slot read : reads) edges_.emplace_back(read, rules_at + r);
    std::set<std::size_t> targets;
    for (const auto& effect : rule.effects) {
      targets.insert(effect.kind == EffectKind::advise ? advice_at + effect.target : strategies_at + effect.target);
    }
    for (std::size_t target : targets) edges_.emplace_back(rules_at + r, target);
  }
  for (std::size_t s = 0; s < program.strategies.size(); ++s) {
    std::set<Slot> reads;
    label_slots(program.strategies[s].label, reads);
    for (Slot read : reads) edges_.emplace_back(read, strategies_at + s);
  }
  for (std::size_t a = 0; a < program.advice.size(); ++a) {
    std::set<Slot> reads;
    label_slots(program.advice[a].text, reads);
    for (Slot read : reads) edges_.emplace_back(read, advice_at + a);
  }
}

std::vector<DecisionGraph::Vertex> DecisionGraph::dependents(std::string_view value_name) const {
  const auto start = std::find_if(vertices_.begin(), vertices_.end(), [&](const Vertex& v) {
    return v.name == value_name && (v.kind == Kind::fact || v.kind == Kind::let || v.kind == Kind::output);
  });
  if (start == vertices_.end()) return {};
  const Graph graph = to_boost(vertices_.size(), edges_);
  std::vector<boost::default_color_type> color(vertices_.size(), boost::white_color);
  const auto source = static_cast<std::size_t>(start - vertices_.begin());
  boost::breadth_first_visit(graph, source, boost::visitor(boost::default_bfs_visitor())
                                                .color_map(boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, graph))));
  std::vector<std::size_t> order;
  boost::topological_sort(graph, std::back_inserter(order));
  std::vector<Vertex> reached;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (*it != source && color[*it] != boost::white_color) reached.push_back(vertices_[*it]);
  }
  return reached;
}

void DecisionGraph::write_dot(std::ostream& out, const std::string& title, const GraphLooks* looks) const {
  const Graph graph = to_boost(vertices_.size(), edges_);
  const auto vertex_writer = [this, looks](std::ostream& os, std::size_t v) {
    static const char* const kShapes[] = {"ellipse", "ellipse", "doubleoctagon", "box", "hexagon", "note"};
    static const char* const kColors[] = {"#dbeafe", "#e0e7ff", "#ede9fe", "#fef3c7", "#dcfce7", "#f1f5f9"};
    const Vertex& vertex = vertices_[v];
    static const VertexLook kPlain;
    const VertexLook& look = looks && v < looks->vertices.size() ? looks->vertices[v] : kPlain;
    os << "[label=" << quoted(look.label.empty() ? vertex.name : look.label) << ", shape=" << kShapes[static_cast<int>(vertex.kind)]
       << ", style=" << (look.style.empty() ? "filled" : quoted(look.style))
       << ", fillcolor=" << quoted(look.fillcolor.empty() ? kColors[static_cast<int>(vertex.kind)] : look.fillcolor)
       << attribute("color", look.color) << attribute("fontcolor", look.fontcolor) << attribute("penwidth", look.penwidth)
       << attribute("tooltip", look.tooltip) << ", id=" << quoted(std::string(kind_name(vertex.kind)) + ":" + vertex.name) << "]";
  };
  const auto edge_writer = [&graph, looks](std::ostream& os, const Graph::edge_descriptor& edge) {
    if (!looks) return;
    const auto found = looks->edges.find({boost::source(edge, graph), boost::target(edge, graph)});
    if (found == looks->edges.end()) return;
    const EdgeLook& look = found->second;
    std::string attributes = attribute("color", look.color) + attribute("penwidth", look.penwidth) + attribute("style", look.style);
    if (!attributes.empty()) os << "[" << attributes.substr(2) << "]";
  };
  const auto graph_writer = [&title](std::ostream& os) {
    os << "rankdir=LR;\nlabel=" << quoted(title) << ";\nnode [fontname=\"sans-serif\"];\n";
  };
  boost::write_graphviz(out, graph, vertex_writer, edge_writer, graph_writer);
}

}  // namespace forbear::detail
