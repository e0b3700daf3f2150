// forbear advise: the advice on one case; --why-not explains a strategy's place, --set shows how
// the advice moves when facts change.

#include <iostream>

#include "cli/audit_hook.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace forbear::cli {

namespace {

std::vector<FactChange> changes_of(const Arguments& args) {
  std::vector<FactChange> changes;
  for (const auto& set : args.sets) {
    if (auto change = parse_fact_change(set)) changes.push_back(std::move(*change));
  }
  return changes;
}

// Each --set error names the fact: "forbear: error: --set x: expected bool, got ...".
void report_change_errors(const std::vector<CaseError>& errors) {
  for (const auto& error : errors) std::cerr << "forbear: error: --set " << error.field << ": " << error.message << '\n';
}

}  // namespace

int run_advise(const Arguments& args) {
  const auto loaded = load(args);
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return kExitRuleErrors;
  }
  const RuleSet& rules = *loaded.rules;
  std::string audit_error;
  const auto audit_log = open_audit_log(args, audit_error);
  if (!audit_error.empty()) {
    std::cerr << "forbear: error: " << audit_error << '\n';
    return kExitUsage;
  }
  std::string name;
  const auto text = read_input(args.input, name, "case file");
  if (!text) return kExitUsage;
  const auto facts = read_case(rules, *text, name);
  if (!facts) return kExitUsage;
  const auto json = parse_json(*text, name);  // for --set; read_case has checked the text already
  if (!json) return kExitUsage;

  // With --set, the why-not questions are about the changed case.
  const std::vector<FactChange> changes = changes_of(args);
  std::optional<Case> changed;
  if (!changes.empty()) {
    auto applied = apply_changes(rules, *json, changes);
    if (!applied.ok()) {
      report_change_errors(applied.errors);
      return kExitUsage;
    }
    changed = std::move(*applied.value);
  }
  std::vector<WhyNot> explanations;
  for (const auto& strategy : args.why_not) {
    auto explained = why_not(rules, changed ? *changed : *facts, strategy);
    if (!explained.ok()) {
      std::cerr << "forbear: error: --why-not: " << explained.error << '\n';
      return kExitUsage;
    }
    explanations.push_back(std::move(*explained.value));
  }

  AdviseOptions options;
  options.trace = args.trace;
  nlohmann::ordered_json out;
  std::string report;
  if (!changes.empty()) {
    const auto compared = what_if(rules, *json, changes, options);
    if (!compared.ok()) {  // apply_changes passed, so this does not happen; report it all the same
      report_change_errors(compared.errors);
      return kExitUsage;
    }
    if (args.format == "json") {
      out = to_json(*compared.value);
    } else {
      report = render_text(*compared.value, args.lang);
    }
  } else {
    const auto result = advise(rules, *facts, options);
    audit_error = audit(audit_log.get(), *text, result);
    if (!audit_error.empty()) {  // no advice goes out unrecorded
      std::cerr << "forbear: error: " << audit_error << '\n';
      return kExitUsage;
    }
    if (args.format == "json") {
      out = to_json(result);
    } else {
      report = render_text(result, args.lang);
    }
  }

  if (args.format == "json") {
    if (!args.why_not.empty()) {
      out["why_not"] = nlohmann::ordered_json::array();
      for (const auto& explanation : explanations) out["why_not"].push_back(to_json(explanation));
    }
    std::cout << out.dump(2) << '\n';
    return kExitOk;
  }
  std::cout << report;
  for (const auto& explanation : explanations) std::cout << '\n' << render_text(explanation, args.lang);
  return kExitOk;
}

}  // namespace forbear::cli
