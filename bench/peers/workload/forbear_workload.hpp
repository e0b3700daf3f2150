#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "peer_case.hpp"

namespace forbear::peers {

/// The workload run through forbear's public API: parse_case, then advise, then the outcome read
/// back from the AdviceResult (scores of the ranked strategies, 0 for the excluded ones, the fired
/// rules from their contributions and vetoes, the first ranked strategy as top when it scored).
class ForbearWorkload {
 public:
  /// Loads the rule file; throws std::runtime_error with the rendered diagnostics when it does not load.
  explicit ForbearWorkload(const std::filesystem::path& rules_file);

  /// Evaluates one case given as a JSON object (as a host holds it); throws std::runtime_error
  /// when parse_case refuses it.
  PeerOutcome evaluate(const nlohmann::json& facts, bool trace) const;

  const RuleSet& rules() const noexcept { return rules_; }

 private:
  RuleSet rules_;
};

/// The workload's outcome read back from an advice (see ForbearWorkload); throws std::runtime_error
/// when the advice names a rule or strategy the workload does not have, or a score is not whole.
PeerOutcome outcome_from_advice(const AdviceResult& advice);

}  // namespace forbear::peers
