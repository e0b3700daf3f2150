#pragma once

// What each fuzz target does with one input, shared with the test that replays the corpus and the
// regressions in the normal test suite (fuzz_replay_test.cpp). Every path must end in a result or a
// clear error; a crash, a hang, a leak or undefined behaviour is a bug.

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"

namespace forbear::fuzz {

/// Loads `text` as a rule file and, when it loads, uses everything the rule set offers; also
/// formats it. A text that mentions `include` is only formatted: loading would read other files.
inline void exercise_rules(std::string_view text) {
  const FormatResult formatted = format_rules(text, "fuzz.rules");
  (void)formatted.rendered_diagnostics();
  if (text.find("include") != std::string_view::npos) return;
  const LoadResult loaded = load_rules_from_string(text, "fuzz.rules");
  (void)loaded.rendered_diagnostics();
  if (!loaded.ok()) return;
  const RuleSet& rules = *loaded.rules;
  std::ostringstream dot;
  rules.write_dot(dot);
  for (const FactInfo& fact : rules.facts()) (void)rules.dependents(fact.name);
  // An empty case: every fact unknown (or its default).
  const CaseResult empty = parse_case_json(rules, "{}");
  if (empty.ok()) {
    const AdviceResult result = advise(rules, *empty.value);
    (void)to_json(result).dump();
    (void)render_text(result, "en");
  }
}

/// Reads `text` as a case for `rules`, both as JSON text and as a JSON value, and advises on it.
inline void exercise_case(const RuleSet& rules, std::string_view text) {
  const CaseResult parsed = parse_case_json(rules, text);
  if (parsed.ok()) {
    const AdviceResult result = advise(rules, *parsed.value);
    (void)to_json(result).dump();
    (void)render_text(result, "zh");
    (void)render_text(result, "en");
  }
  const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (value.is_discarded()) return;
  const CaseResult bound = parse_case(rules, value);
  if (bound.ok()) (void)to_json(advise(rules, *bound.value)).dump();
}

/// The shipped rules, loaded once.
inline const RuleSet& shipped_rules(const std::filesystem::path& source_dir) {
  static const RuleSet rules = [&] {
    LoadResult loaded = load_rules({source_dir / "rules"});
    if (!loaded.ok()) throw std::runtime_error("the shipped rules do not load:\n" + loaded.rendered_diagnostics());
    return *loaded.rules;
  }();
  return rules;
}

}  // namespace forbear::fuzz
