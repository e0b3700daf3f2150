// Duplicate rules: the same condition however it is written, and identical rules.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"

namespace {

using Strings = std::vector<std::string>;
using forbear::test::lint_warnings;

// Lines 2 to 6; rule `a` on line 7, rule `b` on line 8.
const std::string kHead =
    "ruleset t version \"1\"\n"
    "fact x: int \"x\"\n"
    "fact h: enum(none, illness) \"h\"\n"
    "fact b: bool \"b\"\n"
    "strategy s { en: \"S\" }\n"
    "strategy u { en: \"U\" }\n";

std::string rule(const std::string& name, const std::string& condition, const std::string& effects) {
  return "rule " + name + " when " + condition + " then " + effects + " because \"b\" source \"s\"\n";
}

// The duplicate warnings of rules `a` and `b`.
Strings duplicates(const std::string& a, const std::string& b, const std::string& effects_a = "s += 1",
                   const std::string& effects_b = "u += 1") {
  INFO(a << " / " << b);
  const std::string text = kHead + rule("a", a, effects_a) + rule("b", b, effects_b);
  Strings out = lint_warnings(text, "has the same condition as");
  for (const auto& line : lint_warnings(text, "identical")) out.push_back(line);
  return out;
}

const Strings kSame{"8:6: [b] warning: rule 'b' has the same condition as rule 'a' (t.rules:7); merge them",
                    "  7:6: [a] note: 'a' is declared here"};

}  // namespace

TEST_CASE("lint: the same condition written differently", "[lint]") {
  CHECK(duplicates("x > 3 and b", "x > 3 and b") == kSame);
  CHECK(duplicates("x > 3 and b", "b and x > 3") == kSame);
  CHECK(duplicates("x > 3 and b", "(b) and (3 < x)") == kSame);
  CHECK(duplicates("x >= 3", "3 <= x") == kSame);
  CHECK(duplicates("h == none", "none == h") == kSame);
  CHECK(duplicates("h in {none, illness}", "h in {illness, none}") == kSame);
  CHECK(duplicates("(x > 1 and b) and h == none", "x > 1 and (b and h == none)") == kSame);
  CHECK(duplicates("x > 1 or b or h == none", "h == none or (b or x > 1)") == kSame);
  CHECK(duplicates("not not b", "b") == kSame);
  CHECK(duplicates("b and b", "b") == kSame);
  CHECK(duplicates("x > 3 and b", "x > 3\n  and b") == kSame);
}

TEST_CASE("lint: conditions that differ are not duplicates", "[lint]") {
  CHECK(duplicates("x > 3", "x >= 3").empty());
  CHECK(duplicates("x > 3", "x > 4").empty());
  CHECK(duplicates("x > 3 and b", "x > 3 or b").empty());
  CHECK(duplicates("x - 1 > 3", "1 - x > 3").empty());
  CHECK(duplicates("h in {none}", "h not in {none}").empty());
  CHECK(duplicates("b", "not b").empty());
}

TEST_CASE("lint: identical rules: the same condition and the same effects", "[lint]") {
  const Strings identical{"8:6: [b] warning: rule 'b' is identical to rule 'a' (t.rules:7): the same condition and the same "
                          "effects; remove one of them",
                          "  7:6: [a] note: 'a' is declared here"};
  CHECK(duplicates("b", "b", "s += 1", "s += 1") == identical);
  // Effects in any order, points for one strategy added up, a veto or advice given twice.
  CHECK(duplicates("b", "b", "s += 1, exclude u", "exclude u, s += 0.5, s += 0.5") == identical);
  CHECK(duplicates("b", "b", "exclude u, exclude u", "exclude u") == identical);
  CHECK(duplicates("b", "b", "s += 1", "s += 2") == kSame);
  CHECK(duplicates("b", "b", "s += 1", "s -= 1") == kSame);
  CHECK(duplicates("b", "b", "s += 1", "u += 1") == kSame);
}

TEST_CASE("lint: a third rule is compared with the one it repeats", "[lint]") {
  const std::string text = kHead + rule("a", "b", "s += 1") + rule("b", "b", "u += 1") + rule("c", "b", "u += 1") +
                           rule("d", "b", "s += 5");
  CHECK(lint_warnings(text, "rule '") ==
        Strings{"8:6: [b] warning: rule 'b' has the same condition as rule 'a' (t.rules:7); merge them",
                "  7:6: [a] note: 'a' is declared here",
                "9:6: [c] warning: rule 'c' is identical to rule 'b' (t.rules:8): the same condition and the same effects; "
                "remove one of them",
                "  8:6: [b] note: 'b' is declared here",
                "10:6: [d] warning: rule 'd' has the same condition as rule 'a' (t.rules:7); merge them",
                "  7:6: [a] note: 'a' is declared here"});
}
