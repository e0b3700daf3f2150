// diff(): what differs between two advices of the same rule set.

#include <algorithm>
#include <map>

#include "forbear/explain.hpp"

namespace forbear {
namespace {

struct Standing {
  int rank = 0;  // 0: excluded
  Decimal score;
};

std::map<std::string, Standing> standings(const AdviceResult& result) {
  std::map<std::string, Standing> out;
  for (const auto& s : result.strategies) out[s.id] = {s.rank, s.score};
  for (const auto& e : result.excluded) out[e.id] = {0, e.score};
  return out;
}

template <typename T, typename Id>
bool contains(const std::vector<T>& list, const std::string& id, Id id_of) {
  return std::any_of(list.begin(), list.end(), [&](const T& item) { return id_of(item) == id; });
}

// The ids of `from` that `other` does not have, in the order of `from`.
template <typename T, typename Id>
std::vector<std::string> only_in(const std::vector<T>& from, const std::vector<T>& other, Id id_of) {
  std::vector<std::string> out;
  for (const auto& item : from) {
    if (!contains(other, id_of(item), id_of)) out.push_back(id_of(item));
  }
  return out;
}

}  // namespace

bool AdviceDiff::empty() const noexcept {
  return ranking.empty() && newly_excluded.empty() && no_longer_excluded.empty() && advice_added.empty() &&
         advice_removed.empty() && outputs.empty() && rules.empty() && missing_added.empty() && missing_removed.empty();
}

AdviceDiff diff(const AdviceResult& before, const AdviceResult& after) {
  AdviceDiff out;
  const auto was = standings(before);
  const auto now = standings(after);
  const auto add_move = [&](const std::string& id) {
    const auto old = was.find(id);
    if (old == was.end()) return;
    const Standing& fresh = now.at(id);
    if (old->second.rank != fresh.rank || old->second.score != fresh.score) {
      out.ranking.push_back({id, old->second.rank, fresh.rank, old->second.score, fresh.score});
    }
  };
  for (const auto& s : after.strategies) add_move(s.id);
  for (const auto& e : after.excluded) add_move(e.id);

  const auto exclusion_id = [](const Exclusion& e) { return e.id; };
  out.newly_excluded = only_in(after.excluded, before.excluded, exclusion_id);
  out.no_longer_excluded = only_in(before.excluded, after.excluded, exclusion_id);
  const auto advice_id = [](const AdviceEntry& a) { return a.id; };
  out.advice_added = only_in(after.advice, before.advice, advice_id);
  out.advice_removed = only_in(before.advice, after.advice, advice_id);
  const auto fact_id = [](const MissingFact& m) { return m.fact; };
  out.missing_added = only_in(after.missing, before.missing, fact_id);
  out.missing_removed = only_in(before.missing, after.missing, fact_id);

  for (const auto& [name, value] : after.outputs) {
    // An init-capture: Clang 14 (the fuzz build) cannot capture a structured binding.
    const auto old = std::find_if(before.outputs.begin(), before.outputs.end(), [&name = name](const auto& o) { return o.first == name; });
    if (old != before.outputs.end() && old->second != value) out.outputs.push_back({name, old->second, value});
  }
  for (const auto& rule : after.trace) {
    const auto old = std::find_if(before.trace.begin(), before.trace.end(), [&](const RuleTrace& t) { return t.rule == rule.rule; });
    if (old != before.trace.end() && old->status != rule.status) out.rules.push_back({rule.rule, old->status, rule.status});
  }
  return out;
}

}  // namespace forbear
