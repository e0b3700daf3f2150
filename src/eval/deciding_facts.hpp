#pragma once

#include <optional>
#include <vector>

#include "eval/evaluator.hpp"
#include "model/program.hpp"

namespace forbear::detail {

/// Finds the unknown facts whose value could change the outcome of an expression, given the
/// values of one evaluation. A part whose value is unknown depends on every unknown fact it
/// reads; a part whose value is known can still change through `known(x)` of an unknown x; the
/// branch of an `if` that a known condition did not take cannot matter. Derived facts are
/// followed once each (memoised), so the cost is linear in the rule set.
class DecidingFacts {
 public:
  DecidingFacts(const Program& program, const std::vector<Value>& slots);

  /// The deciding unknown facts of expression `id` (a rule condition or a derived value), in the
  /// order first found.
  std::vector<Slot> of(ExprId id);

 private:
  // Within a part whose value is unknown every unknown read counts; within a known part only
  // reads under known() do.
  enum Mode : int { unknown_part = 0, known_part = 1 };

  void walk(ExprId id, Mode mode, std::vector<Slot>& out);
  void walk_slot(Slot slot, Mode mode, std::vector<Slot>& out);

  const Program& program_;
  const std::vector<Value>& slots_;
  std::vector<Fault> probe_faults_;  // faults are reported once, by the evaluation itself
  Evaluator probe_;
  std::vector<std::optional<std::vector<Slot>>> memo_[2];  // per mode, per slot
};

}  // namespace forbear::detail
