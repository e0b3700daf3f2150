#include "graph/value_order.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

namespace forbear::detail {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// A path through the members of one strongly connected component that returns to its start.
std::vector<std::uint32_t> cycle_path(const std::vector<std::vector<std::uint32_t>>& reads,
                                      const std::vector<int>& component, std::uint32_t start) {
  std::vector<std::uint32_t> path{start};
  std::vector<bool> seen(reads.size(), false);
  seen[start] = true;
  std::uint32_t at = start;
  for (;;) {
    bool moved = false;
    for (std::uint32_t next : reads[at]) {
      if (component[next] != component[start]) continue;
      if (next == start && path.size() > 1) return path;
      if (next == start && path.size() == 1 && std::find(reads[at].begin(), reads[at].end(), start) != reads[at].end()) {
        return path;  // a value that reads itself
      }
      if (!seen[next]) {
        seen[next] = true;
        path.push_back(next);
        at = next;
        moved = true;
        break;
      }
    }
    if (!moved) {
      // Every neighbour inside the component is already on the path: close the loop at the
      // first of them that leads back.
      for (std::uint32_t next : reads[at]) {
        if (component[next] == component[start]) {
          auto found = std::find(path.begin(), path.end(), next);
          return std::vector<std::uint32_t>(found, path.end());
        }
      }
      return path;
    }
  }
}

}  // namespace

ValueOrder order_values(const std::vector<std::vector<std::uint32_t>>& reads) {
  const std::size_t count = reads.size();
  Graph graph(count);
  for (std::uint32_t v = 0; v < count; ++v) {
    for (std::uint32_t read : reads[v]) boost::add_edge(read, v, graph);  // edge: input -> reader
  }

  std::vector<int> component(count);
  boost::strong_components(graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
  std::map<int, std::vector<std::uint32_t>> members;
  for (std::uint32_t v = 0; v < count; ++v) members[component[v]].push_back(v);

  ValueOrder result;
  std::vector<bool> cyclic(count, false);
  for (const auto& [id, group] : members) {
    const std::uint32_t first = group.front();
    const bool reads_itself = std::find(reads[first].begin(), reads[first].end(), first) != reads[first].end();
    if (group.size() > 1 || reads_itself) {
      for (std::uint32_t v : group) cyclic[v] = true;
      result.cycles.push_back(cycle_path(reads, component, first));
    }
  }

  // Edges point from a reader to what it reads, so the order in which depth-first search finishes
  // vertices (topological_sort's output) has every input before its readers, and values that do
  // not depend on each other keep their declaration order. Cyclic vertices are left out.
  Graph acyclic(count);
  for (std::uint32_t v = 0; v < count; ++v) {
    if (cyclic[v]) continue;
    for (std::uint32_t read : reads[v]) {
      if (!cyclic[read]) boost::add_edge(v, read, acyclic);
    }
  }
  std::vector<std::size_t> finished;
  boost::topological_sort(acyclic, std::back_inserter(finished));
  for (std::size_t v : finished) {
    if (!cyclic[v]) result.order.push_back(static_cast<std::uint32_t>(v));
  }
  return result;
}

}  // namespace forbear::detail
