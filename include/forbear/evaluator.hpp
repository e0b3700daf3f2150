#pragma once

// The fast path for hosts that evaluate many cases: bind fact names to slots once, then set facts
// and evaluate in a reusable Context, which allocates nothing per evaluation. It computes what
// decides the advice (the value of every fact and derived value, which rules fired, the scores,
// the vetoes, the ranking, the advice items, arithmetic faults) and nothing that explains it: for
// texts, contributions and missing facts, call advise(), which gives the same ranking. The trace
// comes from a TraceWriter (forbear/trace_writer.hpp).

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/advice.hpp"
#include "forbear/case.hpp"
#include "forbear/decimal.hpp"
#include "forbear/limits.hpp"
#include "forbear/ruleset.hpp"
#include "forbear/value.hpp"

namespace forbear {

namespace detail {
struct CompiledProgram;
struct EvaluationState;
class NameIndex;
}  // namespace detail

/// A fact's place in an evaluation context (see Evaluator::slot_of).
using FactSlot = std::uint32_t;

/// How a rule's condition came out in an evaluation.
enum class RuleOutcome : std::uint8_t { fired, not_fired, unknown };

/// Why Context::set refused a value; the fact keeps its previous value.
enum class SetError : std::uint8_t {
  none,          ///< the value was taken
  no_such_fact,  ///< the slot is not a fact's
  wrong_type,    ///< the fact has another type (e.g. text for an int fact, 4.5 for an int fact)
  out_of_range,  ///< outside the fact's declared range, or a number beyond the decimal range or precision
  not_a_member,  ///< an enum fact given a value that is not one of its members
  bad_text,      ///< a text fact given control characters, bytes that are not UTF-8 or too many bytes
};

/// A rule set compiled for fast evaluation: immutable, shared by any number of Contexts (one per
/// thread). Keeps the rule set's program alive.
class Evaluator {
 public:
  /// Compiles `rules` (a few microseconds per rule; the rule set itself stays usable as before).
  explicit Evaluator(const RuleSet& rules);

  /// The slot of the fact named `name`, or nothing when the rule set declares no such fact.
  std::optional<FactSlot> slot_of(std::string_view name) const noexcept;
  /// The member index of `member` in the enum fact at `slot` (for Context::set(slot, EnumMember)),
  /// or nothing when the slot is not an enum fact or the member is not one of its values.
  std::optional<EnumMember> member_of(FactSlot slot, std::string_view member) const noexcept;

  /// Number of declared facts (slots 0 .. fact_count()-1).
  std::size_t fact_count() const noexcept;
  /// Number of strategies, in declaration order (the index used by Outcome).
  std::size_t strategy_count() const noexcept;
  /// Number of rules, in declaration order.
  std::size_t rule_count() const noexcept;
  /// Number of advice items, in declaration order.
  std::size_t advice_count() const noexcept;
  /// The name of strategy `index`.
  std::string_view strategy_name(std::size_t index) const noexcept;
  /// The name of rule `index`.
  std::string_view rule_name(std::size_t index) const noexcept;
  /// The id of advice item `index`.
  std::string_view advice_id(std::size_t index) const noexcept;
  /// The rule set it was compiled from.
  const RuleSet& rules() const noexcept { return rules_; }

 private:
  friend class Context;
  friend class Outcome;
  friend class TraceWriter;  // reads the program and the compiled form
  RuleSet rules_;
  std::shared_ptr<const detail::CompiledProgram> compiled_;
  std::shared_ptr<const detail::NameIndex> slot_by_name_;  // every value's slot (facts, derived, outputs)
};

/// One evaluation's result, viewed inside its Context: valid until the Context is changed or
/// evaluated again. Reading it allocates nothing (except faults() and value()).
class Outcome {
 public:
  /// Every strategy's score (the sum of its fired points; a vetoed strategy keeps its points here),
  /// indexed by strategy in declaration order.
  std::span<const Decimal> scores() const noexcept;
  /// The strategies not vetoed, best first, equal scores in declaration order (as advise() ranks).
  std::span<const std::uint32_t> ranking() const noexcept;
  /// True when a fired rule excludes strategy `index`.
  bool vetoed(std::size_t strategy) const noexcept;
  /// How rule `index` came out.
  RuleOutcome rule(std::size_t index) const noexcept;
  /// True when a fired rule recommends advice item `index`.
  bool advised(std::size_t advice) const noexcept;
  /// Number of arithmetic faults met (0 in a normal evaluation).
  std::size_t fault_count() const noexcept;
  /// The faults, as advise() reports them (allocates).
  std::vector<Fault> faults() const;
  /// The value of a fact (default filled in), derived fact or output by name; unknown for a name the
  /// rule set does not declare (allocates for a text).
  Value value(std::string_view name) const;

