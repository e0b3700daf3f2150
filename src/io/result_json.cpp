// to_json(AdviceResult): the machine-readable advice; schema in docs/result-schema.md.

#include "forbear/advice.hpp"
#include "io/json_number.hpp"

namespace forbear {
namespace {

using Json = nlohmann::ordered_json;

Json points_json(Decimal points) { return detail::decimal_to_json<Json>(points); }

Json text_json(const LocalizedText& text) { return Json{{"zh", text.zh}, {"en", text.en}}; }

Json contributions_json(const std::vector<Contribution>& list) {
  Json out = Json::array();
  for (const auto& c : list) {
    out.push_back({{"rule", c.rule}, {"points", points_json(c.points)}, {"reason", text_json(c.reason)},
                   {"source", c.sources}, {"location", c.location}});
  }
  return out;
}

}  // namespace

nlohmann::ordered_json to_json(const AdviceResult& result) {
  Json out;
  if (!result.id.is_null()) out["id"] = Json::parse(result.id.dump());
  out["ruleset"] = {{"name", result.ruleset.name}, {"version", result.ruleset.version}, {"sha256", result.ruleset.sha256}};

  Json strategies = Json::array();
  for (const auto& s : result.strategies) {
    strategies.push_back({{"id", s.id}, {"rank", s.rank}, {"score", points_json(s.score)}, {"label", text_json(s.label)},
                          {"because", contributions_json(s.because)}});
  }
  out["strategies"] = std::move(strategies);

  Json excluded = Json::array();
  for (const auto& e : result.excluded) {
    excluded.push_back({{"id", e.id}, {"label", text_json(e.label)}, {"score", points_json(e.score)},
                        {"vetoed_by", contributions_json(e.vetoed_by)}, {"because", contributions_json(e.because)}});
  }
  out["excluded"] = std::move(excluded);

  Json outputs = Json::object();
  for (const auto& [name, value] : result.outputs) outputs[name] = Json::parse(value.dump());
  out["outputs"] = std::move(outputs);

  Json advice = Json::array();
  for (const auto& a : result.advice) {
    advice.push_back({{"id", a.id}, {"kind", a.kind}, {"text", text_json(a.text)}, {"rules", a.rules}});
  }
  out["advice"] = std::move(advice);

  Json missing = Json::array();
  for (const auto& m : result.missing) {
    missing.push_back({{"fact", m.fact}, {"description", text_json(m.description)}, {"weight", points_json(m.weight)}, {"rules", m.rules},
                       {"could_change_top", m.could_change_top}, {"positions_moved", m.positions_moved},
                       {"with_value", Json::parse(m.with_value.dump())},
                       {"new_top", m.new_top.empty() ? Json(nullptr) : Json(m.new_top)}});
  }
  out["missing"] = std::move(missing);

  Json faults = Json::array();
  for (const auto& f : result.faults) faults.push_back({{"where", f.where}, {"message", f.message}, {"location", f.location}});
  out["faults"] = std::move(faults);

  Json values = Json::array();
  for (const auto& v : result.values) {
    values.push_back({{"name", v.name}, {"kind", v.kind}, {"expression", v.expression}, {"value", v.value}});
  }
  Json rules = Json::array();
  for (const auto& t : result.trace) {
    Json entry{{"rule", t.rule}, {"status", t.status}, {"condition", t.condition}, {"location", t.location}};
    if (!t.missing.empty()) entry["missing"] = t.missing;
    rules.push_back(std::move(entry));
  }
  out["trace"] = {{"values", std::move(values)}, {"rules", std::move(rules)}};
  return out;
}

}  // namespace forbear
