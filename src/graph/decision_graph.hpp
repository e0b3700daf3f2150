#pragma once

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "model/program.hpp"

namespace forbear::detail {

/// How one vertex is drawn in a picture of a case; an empty field keeps the look of its kind.
struct VertexLook {
  std::string label;      ///< replaces the name (may hold line breaks)
  std::string style;      ///< replaces "filled", e.g. "filled,dashed"
  std::string fillcolor;
  std::string color;      ///< the outline
  std::string fontcolor;
  std::string penwidth;
  std::string tooltip;    ///< shown on hover in SVG
};

/// How one edge is drawn; empty fields are left out.
struct EdgeLook {
  std::string color;
  std::string penwidth;
  std::string style;
};

/// The looks of every vertex (by index) and edge (by (from, to)) in a picture of a case.
struct GraphLooks {
  std::vector<VertexLook> vertices;
  std::map<std::pair<std::size_t, std::size_t>, EdgeLook> edges;
};

/// The compiled rule set as a graph (Boost.Graph): facts -> derived facts and outputs -> rules ->
/// strategies and advice items. Built on demand for analysis and export; evaluation does not use it.
class DecisionGraph {
 public:
  enum class Kind : std::uint8_t { fact, let, output, rule, strategy, advice };
  struct Vertex {
    Kind kind;
    std::string name;
  };

  explicit DecisionGraph(const Program& program);

  const std::vector<Vertex>& vertices() const noexcept { return vertices_; }
  /// Edges as (from, to) vertex indices: `to` reads or is affected by `from`.
  const std::vector<std::pair<std::size_t, std::size_t>>& edges() const noexcept { return edges_; }

  /// Every vertex downstream of the named fact or derived value (what it can influence), in a
  /// topological order; empty when the name is not a value.
  std::vector<Vertex> dependents(std::string_view value_name) const;

  /// The vertex of rule `r`, strategy `s`, advice item `a` (a value's vertex is its slot).
  std::size_t rule_vertex(std::size_t r) const noexcept { return rules_at_ + r; }
  std::size_t strategy_vertex(std::size_t s) const noexcept { return strategies_at_ + s; }
  std::size_t advice_vertex(std::size_t a) const noexcept { return advice_at_ + a; }

  /// Graphviz DOT: one node per vertex, shaped and grouped by kind; `looks`, when given, changes
  /// how vertices and edges are drawn (a picture of one case).
  void write_dot(std::ostream& out, const std::string& title, const GraphLooks* looks = nullptr) const;

 private:
  std::size_t rules_at_ = 0;
  std::size_t strategies_at_ = 0;
  std::size_t advice_at_ = 0;
  std::vector<Vertex> vertices_;
  std::vector<std::pair<std::size_t, std::size_t>> edges_;
};

/// The kind's name as used in DOT ids and listings: "fact", "let", "output", "rule", "strategy", "advice".
const char* kind_name(DecisionGraph::Kind kind) noexcept;

}  // namespace forbear::detail
