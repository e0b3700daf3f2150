#pragma once

// The fast lane of `forbear batch`: a case line that is a flat JSON object of plain values, with
// every fact known, read straight into an evaluation Context and answered by writing the advice JSON
// from pieces prepared once per rule set. It writes exactly the bytes the full lane writes
// (parse_case_json, advise, to_json): any line it is not sure of (nested or escaped values, a key
// twice, an unknown fact, a value refused, a fault, a text with values in it, a trace asked for) it
// leaves to the full lane.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/output_buffer.hpp"
#include "forbear/evaluator.hpp"
#include "forbear/ruleset.hpp"

namespace forbear::cli {

class FastBatch {
 public:
  /// What one thread needs to answer lines: its evaluation context, and what it learnt of the stream
  /// (the order of the facts in the line before). One per thread.
  class Scratch {
   public:
    /// A scratch for answering with `fast`, which must outlive it.
    explicit Scratch(const FastBatch& fast) : context_(fast.evaluator()) {}

   private:
    friend class FastBatch;
    Context context_;
    std::vector<FactSlot> order_;       // the fact at each position of the line before
    std::vector<std::uint8_t> fired_;   // per rule, in the last evaluation
  };

  /// Prepares the pieces of `rules`' advice (labels, contributions, advice items).
  explicit FastBatch(const RuleSet& rules);

  /// The evaluator the scratches evaluate with.
  const Evaluator& evaluator() const noexcept { return evaluator_; }

  /// Appends the advice on `line` to `out` and returns true, or returns false (out unchanged) when
  /// the full lane must answer it.
  bool answer(std::string_view line, Scratch& scratch, OutputBuffer& out) const;

 private:
  // A fired rule's contribution to a strategy: the rule, and its JSON after a comma (empty when it
  // quotes values, which the full lane renders).
  struct Contribution {
    std::uint32_t rule = 0;
    std::string json;
  };

  bool read(std::string_view line, Scratch& scratch, std::string_view& id) const;
  bool contributions(const std::vector<Contribution>& list, const Scratch& scratch, OutputBuffer& out) const;

  Evaluator evaluator_;
  std::vector<std::string> fact_names_;                  // by slot
  std::vector<bool> whole_fact_;                         // by slot: not a number fact (45.0 goes to the full lane)
  std::string ruleset_;                                  // "ruleset":{...}
  std::vector<bool> strategy_quotes_;                    // its label quotes values
  std::vector<std::string> ranked_head_;                 // per strategy: {"id":..,"rank":
  std::vector<std::string> ranked_middle_;               // per strategy: ,"label":..,"because":[
  std::vector<std::string> excluded_head_;               // per strategy: {"id":..,"label":..,"score":
  std::vector<std::vector<Contribution>> points_;        // per strategy: its add_points effects, in rule order
  std::vector<std::vector<Contribution>> vetoes_;        // per strategy: its exclude effects, in rule order
  std::vector<std::string> advice_head_;                 // {"id":..,"kind":..,"text":{..},"rules":[  ; empty when it quotes values
  std::vector<std::vector<std::uint32_t>> advised_by_;   // per advice item: the rules that advise it, in order
  std::vector<std::string> rule_name_;                   // as JSON
  std::vector<std::pair<std::string, std::string>> outputs_;  // name, and the name as a JSON key
};

}  // namespace forbear::cli
