#pragma once

// The fast lane of `forbear batch`: a case line that is a flat JSON object of plain values, with
// every fact known, read straight into an evaluation Context and answered by writing the advice JSON
// from pieces prepared once per rule set. It writes exactly the bytes the full lane writes
// (parse_case_json, advise, to_json): any line it is not sure of (nested or escaped values, a key
// twice, an unknown fact, a value refused, a fault, a text with values in it, a trace asked for) it
// leaves to the full lane.

#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "forbear/evaluator.hpp"
#include "forbear/ruleset.hpp"

namespace forbear::cli {

class FastBatch {
 public:
  /// Prepares the pieces of `rules`' advice (labels, contributions, advice items).
  explicit FastBatch(const RuleSet& rules);

  /// The evaluator, for the Contexts of the threads.
  const Evaluator& evaluator() const noexcept { return evaluator_; }

  /// Appends the advice on `line` to `out` and returns true, or returns false (out unchanged) when
  /// the full lane must answer it.
  bool answer(std::string_view line, Context& context, std::string& out) const;

 private:
  bool read(std::string_view line, Context& context, std::string_view& id) const;

  Evaluator evaluator_;
  std::vector<std::string> fact_names_;             // by slot
  std::string ruleset_;                             // "ruleset":{...}
  std::vector<std::string> strategy_id_;            // "id" as JSON
  std::vector<std::string> strategy_label_;         // the label as JSON; empty when it quotes values
  std::vector<std::string> advice_head_;            // {"id":..,"kind":..,"text":{..},"rules":[  ; empty when it quotes values
  std::vector<std::string> rule_name_;              // as JSON
  std::vector<std::vector<std::string>> contribution_;  // per rule, per effect: its contribution as JSON; empty when it quotes values
  std::vector<std::pair<std::string, std::string>> outputs_;  // name, and the name as a JSON key
};

}  // namespace forbear::cli
