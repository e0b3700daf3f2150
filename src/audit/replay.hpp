#pragma once

// Replaying an audit record: the logged case advised on again by another rule set, and what differs.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/ruleset.hpp"

namespace forbear::detail {

/// One difference in what an advice decided.
struct DecisionChange {
  /// "top" (the first strategy), "ranking" (the ids in order), "score" (of `subject`), "vetoed_by"
  /// (the rules that exclude `subject`: [] when it is not excluded), "advice" (item `subject`: was
  /// it recommended) or "output" (`subject`'s value).
  std::string what;
  std::string subject;
  nlohmann::ordered_json before;  ///< as logged
  nlohmann::ordered_json after;   ///< as replayed
};

/// A rule that accounts for a difference.
struct RuleChange {
  std::string rule;
  /// "now fires", "no longer fires", "no longer fires (no longer in the rules)", or
  /// "gives STRATEGY N points (was M)".
  std::string change;
  std::string location;  ///< "file:line" in the replayed rules ("" when it is no longer there)
};

/// What replaying one line of an audit log found.
struct ReplayedRecord {
  enum class Verdict { same, different, cannot_replay, malformed };
  std::size_t line = 0;  ///< 1-based
  Verdict verdict = Verdict::malformed;
  nlohmann::ordered_json id;  ///< the case's "id" when the record has one (null otherwise)
  std::vector<DecisionChange> changes;
  std::vector<RuleChange> rules;
  std::string reason;  ///< why it cannot be replayed, or how it is malformed
};

/// Replays line `number` of an audit log against `rules`. A masked or dropped fact is left unknown:
/// when a rule or output the comparison needs stays undecided without it, the record cannot be
/// replayed ("depends on masked fact F"); otherwise its value could not have mattered.
ReplayedRecord replay_record(const RuleSet& rules, std::string_view line, std::size_t number);

/// The verdict's name: "same", "different", "cannot_replay" or "malformed".
std::string_view verdict_name(ReplayedRecord::Verdict verdict);

}  // namespace forbear::detail
