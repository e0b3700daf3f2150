// Strategies that never gain points and advice that is never given, counting only rules that can
// fire.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"

namespace {

using Strings = std::vector<std::string>;
using forbear::test::lint_messages;

const std::string kHead =
    "ruleset t version \"1\"\n"
    "fact x: int \"x\"\n"
    "strategy s { en: \"S\" }\n"
    "strategy kept { en: \"K\" }\n"
    "advice doc.a { en: \"A\" }\n";

std::string rule(const std::string& name, const std::string& condition, const std::string& effects) {
  return "rule " + name + " when " + condition + " then " + effects + " because \"b\" source \"s\"\n";
}

// The warnings about strategy `s` and advice `doc.a` after the given rules (`kept` gets points).
Strings unreachable(const std::string& rules) {
  const std::string text = kHead + rule("keep", "x > 0", "kept += 1") + rules;
  Strings out = lint_messages(text, "strategy 's'");
  for (const auto& line : lint_messages(text, "advice 'doc.a'")) out.push_back(line);
  return out;
}

const std::string kNeverGiven =
    "[doc.a] warning: advice 'doc.a' is never given: no rule that can fire advises it; advise it in a rule or remove it";

}  // namespace

TEST_CASE("lint: a strategy that no rule gives points", "[lint]") {
  CHECK(unreachable(rule("r", "x > 1", "advise doc.a")) ==
        Strings{"[s] warning: strategy 's' gets no points from any rule that can fire: it always scores 0; give it points in a "
                "rule or remove it"});
  CHECK(unreachable(rule("r", "x > 1", "s -= 2, advise doc.a")) ==
        Strings{"[s] warning: strategy 's' never gains points: the rules that can fire only take points from it"});
  CHECK(unreachable(rule("r", "x > 1", "s -= 2, advise doc.a") + rule("v", "x > 5", "exclude s")) ==
        Strings{"[s] warning: strategy 's' never gains points: the rules that can fire only take points from it or exclude it"});
  CHECK(unreachable(rule("v", "x > 5", "exclude s, advise doc.a")) ==
        Strings{"[s] warning: strategy 's' is only ever excluded: no rule that can fire gives it points"});
  // A rule's effects on one strategy add up.
  CHECK(unreachable(rule("r", "x > 1", "s += 2, s -= 3, advise doc.a")) ==
        Strings{"[s] warning: strategy 's' never gains points: the rules that can fire only take points from it"});
}

TEST_CASE("lint: rules that could reach a strategy but can never fire are shown", "[lint]") {
  CHECK(unreachable(rule("dead", "x > 1 and x < 0", "s += 2, advise doc.a")) ==
        Strings{"[s] warning: strategy 's' gets no points from any rule that can fire: it always scores 0; give it points in a "
                "rule or remove it",
                "  [dead] note: rule 'dead' gives it points but can never fire", kNeverGiven,
                "  [dead] note: rule 'dead' advises it but can never fire"});
}

TEST_CASE("lint: advice that no rule gives", "[lint]") {
  CHECK(unreachable(rule("r", "x > 1", "s += 1")) == Strings{kNeverGiven});
  CHECK(unreachable(rule("r", "x > 1", "s += 1, advise doc.a")).empty());
  // One rule that can fire is enough, whatever the others.
  CHECK(unreachable(rule("dead", "false", "s += 1, advise doc.a") + rule("r", "x > 1", "s += 1, advise doc.a")).empty());
}
