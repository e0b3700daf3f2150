#pragma once

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/decimal.hpp"
#include "forbear/ruleset.hpp"

namespace forbear {

/// A fired rule's part in a strategy's score or veto, or in an advice item.
struct Contribution {
  std::string rule;                  ///< the rule's name
  Decimal points;                    ///< points given (negative when subtracted; 0 for a veto)
  LocalizedText reason;              ///< the rule's `because` text, values filled in
  std::vector<std::string> sources;  ///< the rule's `source` citations
  std::string location;              ///< "file:line" of the rule
};

/// A strategy that was not vetoed, with its place in the ranking.
struct RankedStrategy {
  std::string id;
  int rank = 0;  ///< 1 for the best
  Decimal score;
  LocalizedText label;
  std::vector<Contribution> because;  ///< the fired rules that gave it points
};

/// A vetoed strategy: the rules that excluded it, and the points it would have had.
struct Exclusion {
  std::string id;
  LocalizedText label;
  Decimal score;
  std::vector<Contribution> vetoed_by;
  std::vector<Contribution> because;
};

/// A recommended advice item (document, channel, script, follow-up step...).
struct AdviceEntry {
  std::string id;
  std::string kind;  ///< the id's family, the part before the first dot
  LocalizedText text;
  std::vector<std::string> rules;  ///< the fired rules that recommended it
};

/// A fact that was unknown and whose value could have changed the result: the advisor's next
/// question. One value of it at a time is tried (every enum and bool value, numbers just around
/// the points where a condition changes) to see how far it would move the ranking.
struct MissingFact {
  std::string fact;
  LocalizedText description;
  std::vector<std::string> rules;  ///< rules left undecided because of it
  Decimal weight;                  ///< points at stake in those rules (vetoes count as 100)
  bool could_change_top = false;   ///< some value of it would put another strategy first (or none)
  int positions_moved = 0;         ///< the most places one value moves the strategies (0: none moves them)
  nlohmann::json with_value;       ///< that value, as in case JSON (null when no value moves the ranking)
  std::string new_top;             ///< the strategy first with that value ("" unless could_change_top, or none would rank)
};

/// How one rule fared: "fired", "not_fired" or "unknown".
struct RuleTrace {
  std::string rule;
  std::string status;
  std::string condition;              ///< e.g. "days_overdue (45) <= 30 → false"
  std::vector<std::string> missing;   ///< unknown facts the condition needed
  std::string location;
};

/// The value a derived fact or output took, and how.
struct ValueTrace {
  std::string name;
  std::string kind;        ///< "let" or "output"
  std::string expression;  ///< the definition with the values it saw
  std::string value;       ///< the value rendered, "unknown" when unknown
};

/// An arithmetic fault met while evaluating (division by zero, overflow).
struct Fault {
  std::string where;  ///< the rule or value being evaluated
  std::string message;
  std::string location;
};

/// Identifies the rules that produced an advice.
struct RulesetInfo {
  std::string name;
  std::string version;
  std::string sha256;
};

/// Everything an advice says, and why.
struct AdviceResult {
  nlohmann::json id;  ///< the case's "id", untouched (null when absent)
  RulesetInfo ruleset;
  std::vector<RankedStrategy> strategies;
  std::vector<Exclusion> excluded;
  std::vector<std::pair<std::string, nlohmann::json>> outputs;  ///< in declaration order
  std::vector<AdviceEntry> advice;
  std::vector<MissingFact> missing;
  std::vector<RuleTrace> trace;
  std::vector<ValueTrace> values;
  std::vector<Fault> faults;
};

/// The result as JSON, keys in a fixed order (schema: docs/result-schema.md).
nlohmann::ordered_json to_json(const AdviceResult& result);

/// The result as text for people, in "zh" or "en".
std::string render_text(const AdviceResult& result, std::string_view lang);

}  // namespace forbear
