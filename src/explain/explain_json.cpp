// to_json for why-not, what-if and diff; schema in docs/result-schema.md.

#include "forbear/explain.hpp"
#include "io/json_number.hpp"

namespace forbear {
namespace {

using Json = nlohmann::ordered_json;

Json points_json(Decimal points) { return detail::decimal_to_json<Json>(points); }

Json text_json(const LocalizedText& text) { return Json{{"zh", text.zh}, {"en", text.en}}; }

Json plain(const nlohmann::json& value) { return Json::parse(value.dump()); }

Json setting_json(const std::optional<FactSetting>& setting) {
  if (!setting) return nullptr;
  return Json{{"fact", setting->fact}, {"value", plain(setting->value)}};
}

Json part_json(const ConditionPart& part) {
  Json out{{"expression", part.expression}, {"outcome", part.outcome}, {"missing", part.missing}};
  Json parts = Json::array();
  for (const auto& inner : part.parts) parts.push_back(part_json(inner));
  out["parts"] = std::move(parts);
  out["alternatives"] = part.alternatives;
  return out;
}

Json rules_json(const std::vector<RuleExplanation>& rules) {
  Json out = Json::array();
  for (const auto& r : rules) {
    Json failed = Json::array();
    for (const auto& part : r.failed) failed.push_back(part_json(part));
    out.push_back({{"rule", r.rule}, {"status", r.status}, {"points", points_json(r.points)}, {"vetoes", r.vetoes},
                   {"condition", r.condition}, {"failed", std::move(failed)}, {"missing", r.missing},
                   {"would_fire_with", setting_json(r.would_fire_with)}, {"reason", text_json(r.reason)},
                   {"source", r.sources}, {"location", r.location}});
  }
  return out;
}

Json changes_json(const std::vector<ValueChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes) out.push_back({{"name", c.name}, {"before", plain(c.before)}, {"after", plain(c.after)}});
  return out;
}

}  // namespace

nlohmann::ordered_json to_json(const WhyNot& why) {
  Json ahead = Json::array();
  for (const auto& r : why.ahead) {
    ahead.push_back({{"id", r.id}, {"label", text_json(r.label)}, {"rank", r.rank}, {"score", points_json(r.score)},
                     {"lead", points_json(r.lead)}});
  }
  Json best = nullptr;
  if (why.best_change) {
    best = {{"fact", why.best_change->change.fact}, {"value", plain(why.best_change->change.value)},
            {"rank", why.best_change->rank}, {"score", points_json(why.best_change->score)}};
  }
  return Json{{"strategy", why.strategy},
              {"label", text_json(why.label)},
              {"excluded", why.excluded},
              {"rank", why.excluded ? Json(nullptr) : Json(why.rank)},
              {"score", points_json(why.score)},
              {"ahead", std::move(ahead)},
              {"vetoed_by", rules_json(why.vetoed_by)},
              {"took_points", rules_json(why.took_points)},
              {"gave_points", rules_json(why.gave_points)},
              {"could_have_helped", rules_json(why.could_have_helped)},
              {"best_change", std::move(best)}};
}

nlohmann::ordered_json to_json(const AdviceDiff& diff) {
  Json ranking = Json::array();
  for (const auto& m : diff.ranking) {
    ranking.push_back({{"id", m.id},
                       {"rank_before", m.rank_before == 0 ? Json(nullptr) : Json(m.rank_before)},
                       {"rank_after", m.rank_after == 0 ? Json(nullptr) : Json(m.rank_after)},
                       {"score_before", points_json(m.score_before)},
                       {"score_after", points_json(m.score_after)}});
  }
  Json rules = Json::array();
  for (const auto& r : diff.rules) rules.push_back({{"rule", r.rule}, {"before", r.before}, {"after", r.after}});
  return Json{{"ranking", std::move(ranking)},
              {"newly_excluded", diff.newly_excluded},
              {"no_longer_excluded", diff.no_longer_excluded},
              {"advice_added", diff.advice_added},
              {"advice_removed", diff.advice_removed},
              {"outputs", changes_json(diff.outputs)},
              {"rules", std::move(rules)},
              {"missing_added", diff.missing_added},
              {"missing_removed", diff.missing_removed}};
}

nlohmann::ordered_json to_json(const WhatIf& what) {
  return Json{{"changes", changes_json(what.changes)},
              {"before", to_json(what.before)},
              {"after", to_json(what.after)},
              {"diff", to_json(what.diff)}};
}

}  // namespace forbear
