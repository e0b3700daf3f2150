#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "model/program.hpp"

namespace forbear::detail {

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

  /// Graphviz DOT: one node per vertex, shaped and grouped by kind.
  void write_dot(std::ostream& out, const std::string& title) const;

 private:
  std::vector<Vertex> vertices_;
  std::vector<std::pair<std::size_t, std::size_t>> edges_;
};

/// The kind's name as used in DOT ids and listings: "fact", "let", "output", "rule", "strategy", "advice".
const char* kind_name(DecisionGraph::Kind kind) noexcept;

}  // namespace forbear::detail
