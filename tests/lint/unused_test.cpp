// Unused facts and derived facts: what counts as a use (a definition, a rule's condition, any
// text template) and what does not.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"

namespace {

using Strings = std::vector<std::string>;
using forbear::test::lint_warnings;

Strings unused(const std::string& text) { return lint_warnings("ruleset t version \"1\"\n" + text, "is not used"); }

}  // namespace

TEST_CASE("lint: a fact or derived fact that nothing reads", "[lint]") {
  CHECK(unused("fact a: int \"a\"\n"
               "fact b: int \"b\"\n"
               "let twice = a * 2\n"
               "let spare = a + 1\n"
               "output shown = twice + 1\n") ==
        Strings{"3:6: [b] warning: fact 'b' is not used: no rule, derived fact or text reads it; use it in a rule or remove it",
                "5:5: [spare] warning: derived fact 'spare' is not used: no rule, derived fact or text reads it; use it, remove "
                "it, or make it an 'output' to publish it"});
}

TEST_CASE("lint: every kind of read counts as a use", "[lint]") {
  // In a rule's condition, in a derived fact, and in the texts of rules, strategies, advice and
  // descriptions, in either language.
  CHECK(unused("fact in_condition: int \"c\"\n"
               "fact in_let: int \"l\"\n"
               "fact in_because: int \"b\"\n"
               "fact in_strategy: int \"s\"\n"
               "fact in_advice: int \"a\"\n"
               "fact in_description: int \"d\"\n"
               "let derived = in_let > 1\n"
               "output published = 1 { zh: \"{in_description}\" }\n"
               "strategy s { en: \"{in_strategy}\" }\n"
               "advice doc.x { zh: \"{in_advice}\", en: \"x\" }\n"
               "rule r when in_condition > 1 and derived then s += 1, advise doc.x because { en: \"{in_because}\" } source \"s\"\n")
            .empty());
}

TEST_CASE("lint: only direct reads count", "[lint]") {
  // `a` is read by `spare`, which nothing reads: only `spare` is reported.
  CHECK(unused("fact a: int \"a\"\nlet spare = a + 1\n") ==
        Strings{"3:5: [spare] warning: derived fact 'spare' is not used: no rule, derived fact or text reads it; use it, "
                "remove it, or make it an 'output' to publish it"});
  // A fact read only by a rule that can never fire is still read.
  CHECK(unused("fact a: int \"a\"\nstrategy s { en: \"S\" }\nrule r when a > 1 and a < 0 then s += 1 because \"b\" source \"s\"\n")
            .empty());
}
