// replay_record(): reads one audit record, advises on its facts again and compares the decisions.

#include "audit/replay.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "audit/decision_summary.hpp"
#include "audit/exact_object.hpp"
#include "forbear/engine.hpp"
#include "model/program.hpp"
#include "util/case_access.hpp"

namespace forbear::detail {
namespace {

using Json = nlohmann::ordered_json;
using Verdict = ReplayedRecord::Verdict;

ReplayedRecord malformed(std::size_t number, std::string reason) {
  ReplayedRecord out;
  out.line = number;
  out.verdict = Verdict::malformed;
  out.reason = std::move(reason);
  return out;
}

// The names in a JSON array of strings; false when it is not one.
bool read_names(const Json& value, std::set<std::string>& names) {
  if (!value.is_array()) return false;
  for (const auto& name : value) {
    if (!name.is_string()) return false;
    names.insert(name.get<std::string>());
  }
  return true;
}

std::vector<std::string> ids_of(const Json& list) {
  std::vector<std::string> ids;
  for (const auto& entry : list) ids.push_back(entry.value("id", ""));
  return ids;
}

// (strategy, rule) -> points, from the "because" lists of ranked and excluded strategies.
std::map<std::pair<std::string, std::string>, Json> points_by_rule(const Json& summary) {
  std::map<std::pair<std::string, std::string>, Json> out;
  for (const char* list : {"strategies", "excluded"}) {
    for (const auto& strategy : summary.at(list)) {
      for (const auto& c : strategy.at("because")) {
        out[{strategy.at("id").get<std::string>(), c.at("rule").get<std::string>()}] = c.at("points");
      }
    }
  }
  return out;
}

// Strategy id -> the rules vetoing it.
std::map<std::string, Json> vetoes_of(const Json& summary) {
  std::map<std::string, Json> out;
  for (const auto& e : summary.at("excluded")) out[e.at("id").get<std::string>()] = e.at("vetoed_by");
  return out;
}

std::map<std::string, Json> scores_of(const Json& summary) {
  std::map<std::string, Json> out;
  for (const char* list : {"strategies", "excluded"}) {
    for (const auto& s : summary.at(list)) out[s.at("id").get<std::string>()] = s.at("score");
  }
  return out;
}

std::set<std::string> advice_of(const Json& summary) {
  std::set<std::string> out;
  for (const auto& a : summary.at("advice")) out.insert(a.at("id").get<std::string>());
  return out;
}

// The differences between the logged and the replayed decision. Outputs in `hidden` are not compared.
std::vector<DecisionChange> compare(const Json& before, const Json& after, const std::set<std::string>& hidden) {
  std::vector<DecisionChange> changes;
  const auto ranking_before = ids_of(before.at("strategies"));
  const auto ranking_after = ids_of(after.at("strategies"));
  const Json top_before = ranking_before.empty() ? Json(nullptr) : Json(ranking_before.front());
  const Json top_after = ranking_after.empty() ? Json(nullptr) : Json(ranking_after.front());
  if (top_before != top_after) changes.push_back({"top", "", top_before, top_after});
  if (ranking_before != ranking_after) changes.push_back({"ranking", "", ranking_before, ranking_after});

  const auto scores_before = scores_of(before);
  const auto scores_after = scores_of(after);
  for (const auto& [id, score] : scores_after) {
    const auto old = scores_before.find(id);
    const Json was = old == scores_before.end() ? Json(nullptr) : old->second;
    if (was != score) changes.push_back({"score", id, was, score});
  }
  for (const auto& [id, score] : scores_before) {
    if (!scores_after.count(id)) changes.push_back({"score", id, score, nullptr});
  }

  const auto vetoes_before = vetoes_of(before);
  const auto vetoes_after = vetoes_of(after);
  std::set<std::string> vetoed;
  for (const auto& [id, rules] : vetoes_before) vetoed.insert(id);
  for (const auto& [id, rules] : vetoes_after) vetoed.insert(id);
  for (const auto& id : vetoed) {
    const auto b = vetoes_before.find(id);
    const auto a = vetoes_after.find(id);
    const Json was = b == vetoes_before.end() ? Json::array() : b->second;
    const Json now = a == vetoes_after.end() ? Json::array() : a->second;
    if (was != now) changes.push_back({"vetoed_by", id, was, now});
  }

  const auto advice_before = advice_of(before);
  const auto advice_after = advice_of(after);
  for (const auto& id : advice_after) {
    if (!advice_before.count(id)) changes.push_back({"advice", id, false, true});
  }
  for (const auto& id : advice_before) {
    if (!advice_after.count(id)) changes.push_back({"advice", id, true, false});
  }

  const Json& outputs_before = before.at("outputs");
  const Json& outputs_after = after.at("outputs");
  for (const auto& [name, value] : outputs_after.items()) {
    if (hidden.count(name) || value == masked_marker()) continue;
    const auto old = outputs_before.find(name);
    if (old != outputs_before.end() && *old == masked_marker()) continue;
    const Json was = old == outputs_before.end() ? Json(nullptr) : *old;
    if (was != value) changes.push_back({"output", name, was, value});
  }
  for (const auto& [name, value] : outputs_before.items()) {
    if (!outputs_after.contains(name) && !hidden.count(name) && value != masked_marker()) {
      changes.push_back({"output", name, value, nullptr});
    }
  }
  return changes;
}

std::string number_text(const Json& points) {
  if (points.is_null()) return "no";
  return points.dump();
}

// The rules whose part changed: fired before and not now or the other way round, or fired both
// times and gave a strategy other points.
std::vector<RuleChange> rule_changes(const RuleSet& rules, const std::set<std::string>& fired_before,
                                     const std::set<std::string>& fired_after, const Json& before, const Json& after) {
  std::map<std::string, std::string> location;
  for (const auto& rule : rules.program().rules) location[rule.name] = rule.location;
  const auto where = [&](const std::string& rule) {
    const auto it = location.find(rule);
    return it == location.end() ? std::string() : it->second;
  };
  std::vector<RuleChange> out;
  for (const auto& rule : fired_after) {
    if (!fired_before.count(rule)) out.push_back({rule, "now fires", where(rule)});
  }
  for (const auto& rule : fired_before) {
    if (fired_after.count(rule)) continue;
    const bool gone = !location.count(rule);
    out.push_back({rule, gone ? "no longer fires (no longer in the rules)" : "no longer fires", where(rule)});
  }
  const auto points_before = points_by_rule(before);
  const auto points_after = points_by_rule(after);
  for (const auto& [key, points] : points_after) {
    const auto& [strategy, rule] = key;
    if (!fired_before.count(rule)) continue;
    const auto old = points_before.find(key);
    const Json was = old == points_before.end() ? Json(nullptr) : old->second;
    if (was != points) {
      out.push_back({rule, "gives " + strategy + " " + number_text(points) + " points (was " + number_text(was) + ")", where(rule)});
    }
  }
  for (const auto& [key, points] : points_before) {
    const auto& [strategy, rule] = key;
    if (fired_after.count(rule) && !points_after.count(key)) {
      out.push_back({rule, "gives " + strategy + " no points (was " + number_text(points) + ")", where(rule)});
    }
  }
  return out;
}

// The masked or dropped facts the replayed advice cannot do without: a rule left undecided for want
// of one, or an output unknown now that was known when logged (outputs in `hidden` are not compared).
std::set<std::string> needed_unknowns(const RuleSet& rules, const AdviceResult& result, const std::set<std::string>& unknown,
                                      const Json& logged, const std::set<std::string>& hidden) {
  std::set<std::string> needed;
  for (const auto& t : result.trace) {
    if (t.status != "unknown") continue;
    for (const auto& fact : t.missing) {
      if (unknown.count(fact)) needed.insert(fact);
    }
  }
  const Json& logged_outputs = logged.at("outputs");
  for (const auto& [name, value] : result.outputs) {
    const auto old = logged_outputs.find(name);
    if (!value.is_null() || hidden.count(name) || old == logged_outputs.end() || old->is_null() || *old == masked_marker()) {
      continue;
    }
    for (const auto& fact : unknown) {
      const auto reach = rules.dependents(fact);
      if (std::find(reach.begin(), reach.end(), "output:" + name) != reach.end()) needed.insert(fact);
    }
  }
  return needed;
}

std::string listed(const std::set<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::same: return "same";
    case Verdict::different: return "different";
    case Verdict::cannot_replay: return "cannot_replay";
    case Verdict::malformed: break;
  }
  return "malformed";
}

ReplayedRecord replay_record(const RuleSet& rules, std::string_view line, std::size_t number) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return malformed(number, "blank line");
  NumberTexts numbers;
  std::string error;
  const auto record = read_exact(line, "facts", numbers, error);
  if (!record) return malformed(number, "invalid JSON: " + error);
  if (!record->is_object()) return malformed(number, "not a JSON object");
  for (const char* field : {"facts", "result"}) {
    if (!record->contains(field) || !record->at(field).is_object()) {
      return malformed(number, std::string("no \"") + field + "\" object");
    }
  }
  const Json& logged = record->at("result");
  for (const char* field : {"strategies", "excluded", "advice"}) {
    if (!logged.contains(field) || !logged.at(field).is_array()) {
      return malformed(number, std::string("no \"result\".\"") + field + "\" array");
    }
  }
  if (!logged.contains("outputs") || !logged.at("outputs").is_object()) return malformed(number, "no \"result\".\"outputs\" object");
  std::set<std::string> fired_before;
  std::set<std::string> masked_names;
  std::set<std::string> dropped;
  if (!record->contains("fired") || !read_names(record->at("fired"), fired_before)) {
    return malformed(number, "no \"fired\" array of rule names");
  }
  if (!record->contains("masked") || !read_names(record->at("masked"), masked_names)) {
    return malformed(number, "no \"masked\" array of names");
  }
  if (!record->contains("dropped") || !read_names(record->at("dropped"), dropped)) {
    return malformed(number, "no \"dropped\" array of names");
  }

