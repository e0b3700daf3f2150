// Loads the installed package's shipped rules and advises on one case.
//
//   consumer CASE.json      prints the rule set and the top strategy; exits 1 on rule errors, 2 on a bad case

#include <fstream>
#include <iostream>
#include <sstream>

#include <forbear/forbear.hpp>
#include <forbear/version.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer CASE.json\n";
    return 2;
  }
  const forbear::LoadResult loaded = forbear::load_rules({SHIPPED_RULES});
  if (!loaded.ok()) {
    std::cerr << loaded.rendered_diagnostics();
    return 1;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const forbear::CaseResult parsed = forbear::parse_case_json(*loaded.rules, text.str());
  if (!parsed.ok()) {
    for (const auto& error : parsed.errors) std::cerr << argv[1] << ": " << error.field << ' ' << error.message << '\n';
    return 2;
  }
  const forbear::AdviceResult advice = forbear::advise(*loaded.rules, *parsed.value, {.trace = false});
  std::cout << "forbear " << FORBEAR_VERSION_STRING << ", rules " << advice.ruleset.name << ' ' << advice.ruleset.version
            << '\n';
  std::cout << "top: " << (advice.strategies.empty() ? "(none)" : advice.strategies.front().id) << '\n';
  return 0;
}
