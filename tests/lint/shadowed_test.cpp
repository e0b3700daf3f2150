// Effects that never matter: points for a strategy that a veto always excludes, and advice that
// another rule always gives already. Only proven implications count.

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
    "fact n: number \"n\"\n"
    "fact b: bool \"b\"\n"
    "fact h: enum(none, illness, job) \"h\"\n"
    "fact days: int in 0.. \"d\"\n"
    "let long = days >= 91 and days <= 180\n"
    "strategy s { en: \"S\" }\n"
    "strategy other { en: \"O\" }\n"
    "advice doc.a { en: \"A\" }\n";

std::string rule(const std::string& name, const std::string& condition, const std::string& effects) {
  return "rule " + name + " when " + condition + " then " + effects + " because \"b\" source \"s\"\n";
}

// The vetoed-points warnings when rule `v` (condition `veto`) excludes `s` and rule `r`
// (condition `points`) gives it `effect`.
Strings vetoed(const std::string& veto, const std::string& points, const std::string& effect = "s += 5") {
  INFO(veto << " / " << points);
  return lint_messages(kHead + rule("v", veto, "exclude s, other += 1") + rule("r", points, effect + ", other += 1"),
                       "never count");
}

const Strings kVetoed{"[s] warning: the points rule 'r' gives to 's' never count in the ranking: whenever 'r' fires, rule 'v' "
                      "(t.rules:11) excludes 's'; remove the points or narrow the veto",
                      "  [s] note: 'v' excludes 's' here"};

// The redundant-advice warnings of rules `p` and `q`, each advising doc.a.
Strings redundant(const std::string& p, const std::string& q) {
  INFO(p << " / " << q);
  return lint_messages(kHead + rule("p", p, "advise doc.a, s += 1") + rule("q", q, "advise doc.a, s += 1"), "need not advise");
}

const Strings kPRedundant{"[doc.a] warning: rule 'p' need not advise 'doc.a': whenever it fires, rule 'q' (t.rules:12) advises it "
                          "too; remove it from 'p'",
                          "  [doc.a] note: 'q' advises 'doc.a' here"};
const Strings kQRedundant{"[doc.a] warning: rule 'q' need not advise 'doc.a': whenever it fires, rule 'p' (t.rules:11) advises it "
                          "too; remove it from 'q'",
                          "  [doc.a] note: 'p' advises 'doc.a' here"};

}  // namespace

TEST_CASE("lint: points that a veto always overrides", "[lint]") {
  CHECK(vetoed("x > 200", "x > 300") == kVetoed);
  CHECK(vetoed("x > 200", "x > 300", "s -= 2") == kVetoed);  // taking points away does not count either
  CHECK(vetoed("x > 200", "x >= 201") == kVetoed);
  CHECK(vetoed("b", "b and x > 3") == kVetoed);
  CHECK(vetoed("n + 1 > 2", "x > 3 and n + 1 > 2") == kVetoed);
  CHECK(vetoed("h in {illness, job}", "h == illness") == kVetoed);
  CHECK(vetoed("days > 90", "long") == kVetoed);
  CHECK(vetoed("x > 200 or b", "x > 300") == kVetoed);
  CHECK(vetoed("x > 200", "x > 300 or x > 250") == kVetoed);
  CHECK(vetoed("not known(x)", "not known(x) and b") == kVetoed);
  CHECK(vetoed("true", "b") == kVetoed);
}

TEST_CASE("lint: points that count at least sometimes", "[lint]") {
  CHECK(vetoed("x > 200", "x > 100").empty());
  CHECK(vetoed("x > 200", "x >= 200").empty());
  CHECK(vetoed("x > 3", "x > 3 or b").empty());
  CHECK(vetoed("b", "x > 3").empty());
  CHECK(vetoed("x < 5", "not known(x)").empty());    // unknown x: the veto does not fire
  CHECK(vetoed("not (x > 5)", "x < 10").empty());
  CHECK(vetoed("n - 1 > 2", "n > 3").empty());        // arithmetic is not reasoned about
  CHECK(vetoed("x > 200 and x < 100", "x > 300").empty());  // a veto that can never fire
  CHECK(vetoed("x > 200", "x > 300 and x < 100").empty());  // reported as never firing instead
  CHECK(vetoed("long", "days > 90").empty());
}

TEST_CASE("lint: a rule that gives points to a strategy it excludes", "[lint]") {
  CHECK(lint_messages(kHead + rule("r", "b", "s += 1, exclude s, other += 1"), "never count") ==
        Strings{"[s] warning: rule 'r' gives points to 's' and also excludes it: the points never count in the ranking; remove "
                "one of the two"});
}

TEST_CASE("lint: advice that another rule always gives already", "[lint]") {
  CHECK(redundant("x > 3", "x > 1") == kPRedundant);
  CHECK(redundant("x > 1", "x > 3") == kQRedundant);
  CHECK(redundant("b and x > 3", "b") == kPRedundant);
  CHECK(redundant("b", "true") == kPRedundant);
  // The same condition: the later rule is told, once.
  CHECK(redundant("b", "b") == kQRedundant);
  CHECK(redundant("x > 1 and b", "b and 1 < x") == kQRedundant);
  CHECK(redundant("x > 3", "x < 1").empty());
  CHECK(redundant("x > 3", "x > 1 and b").empty());
  CHECK(redundant("b", "x > 1 and x < 0").empty());  // q can never fire
}
