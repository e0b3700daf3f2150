#pragma once

// Needs forbear's bound-facts API (forbear/evaluator.hpp: Evaluator, Context, Outcome); built only when
// the forbear tree has it.

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/evaluator.hpp"
#include "peer_case.hpp"

namespace forbear::peers {

/// The workload through forbear's bound-facts API: fact names bound to slots and enum members looked
/// up once; per case the facts are set in a reused Context (from a typed case, or from a JSON object
/// with Context::assign), evaluated, and the outcome read back without the explanation.
class ForbearBoundWorkload {
 public:
  /// Compiles the rule set for the fast path and binds the workload's facts; throws
  /// std::runtime_error when a fact, enum member, strategy or rule of the workload is missing.
  explicit ForbearBoundWorkload(const RuleSet& rules);

  /// Evaluates a case whose facts the host already holds typed.
  PeerOutcome evaluate(const PeerCase& c);
  /// Evaluates a case given as a JSON object; throws std::runtime_error when forbear refuses it.
  PeerOutcome evaluate(const nlohmann::json& facts);

 private:
  PeerOutcome read(Outcome outcome) const;

  Evaluator evaluator_;
  Context context_;
  std::array<FactSlot, 12> slots_{};
  std::array<EnumMember, 9> hardships_{};
  std::array<EnumMember, 3> credit_histories_{};
  std::vector<int> strategy_of_;  // evaluator's strategy index -> the workload's
  std::vector<int> rule_of_;      // evaluator's rule index -> bit in PeerOutcome::fired
};

}  // namespace forbear::peers
