#include "forbear_workload.hpp"

#include <stdexcept>

namespace forbear::peers {

namespace {

RuleSet load_or_throw(const std::filesystem::path& rules_file) {
  LoadResult loaded = load_rules({rules_file});
  if (!loaded.ok()) throw std::runtime_error(loaded.rendered_diagnostics());
  return std::move(*loaded.rules);
}

std::int64_t whole_points(const Decimal& score) {
  if (!score.is_integer()) throw std::runtime_error("forbear: score " + score.to_string() + " is not whole");
  return score.raw() / 1000000;
}

int checked_strategy(const std::string& name) {
  const int index = strategy_index(name);
  if (index < 0) throw std::runtime_error("forbear: unknown strategy " + name);
  return index;
}

void add_fired(std::uint32_t& fired, const std::vector<Contribution>& contributions) {
  for (const auto& contribution : contributions) {
    const int index = rule_index(contribution.rule);
    if (index < 0) throw std::runtime_error("forbear: unknown rule " + contribution.rule);
    fired |= 1u << index;
  }
}

}  // namespace

ForbearWorkload::ForbearWorkload(const std::filesystem::path& rules_file) : rules_(load_or_throw(rules_file)) {}

PeerOutcome ForbearWorkload::evaluate(const nlohmann::json& facts, bool trace) const {
  CaseResult parsed = parse_case(rules_, facts);
  if (!parsed.ok()) {
    throw std::runtime_error("forbear: case refused: " + parsed.errors.front().field + ": " + parsed.errors.front().message);
  }
  return outcome_from_advice(advise(rules_, *parsed.value, AdviseOptions{.trace = trace}));
}

PeerOutcome outcome_from_advice(const AdviceResult& advice) {
  PeerOutcome outcome;
  for (const auto& ranked : advice.strategies) {
    const int index = checked_strategy(ranked.id);
    outcome.scores[static_cast<std::size_t>(index)] = whole_points(ranked.score);
    add_fired(outcome.fired, ranked.because);
  }
  for (const auto& excluded : advice.excluded) {
    checked_strategy(excluded.id);  // its final score stays 0
    add_fired(outcome.fired, excluded.because);
    add_fired(outcome.fired, excluded.vetoed_by);
  }
  if (!advice.strategies.empty() && advice.strategies.front().score > Decimal()) {
    outcome.top = checked_strategy(advice.strategies.front().id);
  }
  return outcome;
}

}  // namespace forbear::peers
