#include "case_generator.hpp"

#include <array>
#include <span>

namespace forbear::peers {

namespace {

// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, fully specified, so a seed gives the same
// cases everywhere.
class SplitMix64 {
  __extension__ using Wide = unsigned __int128;  // GCC and Clang have it on 64-bit targets

 public:
  explicit SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// lo..hi inclusive, by the high half of a 128-bit product (no modulo; a bias below 2^-40 here).
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept {
    const auto span = static_cast<Wide>(hi - lo + 1);
    return lo + static_cast<std::int64_t>((static_cast<Wide>(next()) * span) >> 64);
  }
  /// True with probability percent / 100.
  bool percent(int percent) noexcept { return between(0, 99) < percent; }
  template <typename T>
  T pick(std::span<const T> values) noexcept {
    return values[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(values.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

constexpr std::int64_t min_amount_cents = 100 * 100;
constexpr std::int64_t max_amount_cents = 200000 * 100;
constexpr std::int64_t max_money = 40000;

constexpr std::array<std::int64_t, 12> boundary_days = {0, 1, 6, 7, 8, 29, 30, 31, 89, 90, 91, 400};
constexpr std::array<std::int64_t, 11> boundary_amount_cents = {
    10000, 499999, 500000, 500001, 1999999, 2000000, 2000001, 4999999, 5000000, 5000001, 20000000};

// A case on which no scoring rule fires, so that "top": "none" is tested too: 31-90 days overdue, a
// small debt, no surplus, a hardship that is neither force majeure nor a platform error, a fair history
// with at most one default, fewer than 3 contacts and at most 3 calls a day.
void make_quiet(PeerCase& c, SplitMix64& random) {
  constexpr std::array<Hardship, 4> quiet_hardships = {Hardship::none, Hardship::job_loss, Hardship::income_drop,
                                                       Hardship::business_failure};
  c.days_overdue = random.between(31, 90);
  c.amount_cents = random.between(min_amount_cents, 499999);
  c.hardship = random.pick(std::span<const Hardship>(quiet_hardships));
  c.credit_history = CreditHistory::fair;
  c.prior_defaults = random.between(0, 1);
  c.monthly_expenses = random.between(c.monthly_income, max_money);
  c.contacted_before = random.between(0, 2);
  c.collection_calls_per_day = random.between(0, 3);
}

}  // namespace

std::vector<PeerCase> generate_cases(std::uint64_t seed, int count) {
  SplitMix64 random(seed);
  std::vector<PeerCase> cases;
  cases.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    PeerCase c;
    c.id = i;
    c.days_overdue = random.percent(30) ? random.pick(std::span<const std::int64_t>(boundary_days))
                                        : random.between(0, 400);
    // "none" is the commonest answer in practice, and several rules need it
    c.hardship = random.percent(20) ? Hardship::none : static_cast<Hardship>(random.between(0, 8));
    c.has_proof = random.percent(50);
    c.credit_history = static_cast<CreditHistory>(random.between(0, 2));
    c.prior_defaults = random.between(0, 5);
    c.monthly_income = random.between(0, max_money);
    const int expenses_kind = static_cast<int>(random.between(0, 99));
    if (expenses_kind < 15) {
      c.monthly_expenses = c.monthly_income;  // surplus exactly 0
    } else if (expenses_kind < 25) {
      c.monthly_expenses = std::min(max_money, std::max<std::int64_t>(0, c.monthly_income + (random.percent(50) ? 1 : -1)));
    } else {
      c.monthly_expenses = random.between(0, max_money);
    }
    const std::int64_t six_months_cents = (c.monthly_income - c.monthly_expenses) * 6 * 100;
    const int amount_kind = static_cast<int>(random.between(0, 99));
    if (amount_kind < 25) {
      c.amount_cents = random.pick(std::span<const std::int64_t>(boundary_amount_cents));
    } else if (amount_kind < 35 && six_months_cents >= min_amount_cents + 1 && six_months_cents <= max_amount_cents - 1) {
      c.amount_cents = six_months_cents + random.between(-1, 1);  // surplus * 6 >= amount at its edge
    } else if (amount_kind < 55) {
      c.amount_cents = random.between(min_amount_cents, 500000);  // small debts, as many as the rest
    } else {
      c.amount_cents = random.between(min_amount_cents, max_amount_cents);
    }
    c.platform_allows_installment = random.percent(70);
    c.platform_allows_waiver = random.percent(70);
    c.contacted_before = random.percent(25) ? 0 : random.between(0, 9);
    c.collection_calls_per_day = random.between(0, 15);
    if (random.percent(3)) make_quiet(c, random);
    cases.push_back(c);
  }
  return cases;
}

}  // namespace forbear::peers
