// Helpers shared by the tests that load a rule set from text, advise on a case and look into the result.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"

namespace forbear::test {

/// Loads `text` as the rule file `name`; REQUIREs that it loads, with its diagnostics as INFO.
inline forbear::RuleSet load(std::string_view text, std::string name = "t.rules") {
  auto loaded = forbear::load_rules_from_string(text, std::move(name));
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  return *loaded.rules;
}

/// The errors parse_case reported, one "field: message" per line.
inline std::string case_errors(const forbear::CaseResult& parsed) {
  std::string out;
  for (const auto& e : parsed.errors) out += e.field + ": " + e.message + "\n";
  return out;
}

/// Advises on `facts`; REQUIREs that they are a valid case for `rules`, with the case errors as INFO.
inline forbear::AdviceResult run(const forbear::RuleSet& rules, const nlohmann::json& facts,
                                 forbear::AdviseOptions options = {}) {
  const auto parsed = forbear::parse_case(rules, facts);
  INFO(case_errors(parsed));
  REQUIRE(parsed.ok());
  return forbear::advise(rules, *parsed.value, options);
}

/// The ids of the ranked strategies, best first.
inline std::vector<std::string> ranking(const forbear::AdviceResult& result) {
  std::vector<std::string> ids;
  for (const auto& s : result.strategies) ids.push_back(s.id);
  return ids;
}

/// The score of the ranked strategy `id` as text, or "<not ranked>".
inline std::string score_of(const forbear::AdviceResult& result, std::string_view id) {
  for (const auto& s : result.strategies) {
    if (s.id == id) return s.score.to_string();
  }
  return "<not ranked>";
}

/// The value of the output `name`; FAILs the test if there is no such output.
inline nlohmann::json output(const forbear::AdviceResult& result, std::string_view name) {
  for (const auto& [key, value] : result.outputs) {
    if (key == name) return value;
  }
  FAIL("no output " << name);
  return nullptr;
}

/// The ids of the advice items, in result order.
inline std::vector<std::string> advice_ids(const forbear::AdviceResult& result) {
  std::vector<std::string> ids;
  for (const auto& a : result.advice) ids.push_back(a.id);
  return ids;
}

/// The trace of the rule `rule`; REQUIREs that it is there.
inline const forbear::RuleTrace& trace_of(const forbear::AdviceResult& result, std::string_view rule) {
  const auto it = std::find_if(result.trace.begin(), result.trace.end(), [&](const auto& t) { return t.rule == rule; });
  REQUIRE(it != result.trace.end());
  return *it;
}

}  // namespace forbear::test
