// what_if(): the advice before and after changing some facts, and what differs.

#include <algorithm>

#include "eval/render.hpp"
#include "explain/fact_change.hpp"
#include "forbear/explain.hpp"
#include "model/program.hpp"

namespace forbear {
namespace {

using detail::Program;

// The value the evaluation sees for a fact of the case: as given, else its default (JSON).
nlohmann::json seen_value(const Program& program, const Case& facts, detail::Slot slot) {
  Value value = facts.facts()[slot];
  if (!is_known(value) && program.values[slot].default_value) value = *program.values[slot].default_value;
  return detail::value_to_json(program, value, program.values[slot].type);
}

void drop_trace(AdviceResult& result) {
  result.trace.clear();
  result.values.clear();
}

}  // namespace

CaseResult apply_changes(const RuleSet& rules, const nlohmann::json& facts, const std::vector<FactChange>& changes) {
  const Program& program = rules.program();
  CaseResult original = parse_case(rules, facts);
  if (!original.ok()) return original;
  CaseResult result;
  nlohmann::json changed = facts;
  std::vector<std::string> seen;
  for (const auto& change : changes) {
    if (change.fact == detail::kCaseIdField) {
      result.errors.push_back({change.fact, "'" + change.fact + "' names the case; it is not a fact"});
      continue;
    }
    if (std::find(seen.begin(), seen.end(), change.fact) != seen.end()) {
      result.errors.push_back({change.fact, "changed more than once"});
      continue;
    }
    seen.push_back(change.fact);
    const auto fact = std::find_if(program.values.begin(), program.values.begin() + program.fact_count,
                                   [&](const detail::ValueInfo& v) { return v.name == change.fact; });
    changed[change.fact] = detail::change_to_json(fact == program.values.begin() + program.fact_count ? nullptr : &*fact, change.value);
  }
  if (!result.errors.empty()) return result;
  return parse_case(rules, changed);
}

WhatIfResult what_if(const RuleSet& rules, const nlohmann::json& facts, const std::vector<FactChange>& changes,
                     const AdviseOptions& options) {
  const Program& program = rules.program();
  WhatIfResult result;
  auto before = parse_case(rules, facts);
  auto after = apply_changes(rules, facts, changes);
  if (!after.ok()) {
    result.errors = std::move(after.errors);
    return result;
  }

  AdviseOptions traced = options;
  traced.trace = true;  // the diff compares rule statuses
  WhatIf what;
  for (const auto& change : changes) {
    for (detail::Slot slot = 0; slot < program.fact_count; ++slot) {
      if (program.values[slot].name != change.fact) continue;
      what.changes.push_back({change.fact, seen_value(program, *before.value, slot), seen_value(program, *after.value, slot)});
    }
  }
  what.before = advise(rules, *before.value, traced);
  what.after = advise(rules, *after.value, traced);
  what.diff = diff(what.before, what.after);
  if (!options.trace) {
    drop_trace(what.before);
    drop_trace(what.after);
  }
  result.value = std::move(what);
  return result;
}

}  // namespace forbear
