#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

// The peer workload's case and outcome (../shared/bench/peer-workload.md §1 and §6), shared by the
// case generator, the hand-written reference and every engine's driver.

namespace forbear::peers {

/// The nine hardship kinds, in the workload's order.
enum class Hardship : std::uint8_t {
  none, illness, job_loss, income_drop, business_failure, family_emergency, disaster, platform_error, overspending
};
/// The three credit histories.
enum class CreditHistory : std::uint8_t { good, fair, poor };

inline constexpr std::array<std::string_view, 9> hardship_names = {
    "none", "illness", "job_loss", "income_drop", "business_failure",
    "family_emergency", "disaster", "platform_error", "overspending"};
inline constexpr std::array<std::string_view, 3> credit_history_names = {"good", "fair", "poor"};

/// The eight strategies in the fixed order of the workload (output keys, tie-break).
inline constexpr std::array<std::string_view, 8> strategy_names = {
    "grace_period", "extension", "installment", "fee_waiver",
    "stop_collection", "written_application", "escalate", "third_party"};
inline constexpr int strategy_count = 8;

/// The 24 rule ids in ascending string order (R01..R22, V01, V02): bit i of a fired mask is rule i.
inline constexpr std::array<std::string_view, 24> rule_ids = {
    "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12",
    "R13", "R14", "R15", "R16", "R17", "R18", "R19", "R20", "R21", "R22", "V01", "V02"};
inline constexpr int rule_count = 24;

/// One case's facts. The amount is kept in whole cents so that every comparison is exact.
struct PeerCase {
  std::int64_t id = 0;
  std::int64_t days_overdue = 0;
  std::int64_t amount_cents = 0;
  Hardship hardship = Hardship::none;
  bool has_proof = false;
  CreditHistory credit_history = CreditHistory::good;
  std::int64_t prior_defaults = 0;
  std::int64_t monthly_income = 0;
  std::int64_t monthly_expenses = 0;
  bool platform_allows_installment = false;
  bool platform_allows_waiver = false;
  std::int64_t contacted_before = 0;
  std::int64_t collection_calls_per_day = 0;

  /// The amount in CNY as a double (what JSON readers, CLIPS and JavaScript see).
  double amount() const noexcept { return static_cast<double>(amount_cents) / 100.0; }
};

/// What an engine answers for one case: final scores in the fixed order, the fired rules as a
/// bit mask over rule_ids, and the top strategy (an index into strategy_names, or -1 for "none").
struct PeerOutcome {
  std::array<std::int64_t, strategy_count> scores{};
  std::uint32_t fired = 0;
  int top = -1;
  friend bool operator==(const PeerOutcome&, const PeerOutcome&) = default;
};

/// The index of `id` in rule_ids, or -1.
int rule_index(std::string_view id) noexcept;
/// The index of `name` in strategy_names, or -1.
int strategy_index(std::string_view name) noexcept;

/// The amount as the case file writes it: whole CNY, or with the cents it has ("5000", "12.5", "0.07").
std::string format_amount(std::int64_t amount_cents);

/// The case as one line of data/cases.jsonl (keys in the workload's order, no spaces).
std::string case_to_json(const PeerCase& c);
/// Reads one line of data/cases.jsonl; throws std::runtime_error naming the field on bad input.
PeerCase case_from_json(std::string_view line);

/// The outcome as one line of data/expected.jsonl (§6: id, scores in the fixed order, fired sorted, top).
std::string outcome_to_json(std::int64_t id, const PeerOutcome& outcome);
/// An engine's output line brought to the canonical form of outcome_to_json: `fired` sorted, `scores`
/// in the fixed order, re-serialised. Unknown or missing keys are kept or missing, so they still differ.
/// Throws std::runtime_error when the line is not a JSON object.
std::string canonical_outcome_line(std::string_view line);

}  // namespace forbear::peers
