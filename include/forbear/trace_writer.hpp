#pragma once

// The explanation trace of a fast-path evaluation: the `trace` member of the result JSON
// (docs/result-schema.md "## trace"), written from an Outcome without going through advise().
// Prepared once per Evaluator: every expression's text is split into the parts that never change
// ("days_overdue (", ") > 90 → ") and the values that go between them, so that writing a trace is
// copying those parts and formatting the values into the caller's string.

#include <cstddef>
#include <memory>
#include <string>

#include "forbear/evaluator.hpp"

namespace forbear {

namespace detail {
struct TracePlan;
}  // namespace detail

/// Writes the trace of an evaluation by the fast path, byte for byte the text that
/// `to_json(advise(rules, facts))["trace"].dump()` gives for the same facts. Immutable once
/// built: one TraceWriter can serve any number of Contexts and threads. The Evaluator it is built
/// for must outlive it.
class TraceWriter {
 public:
  /// Prepares the trace of every value and rule of `evaluator`'s rule set (a few microseconds per
  /// rule, once).
  explicit TraceWriter(const Evaluator& evaluator);
  ~TraceWriter();
  TraceWriter(const TraceWriter&) = default;
  TraceWriter& operator=(const TraceWriter&) = default;
  TraceWriter(TraceWriter&&) noexcept = default;
  TraceWriter& operator=(TraceWriter&&) noexcept = default;

  /// Appends the trace JSON object of `outcome` ({"values":[...],"rules":[...]}) to `out`. Reuse
  /// `out` (clear it, keep its capacity): once it has had room for a trace of this rule set,
  /// writing allocates nothing, except when a fact that some rule reads is unknown (that rule's
  /// `missing` list is then worked out by advise()'s own code) or when the texts in a case are
  /// much longer than before. Throws std::invalid_argument when `outcome` comes from a Context of
  /// another Evaluator. When it throws (that, or std::bad_alloc), `out` keeps its earlier bytes but
  /// may have grown after them: truncate it to its earlier size before using it again.
  void write(const Outcome& outcome, std::string& out) const;

  /// The trace JSON object of `outcome` as a new string (allocates; see write).
  std::string text(const Outcome& outcome) const;

 private:
  const Evaluator* evaluator_;
  std::shared_ptr<const detail::TracePlan> plan_;
};

}  // namespace forbear
