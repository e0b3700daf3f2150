#include "forbear_bound_workload.hpp"

#include <stdexcept>
#include <string>

namespace forbear::peers {

namespace {

enum Fact {
  days_overdue, amount, hardship, has_proof, credit_history, prior_defaults, monthly_income, monthly_expenses,
  platform_allows_installment, platform_allows_waiver, contacted_before, collection_calls_per_day
};
constexpr std::array<const char*, 12> fact_names = {
    "days_overdue", "amount", "hardship", "has_proof", "credit_history", "prior_defaults", "monthly_income",
    "monthly_expenses", "platform_allows_installment", "platform_allows_waiver", "contacted_before",
    "collection_calls_per_day"};

void expect_taken(SetError error, const char* fact) {
  if (error != SetError::none) throw std::runtime_error(std::string("forbear: the context refused ") + fact);
}

}  // namespace

ForbearBoundWorkload::ForbearBoundWorkload(const RuleSet& rules) : evaluator_(rules), context_(evaluator_) {
  for (std::size_t f = 0; f < fact_names.size(); ++f) {
    const auto slot = evaluator_.slot_of(fact_names[f]);
    if (!slot) throw std::runtime_error(std::string("forbear: the rules declare no fact ") + fact_names[f]);
    slots_[f] = *slot;
  }
  for (std::size_t h = 0; h < hardship_names.size(); ++h) {
    const auto member = evaluator_.member_of(slots_[hardship], hardship_names[h]);
    if (!member) throw std::runtime_error("forbear: hardship has no member " + std::string(hardship_names[h]));
    hardships_[h] = *member;
  }
  for (std::size_t c = 0; c < credit_history_names.size(); ++c) {
    const auto member = evaluator_.member_of(slots_[credit_history], credit_history_names[c]);
    if (!member) throw std::runtime_error("forbear: credit_history has no member " + std::string(credit_history_names[c]));
    credit_histories_[c] = *member;
  }
  for (std::size_t s = 0; s < evaluator_.strategy_count(); ++s) {
    strategy_of_.push_back(strategy_index(evaluator_.strategy_name(s)));
    if (strategy_of_.back() < 0) throw std::runtime_error("forbear: unknown strategy " + std::string(evaluator_.strategy_name(s)));
  }
  for (std::size_t r = 0; r < evaluator_.rule_count(); ++r) {
    rule_of_.push_back(rule_index(evaluator_.rule_name(r)));
    if (rule_of_.back() < 0) throw std::runtime_error("forbear: unknown rule " + std::string(evaluator_.rule_name(r)));
  }
}

PeerOutcome ForbearBoundWorkload::evaluate(const PeerCase& c) {
  context_.clear();
  expect_taken(context_.set(slots_[days_overdue], c.days_overdue), "days_overdue");
  expect_taken(context_.set(slots_[amount], Decimal::from_raw(c.amount_cents * 10000)), "amount");
  expect_taken(context_.set(slots_[hardship], hardships_[static_cast<std::size_t>(c.hardship)]), "hardship");
  expect_taken(context_.set(slots_[has_proof], c.has_proof), "has_proof");
  expect_taken(context_.set(slots_[credit_history], credit_histories_[static_cast<std::size_t>(c.credit_history)]),
               "credit_history");
  expect_taken(context_.set(slots_[prior_defaults], c.prior_defaults), "prior_defaults");
  expect_taken(context_.set(slots_[monthly_income], c.monthly_income), "monthly_income");
  expect_taken(context_.set(slots_[monthly_expenses], c.monthly_expenses), "monthly_expenses");
  expect_taken(context_.set(slots_[platform_allows_installment], c.platform_allows_installment),
               "platform_allows_installment");
  expect_taken(context_.set(slots_[platform_allows_waiver], c.platform_allows_waiver), "platform_allows_waiver");
  expect_taken(context_.set(slots_[contacted_before], c.contacted_before), "contacted_before");
  expect_taken(context_.set(slots_[collection_calls_per_day], c.collection_calls_per_day), "collection_calls_per_day");
  return read(context_.evaluate());
}

PeerOutcome ForbearBoundWorkload::evaluate(const nlohmann::json& facts) {
  if (!context_.assign(facts)) throw std::runtime_error("forbear: case refused: " + facts.dump());
  return read(context_.evaluate());
}

PeerOutcome ForbearBoundWorkload::read(Outcome outcome) const {
  PeerOutcome result;
  const auto scores = outcome.scores();
  for (std::size_t s = 0; s < scores.size(); ++s) {
    if (outcome.vetoed(s)) continue;  // the final score of a vetoed strategy is 0
    if (!scores[s].is_integer()) throw std::runtime_error("forbear: a score is not whole");
    result.scores[static_cast<std::size_t>(strategy_of_[s])] = scores[s].raw() / 1000000;
  }
  for (std::size_t r = 0; r < rule_of_.size(); ++r)
    if (outcome.rule(r) == RuleOutcome::fired) result.fired |= 1u << rule_of_[r];
  const auto ranking = outcome.ranking();
  if (!ranking.empty() && scores[ranking.front()] > Decimal()) result.top = strategy_of_[ranking.front()];
  return result;
}

}  // namespace forbear::peers
