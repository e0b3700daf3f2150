#pragma once

#include <cstdint>
#include <vector>

namespace forbear::detail {

/// The derived values in an order where each comes after everything it reads, and the groups of
/// values that read each other in a cycle (each cycle listed as a path, first member repeated
/// at the end is left to the caller). Values in a cycle are left out of the order.
struct ValueOrder {
  std::vector<std::uint32_t> order;
  std::vector<std::vector<std::uint32_t>> cycles;
};

/// Orders vertices 0..n-1 where reads[v] lists the vertices v reads (Boost.Graph: strong
/// components for the cycles, topological sort for the order).
ValueOrder order_values(const std::vector<std::vector<std::uint32_t>>& reads);

}  // namespace forbear::detail
