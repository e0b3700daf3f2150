#include "reference.hpp"

namespace forbear::peers {

namespace {

enum Strategy { grace_period, extension, installment, fee_waiver, stop_collection, written_application, escalate, third_party };
enum Rule { R01, R02, R03, R04, R05, R06, R07, R08, R09, R10, R11, R12,
            R13, R14, R15, R16, R17, R18, R19, R20, R21, R22, V01, V02 };

}  // namespace

PeerOutcome reference_outcome(const PeerCase& c) noexcept {
  // §2 derived facts; money in cents so that every comparison is exact
  const std::int64_t surplus = c.monthly_income - c.monthly_expenses;
  const bool short_overdue = c.days_overdue <= 30 && c.amount_cents < 500000;
  const bool long_overdue = c.days_overdue > 90;
  const bool force_majeure =
      c.hardship == Hardship::illness || c.hardship == Hardship::disaster || c.hardship == Hardship::family_emergency;
  const bool cash_gap = c.hardship == Hardship::job_loss || c.hardship == Hardship::income_drop ||
                        (c.hardship == Hardship::none && surplus <= 0);
  const bool large_amount = c.amount_cents >= 2000000;
  const bool good_standing = c.credit_history == CreditHistory::good && c.prior_defaults == 0;
  const bool harassment = c.collection_calls_per_day > 3;

  PeerOutcome out;
  auto& s = out.scores;
  std::uint32_t fired = 0;
  // §4 rules
  if (short_overdue && cash_gap) { fired |= 1u << R01; s[grace_period] += 5; }
  if (short_overdue && c.hardship == Hardship::none && c.credit_history != CreditHistory::poor) {
    fired |= 1u << R02; s[grace_period] += 2;
  }
  if (force_majeure && c.has_proof) { fired |= 1u << R03; s[fee_waiver] += 4; s[extension] += 3; }
  if (force_majeure && !c.has_proof) { fired |= 1u << R04; s[extension] += 2; s[written_application] += 1; }
  if (long_overdue) { fired |= 1u << R05; s[written_application] += 4; }
  if (surplus > 0 && large_amount) { fired |= 1u << R06; s[installment] += 5; }
  if (surplus > 0 && surplus * 600 >= c.amount_cents && c.days_overdue > 30) { fired |= 1u << R07; s[extension] += 3; }
  if (surplus <= 0 && c.amount_cents >= 500000) { fired |= 1u << R08; s[installment] += 2; s[fee_waiver] += 1; }
  if (good_standing) {
    fired |= 1u << R09; s[grace_period] += 1; s[extension] += 1; s[installment] += 1; s[fee_waiver] += 1;
  }
  if (c.credit_history == CreditHistory::poor || c.prior_defaults >= 2) { fired |= 1u << R10; s[written_application] += 2; }
  if (c.hardship == Hardship::platform_error) { fired |= 1u << R11; s[fee_waiver] += 5; s[third_party] += 3; }
  if (c.hardship == Hardship::platform_error && c.has_proof) { fired |= 1u << R12; s[escalate] += 2; }
  if (c.contacted_before >= 3 && c.days_overdue > 30) { fired |= 1u << R13; s[escalate] += 3; }
  if (c.amount_cents >= 5000000 && (c.has_proof || c.credit_history == CreditHistory::good)) {
    fired |= 1u << R14; s[written_application] += 2;
  }
  if (harassment) { fired |= 1u << R15; s[stop_collection] += 5; s[third_party] += 2; }
  if (harassment && c.has_proof) { fired |= 1u << R16; s[escalate] += 2; }
  if (c.hardship == Hardship::overspending && surplus > 0) { fired |= 1u << R17; s[installment] += 2; }
  if ((c.hardship == Hardship::job_loss || c.hardship == Hardship::business_failure) && long_overdue) {
    fired |= 1u << R18; s[extension] += 2; s[written_application] += 2;
  }
  if (force_majeure && long_overdue) { fired |= 1u << R19; s[stop_collection] += 2; }
  if (c.days_overdue <= 7 && c.contacted_before == 0) { fired |= 1u << R20; s[grace_period] += 3; }
  if (c.hardship == Hardship::disaster) { fired |= 1u << R21; s[stop_collection] += 3; s[extension] += 2; }
  if (c.prior_defaults >= 3 && !force_majeure) { fired |= 1u << R22; s[third_party] += 1; s[written_application] += 1; }
  // §5 vetoes after all points, then the top strategy (earliest wins a tie; none when the best is 0)
  if (!c.platform_allows_installment) { fired |= 1u << V01; s[installment] = 0; }
  if (!c.platform_allows_waiver) { fired |= 1u << V02; s[fee_waiver] = 0; }
  out.fired = fired;
  std::int64_t best = 0;
  for (int i = 0; i < strategy_count; ++i) {
    if (s[static_cast<std::size_t>(i)] > best) { best = s[static_cast<std::size_t>(i)]; out.top = i; }
  }
  return out;
}

}  // namespace forbear::peers
