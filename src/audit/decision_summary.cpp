#include "audit/decision_summary.hpp"

#include <algorithm>

#include "io/json_number.hpp"

namespace forbear::detail {
namespace {

using Json = nlohmann::ordered_json;

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Json points_of(const std::vector<Contribution>& contributions) {
  Json out = Json::array();
  for (const auto& c : contributions) out.push_back({{"rule", c.rule}, {"points", decimal_to_json<Json>(c.points)}});
  return out;
}

}  // namespace

const Json& masked_marker() {
  static const Json marker = {{"masked", true}};
  return marker;
}

Json decision_summary(const AdviceResult& result, const std::vector<std::string>& mask, const std::vector<std::string>& drop) {
  Json strategies = Json::array();
  for (const auto& s : result.strategies) {
    strategies.push_back(
        {{"id", s.id}, {"rank", s.rank}, {"score", decimal_to_json<Json>(s.score)}, {"because", points_of(s.because)}});
  }
  Json excluded = Json::array();
  for (const auto& e : result.excluded) {
    Json vetoes = Json::array();
    for (const auto& v : e.vetoed_by) vetoes.push_back(v.rule);
    excluded.push_back(
        {{"id", e.id}, {"score", decimal_to_json<Json>(e.score)}, {"vetoed_by", std::move(vetoes)}, {"because", points_of(e.because)}});
  }
  Json advice = Json::array();
  for (const auto& a : result.advice) advice.push_back({{"id", a.id}, {"rules", a.rules}});
  Json outputs = Json::object();
  for (const auto& [name, value] : result.outputs) {
    if (listed(drop, name)) continue;
    outputs[name] = listed(mask, name) ? masked_marker() : Json::parse(value.dump());
  }
  Json missing = Json::array();
  for (const auto& m : result.missing) missing.push_back(m.fact);
  Json faults = Json::array();
  for (const auto& f : result.faults) faults.push_back({{"where", f.where}, {"message", f.message}});
  return {{"strategies", std::move(strategies)}, {"excluded", std::move(excluded)}, {"advice", std::move(advice)},
          {"outputs", std::move(outputs)},       {"missing", std::move(missing)},   {"faults", std::move(faults)}};
}

std::set<std::string> fired_rules(const AdviceResult& result) {
  std::set<std::string> fired;
  if (!result.trace.empty()) {
    for (const auto& t : result.trace) {
      if (t.status == "fired") fired.insert(t.rule);
    }
    return fired;
  }
  const auto add = [&](const std::vector<Contribution>& list) {
    for (const auto& c : list) fired.insert(c.rule);
  };
  for (const auto& s : result.strategies) add(s.because);
  for (const auto& e : result.excluded) {
    add(e.vetoed_by);
    add(e.because);
  }
  for (const auto& a : result.advice) fired.insert(a.rules.begin(), a.rules.end());
  return fired;
}

}  // namespace forbear::detail