 private:
  friend class Context;
  friend class TraceWriter;  // reads the evaluation's values and rule outcomes
  explicit Outcome(const class Context& context) noexcept : context_(&context) {}
  const class Context* context_;
};

/// The facts of one case and the buffers of its evaluation. Reuse it: set facts, evaluate, read the
/// Outcome, clear, and again; after the first evaluation nothing is allocated. Not thread-safe: one
/// Context per thread. The Evaluator must outlive it.
class Context {
 public:
  /// A context with every fact unknown.
  explicit Context(const Evaluator& evaluator);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  Context(Context&&) noexcept;
  Context& operator=(Context&&) noexcept;

  /// Every fact unknown again (their defaults apply in the next evaluation).
  void clear() noexcept;
  /// The fact unknown again.
  SetError unset(FactSlot slot) noexcept;
  /// Sets a bool fact.
  SetError set(FactSlot slot, bool value) noexcept;
  /// Sets an int fact, or a number fact (as that whole number). Checks the declared range.
  SetError set(FactSlot slot, std::int64_t value) noexcept;
  /// Same as the int64 overload (so that a literal `45` needs no cast).
  SetError set(FactSlot slot, int value) noexcept { return set(slot, static_cast<std::int64_t>(value)); }
  /// Sets a number fact exactly; an int fact takes it when it is whole. Checks the declared range.
  SetError set(FactSlot slot, Decimal value) noexcept;
  /// Sets a number fact from a double, read from the decimal text nlohmann::json writes for it (as
  /// parse_case reads a JSON number held as a double): 0.1 is 0.1; more than 6 decimals is
  /// out_of_range. An int fact takes a whole one; NaN and infinities are wrong_type. Set a Decimal to
  /// be independent of that text.
  SetError set(FactSlot slot, double value) noexcept;
  /// Sets an enum fact to a member index (see Evaluator::member_of).
  SetError set(FactSlot slot, EnumMember value) noexcept;
  /// Sets a text fact, or an enum fact by member name. A text is not copied: its bytes must stay
  /// valid until the context is evaluated and its Outcome read.
  SetError set(FactSlot slot, std::string_view value) noexcept;
  /// Same as the string_view overload.
  SetError set(FactSlot slot, const char* value) noexcept { return set(slot, std::string_view(value)); }

  /// Clears the context and sets every fact of a JSON object of facts, as parse_case would read
  /// it ("id" is ignored, null is unknown). False, with the context cleared, when parse_case would
  /// report an error: call parse_case for the messages. String values are viewed, not copied:
  /// `facts` must outlive the evaluation. Allocates nothing.
  bool assign(const nlohmann::json& facts, const Limits& limits = Limits{}) noexcept;
  /// Clears the context and sets the facts of a case read against the same rule set (it must
  /// outlive the evaluation). False when the case was read against another rule set.
  bool assign(const Case& facts) noexcept;

  /// Evaluates the rule set on the facts set (defaults filled in for unknown facts). Allocates
  /// nothing. The Outcome is valid until the next change to the context.
  Outcome evaluate() noexcept;

 private:
  friend class Outcome;
  friend class TraceWriter;
  const Evaluator* evaluator_;
  std::unique_ptr<detail::EvaluationState> state_;
};

}  // namespace forbear
