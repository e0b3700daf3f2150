// A host application's view of forbear: load the rules once, then advise on a case.
//
//   advise_one_case RULES_DIR CASE.json
//
// Prints the top strategy, the plan and the advice ids; exits 1 on rule errors, 2 on bad input.

#include <fstream>
#include <iostream>

#include <forbear/forbear.hpp>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: advise_one_case RULES_DIR CASE.json\n";
    return 2;
  }
  const forbear::LoadResult loaded = forbear::load_rules({argv[1]});
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return 1;
  }
  const forbear::RuleSet& rules = *loaded.rules;

  std::ifstream in(argv[2]);
  const nlohmann::json facts = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (facts.is_discarded()) {
    std::cerr << argv[2] << ": not valid JSON\n";
    return 2;
  }
  const forbear::CaseResult parsed = forbear::parse_case(rules, facts);
  if (!parsed.ok()) {
    for (const auto& error : parsed.errors) std::cerr << error.field << ": " << error.message << '\n';
    return 2;
  }

  const forbear::AdviceResult advice = forbear::advise(rules, *parsed.value);
  std::cout << "rules: " << advice.ruleset.name << ' ' << advice.ruleset.version << '\n';
  if (!advice.strategies.empty()) {
    const auto& top = advice.strategies.front();
    std::cout << "top: " << top.id << " (" << top.score.to_string() << " points) " << top.label.in("en") << '\n';
  }
  for (const auto& [name, value] : advice.outputs) std::cout << name << ": " << value.dump() << '\n';
  for (const auto& item : advice.advice) std::cout << "advice: " << item.id << '\n';
  return 0;
}