  ReplayedRecord out;
  out.line = number;
  const Json& facts = record->at("facts");
  if (facts.contains("id")) out.id = facts.at("id");

  // Masked facts are left out of the case, and made unknown below even where they have a default.
  std::set<std::string> unknown = dropped;
  const std::string facts_text = write_exact(facts, numbers, [&](const std::string& name, std::string exact) -> std::optional<std::string> {
    if (facts.at(name) == masked_marker()) {
      unknown.insert(name);
      return std::nullopt;
    }
    return exact;
  });
  auto parsed = parse_case_json(rules, facts_text);
  if (!parsed.ok()) {
    const auto& first = parsed.errors.front();
    out.verdict = Verdict::cannot_replay;
    out.reason = "the facts do not fit the rules: " + (first.field.empty() ? "" : "'" + first.field + "': ") + first.message;
    return out;
  }
  Case replayed_case = std::move(*parsed.value);
  std::set<std::string> unknown_facts;
  if (!unknown.empty()) {
    std::vector<Value> values = replayed_case.facts();
    const auto declared = rules.facts();
    for (std::size_t slot = 0; slot < declared.size(); ++slot) {
      if (unknown.count(declared[slot].name)) {
        values[slot] = std::monostate{};
        unknown_facts.insert(declared[slot].name);
      }
    }
    replayed_case = CaseAccess::make(rules, std::move(values), replayed_case.id());
  }
  const AdviceResult result = advise(rules, replayed_case);

  std::set<std::string> hidden = masked_names;
  hidden.insert(dropped.begin(), dropped.end());
  const Json now = decision_summary(result, {}, {});
  const auto needed = needed_unknowns(rules, result, unknown_facts, logged, hidden);
  if (!needed.empty()) {
    out.verdict = Verdict::cannot_replay;
    const bool all_dropped = std::all_of(needed.begin(), needed.end(), [&](const std::string& f) { return dropped.count(f) > 0; });
    out.reason = std::string("depends on ") + (all_dropped ? "dropped" : "masked") + " fact" + (needed.size() > 1 ? "s " : " ") + listed(needed);
    return out;
  }
  try {
    out.changes = compare(logged, now, hidden);
    if (!out.changes.empty()) out.rules = rule_changes(rules, fired_before, fired_rules(result), logged, now);
  } catch (const nlohmann::json::exception& e) {
    std::string message = e.what();
    const auto detail = message.find("] ");
    if (detail != std::string::npos) message = message.substr(detail + 2);
    return malformed(number, "the logged result is not one an audit log writes: " + message);
  }
  out.verdict = out.changes.empty() ? Verdict::same : Verdict::different;
  return out;
}

}  // namespace forbear::detail
