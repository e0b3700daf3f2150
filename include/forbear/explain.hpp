#pragma once

// Explaining an advice: why a strategy did not rank higher (why_not), how the advice moves when
// facts change (what_if, diff), and the decision graph with one case's fired path (write_dot).

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/advice.hpp"
#include "forbear/case.hpp"
#include "forbear/engine.hpp"
#include "forbear/ruleset.hpp"

namespace forbear {

/// One fact given one value, e.g. x = true. The value is written as in case JSON (null
/// for unknown, an enum value by its name).
struct FactSetting {
  std::string fact;
  nlohmann::json value;
};

/// A part of a rule's condition that kept it from firing, with the values it saw.
struct ConditionPart {
  std::string expression;            ///< the part as written, each name followed by its value: "x (12) > 30"
  std::string outcome;               ///< "false" or "unknown"
  std::vector<std::string> missing;  ///< for an unknown part: the unknown facts that decide it
  /// What made it so, when the part alone does not show it: for a derived fact, the parts of its
  /// definition that were false or unknown; for `or`, each alternative.
  std::vector<ConditionPart> parts;
  bool alternatives = false;  ///< `parts` are alternatives (any one of them true would do), not all needed
};

/// A rule that names a strategy, and what it did or did not do for it.
struct RuleExplanation {
  std::string rule;
  std::string status;                 ///< "fired", "not_fired" or "unknown"
  Decimal points;                     ///< the points it gives the strategy (negative when it takes); 0 for a veto
  bool vetoes = false;                ///< it excludes the strategy
  std::string condition;              ///< the whole condition with values and outcome, as in the trace
  std::vector<ConditionPart> failed;  ///< when it did not fire: the parts of its condition that were false or unknown
  std::vector<std::string> missing;   ///< when unknown: the unknown facts that decide it
  std::optional<FactSetting> would_fire_with;  ///< one fact value that would make it fire, when one does
  LocalizedText reason;               ///< its `because` text, values filled in
  std::vector<std::string> sources;
  std::string location;               ///< "file:line"
};

/// A strategy that ranks above the one explained.
struct Rival {
  std::string id;
  LocalizedText label;
  int rank = 0;
  Decimal score;
  Decimal lead;  ///< its score minus the explained strategy's score
};

/// The one fact value that would raise a strategy most, and where the strategy would then stand.
struct Improvement {
  FactSetting change;
  int rank = 0;  ///< its rank with the change
  Decimal score;
};

/// Why a strategy stands where it does and not higher.
struct WhyNot {
  std::string strategy;
  LocalizedText label;
  bool excluded = false;
  int rank = 0;       ///< its rank; 0 when excluded
  Decimal score;      ///< its points (when excluded, the points it has all the same)
  /// The ranked strategies above it, best first; for an excluded strategy, the ones that would
  /// still rank above it if the veto were lifted (higher score, or equal and declared earlier).
  std::vector<Rival> ahead;
  std::vector<RuleExplanation> vetoed_by;          ///< fired rules that exclude it
  std::vector<RuleExplanation> took_points;        ///< fired rules that subtract points from it
  std::vector<RuleExplanation> gave_points;        ///< fired rules that give it points
  std::vector<RuleExplanation> could_have_helped;  ///< rules that give it points and did not fire, most points first
  std::optional<Improvement> best_change;          ///< the single fact value that raises it most, when one does
};

/// A why-not explanation, or why there is none (an unknown strategy).
struct WhyNotResult {
  std::optional<WhyNot> value;
  std::string error;  ///< e.g. "unknown strategy 'optoin_a' (did you mean 'option_a'?)"
  bool ok() const noexcept { return value.has_value(); }
};

/// Explains why `strategy` did not rank higher for `facts`. Every rule that names the strategy is
/// looked at: fired ones that vetoed it or took points, and not-fired or unknown ones that would
/// have given it points, with the parts of their conditions that were false or unknown. Facts
/// are changed one at a time (the values missing facts are tried with) to find a value that makes
/// each such rule fire and the value that raises the strategy most. Throws std::invalid_argument
/// when the case was read against another rule set.
WhyNotResult why_not(const RuleSet& rules, const Case& facts, std::string_view strategy);

/// One change of a what-if: a fact and its new value as written on a command line. The value is
/// read by the fact's type: `45`, `0.3`, `true`, an enum value by name, `"text"` or `text`, and `unknown`
/// (without quotes) to remove the fact.
struct FactChange {
  std::string fact;
  std::string value;
};

/// Splits "NAME=VALUE" at the first '='; nothing when there is no '=' or no name.
std::optional<FactChange> parse_fact_change(std::string_view text);

/// Reads `facts` (case JSON) with `changes` applied. Each change is read by its fact's type and
/// then checked exactly as case JSON is (parse_case), so errors read the same; a name that is not
/// a fact gets a did-you-mean, `id` (the case's name) and a fact changed twice are errors. Errors
/// in `facts` itself are reported as parse_case reports them.
CaseResult apply_changes(const RuleSet& rules, const nlohmann::json& facts, const std::vector<FactChange>& changes);

/// A strategy whose place or score changed. A rank of 0 means excluded.
struct RankChange {
  std::string id;
  int rank_before = 0;
  int rank_after = 0;
  Decimal score_before;
  Decimal score_after;
};

/// A value that changed: a fact, or an output (JSON values, null when unknown).
struct ValueChange {
  std::string name;
  nlohmann::json before;
  nlohmann::json after;
};

/// A rule whose status changed ("fired", "not_fired", "unknown").
struct StatusChange {
  std::string rule;
  std::string before;
  std::string after;
};

/// What differs between two advices on the same rule set.
struct AdviceDiff {
  std::vector<RankChange> ranking;              ///< strategies whose rank or score changed, in the new order, excluded last
  std::vector<std::string> newly_excluded;      ///< vetoed after, not before
  std::vector<std::string> no_longer_excluded;  ///< vetoed before, not after
  std::vector<std::string> advice_added;        ///< advice items recommended after, not before
  std::vector<std::string> advice_removed;      ///< advice items recommended before, not after
  std::vector<ValueChange> outputs;             ///< outputs whose value changed, in declaration order
  std::vector<StatusChange> rules;              ///< rules whose status changed (needs both traces)
  std::vector<std::string> missing_added;       ///< facts missing after, not before
  std::vector<std::string> missing_removed;     ///< facts missing before, not after
  /// True when nothing differs.
  bool empty() const noexcept;
};

/// The difference from `before` to `after` (two advices of the same rule set).
AdviceDiff diff(const AdviceResult& before, const AdviceResult& after);

/// A what-if: the facts changed, the advice before and after, and what differs.
struct WhatIf {
  std::vector<ValueChange> changes;  ///< each changed fact with the value the evaluation saw before and after
  AdviceResult before;
  AdviceResult after;
  AdviceDiff diff;
};

/// A what-if, or every problem with the case or the changes.
struct WhatIfResult {
  std::optional<WhatIf> value;
  std::vector<CaseError> errors;  ///< as parse_case reports them; a change's errors name its fact
  bool ok() const noexcept { return value.has_value(); }
};

/// Advises on `facts` (case JSON) as given and with `changes` applied (see apply_changes), and
/// compares. `options.trace` decides whether before and after keep their traces (the diff of
/// rule statuses is computed either way).
WhatIfResult what_if(const RuleSet& rules, const nlohmann::json& facts, const std::vector<FactChange>& changes,
                     const AdviseOptions& options = {});

/// A why-not as JSON (schema: docs/result-schema.md, "why_not").
nlohmann::ordered_json to_json(const WhyNot& explanation);
/// A what-if as JSON: {"changes", "before", "after", "diff"} (schema: docs/result-schema.md).
nlohmann::ordered_json to_json(const WhatIf& what_if);
/// A diff as JSON.
nlohmann::ordered_json to_json(const AdviceDiff& diff);

/// A why-not for people, in "zh" or "en".
std::string render_text(const WhyNot& explanation, std::string_view lang);
/// A what-if for people (the changes and what differs), in "zh" or "en".
std::string render_text(const WhatIf& what_if, std::string_view lang);

/// Writes the decision graph as Graphviz DOT with the path `facts` took highlighted: fired rules,
/// the facts and derived facts they read (every value node shows its value), the strategies and
/// advice they touch; ranked strategies show rank and score, excluded ones are marked, rules that
/// did not fire or stayed unknown are greyed. Labels for people are in `lang` ("zh" or "en").
/// Throws std::invalid_argument when the case was read against another rule set.
void write_dot(std::ostream& out, const RuleSet& rules, const Case& facts, std::string_view lang);

}  // namespace forbear
