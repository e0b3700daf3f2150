// The peer workload's correctness check for the normal test suite (no timing): on generated cases,
// forbear (advise with and without trace; the bound-facts API when the tree has it) and, when its library
// is installed, CLIPS give exactly the reference's output.
// Also checks that the cases exercise the rules: every rule fires on some case and not on another.
//
// usage: forbear_peer_check RULES_FILE [CLIPS_FILE] [COUNT]

#include <cstdlib>
#include <iostream>
#include <string>

#include "case_generator.hpp"
#include "forbear_bound_workload.hpp"
#include "forbear_workload.hpp"
#include "reference.hpp"
#ifdef FORBEAR_PEERS_WITH_CLIPS
#include "clips_workload.hpp"
#endif

namespace peers = forbear::peers;

namespace {

int failures = 0;

void expect_same(const char* engine, const peers::PeerCase& c, const peers::PeerOutcome& expected,
                 const peers::PeerOutcome& got) {
  if (got == expected) return;
  if (++failures > 5) return;
  std::cerr << engine << " differs from the reference on case " << peers::case_to_json(c) << "\n  expected "
            << peers::outcome_to_json(c.id, expected) << "\n  got      " << peers::outcome_to_json(c.id, got) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: forbear_peer_check RULES_FILE [CLIPS_FILE] [COUNT]\n";
    return 2;
  }
  const int count = argc > 3 ? std::atoi(argv[3]) : 500;
  try {
    const peers::ForbearWorkload forbear_engine(argv[1]);
#ifdef FORBEAR_PEERS_WITH_CLIPS
    if (argc < 3) throw std::runtime_error("this build has CLIPS: give the .clp file");
    peers::ClipsWorkload clips_engine(argv[2]);
#endif
    peers::ForbearBoundWorkload bound_engine(forbear_engine.rules());
    std::uint32_t fired_somewhere = 0, unfired_somewhere = 0;
    int top_none = 0;
    for (const auto& c : peers::generate_cases(peers::default_seed, count)) {
      const std::string line = peers::case_to_json(c);
      const peers::PeerCase read_back = peers::case_from_json(line);
      if (peers::case_to_json(read_back) != line) {
        ++failures;
        std::cerr << "case line does not read back: " << line << '\n';
      }
      const auto expected = peers::reference_outcome(c);
      fired_somewhere |= expected.fired;
      unfired_somewhere |= ~expected.fired;
      top_none += expected.top < 0 ? 1 : 0;
      const auto facts = nlohmann::json::parse(line);
      expect_same("forbear", c, expected, forbear_engine.evaluate(facts, false));
      expect_same("forbear (trace)", c, expected, forbear_engine.evaluate(facts, true));
#ifdef FORBEAR_PEERS_WITH_CLIPS
      expect_same("CLIPS", c, expected, clips_engine.evaluate(c));
#endif
      expect_same("forbear bound facts", c, expected, bound_engine.evaluate(c));
      expect_same("forbear Context::assign(json)", c, expected, bound_engine.evaluate(facts));
    }
    for (int r = 0; r < peers::rule_count; ++r) {
      const auto bit = 1u << r;
      if ((fired_somewhere & bit) == 0 || (unfired_somewhere & bit) == 0) {
        ++failures;
        std::cerr << "rule " << peers::rule_ids[static_cast<std::size_t>(r)] << " is "
                  << ((fired_somewhere & bit) == 0 ? "never" : "always") << " fired on the generated cases\n";
      }
    }
    if (top_none == 0) {
      ++failures;
      std::cerr << "no generated case has top \"none\"\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << '\n';
    return 1;
  }
  std::string engines = "forbear (advise, with and without trace), forbear bound facts and Context::assign(json)";
#ifdef FORBEAR_PEERS_WITH_CLIPS
  engines += " and CLIPS";
#else
  engines += " (CLIPS not built)";
#endif
  std::cout << count << " generated cases: " << engines << (failures == 0 ? " equal the reference\n" : " differ\n");
  return failures == 0 ? 0 : 1;
}
