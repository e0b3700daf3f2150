#pragma once

#include "peer_case.hpp"

namespace forbear::peers {

/// The workload computed by hand: a plain `if` chain over the case's fields (peer-workload.md §2-§5).
/// It defines the expected output of every case, and is the "hand-written C" row of the table.
PeerOutcome reference_outcome(const PeerCase& c) noexcept;

}  // namespace forbear::peers
