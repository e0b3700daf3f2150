// Rules that can never fire: each kind of proof the lint pass makes, with the exact message and
// the text under the mark; and look-alikes that can fire, which must stay silent.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lint/lint_support.hpp"

namespace {

using Strings = std::vector<std::string>;
using forbear::test::never_fires;

// Lines 2 to 13; the rule under test is on line 14.
const std::string kDeclarations =
    "fact days: int in 0.. \"d\"\n"
    "fact x: int \"x\"\n"
    "fact n: number \"n\"\n"
    "fact h: enum(none, illness, job) \"h\"\n"
    "fact h2: enum(none, illness, job) \"h2\"\n"
    "fact b: bool \"b\"\n"
    "fact c: bool = false \"c\"\n"
    "fact t: text \"t\"\n"
    "let long = days >= 91 and days <= 180\n"
    "let short = days >= 4 and days <= 30\n"
    "let status = if not known(n) then \"unknown\" else if n > 0 then \"gain\" else \"loss\"\n"
    "strategy s { en: \"S\" }\n";

Strings check(const std::string& condition) {
  INFO(condition);
  return never_fires(kDeclarations, condition);
}

}  // namespace

TEST_CASE("lint: contradictory comparisons of one number", "[lint]") {
  CHECK(check("days > 90 and days < 30") ==
        Strings{"[days > 90 and days < 30] 'days > 90' and 'days < 30' cannot both be true"});
  // Only the clashing part is marked (in a chain of `and`s, from the first operand that clashes to
  // the last), and only the clashing tests are quoted.
  CHECK(check("b and (x > 90 and x <= 90)") == Strings{"[x > 90 and x <= 90] 'x > 90' and 'x <= 90' cannot both be true"});
  CHECK(check("b and (x > 90 and h == none) and x <= 90") ==
        Strings{"[(x > 90 and h == none) and x <= 90] 'x > 90' and 'x <= 90' cannot both be true"});
  CHECK(check("n >= 30 and n <= 30 and n != 30") ==
        Strings{"[n >= 30 and n <= 30 and n != 30] 'n >= 30', 'n <= 30' and 'n != 30' cannot all be true"});
  CHECK(check("x in {1, 2} and x in {3, 4}") ==
        Strings{"[x in {1, 2} and x in {3, 4}] 'x in {1, 2}' and 'x in {3, 4}' cannot both be true"});
  CHECK(check("x in {1, 2, 3} and x != 1 and x != 2 and x != 3") ==
        Strings{"[x in {1, 2, 3} and x != 1 and x != 2 and x != 3] 'x in {1, 2, 3}', 'x != 1', 'x != 2' and 'x != 3' "
                "cannot all be true"});
  // A literal on the left reads the same.
  CHECK(check("90 < x and 30 > x") == Strings{"[90 < x and 30 > x] '90 < x' and '30 > x' cannot both be true"});
}

TEST_CASE("lint: an int has no value between two whole numbers, a number does", "[lint]") {
  CHECK(check("x > 3 and x < 4") == Strings{"[x > 3 and x < 4] 'x > 3' and 'x < 4' cannot both be true, since 'x' is an int"});
  CHECK(check("x > 2.5 and x < 3") ==
        Strings{"[x > 2.5 and x < 3] 'x > 2.5' and 'x < 3' cannot both be true, since 'x' is an int"});
  CHECK(check("x > -3.5 and x < -3") ==
        Strings{"[x > -3.5 and x < -3] 'x > -3.5' and 'x < -3' cannot both be true, since 'x' is an int"});
  CHECK(check("x > 9223372036854775807") ==
        Strings{"[x > 9223372036854775807] 'x > 9223372036854775807' is never true, since 'x' is an int"});
  CHECK(check("n > 3 and n < 4").empty());
  CHECK(check("n > 3 and n < 3.5").empty());
  CHECK(check("x > -3.5 and x < -2.5").empty());  // -3
  CHECK(check("x >= 9223372036854775807").empty());
  CHECK(check("x <= -9223372036854775807 - 1").empty());  // not a literal: no claim
}

TEST_CASE("lint: a fact's declared range", "[lint]") {
  CHECK(check("days < 0") == Strings{"[days < 0] 'days < 0' is never true, since 'days' is declared int >= 0",
                                     "  [days] note: 'days' is declared here"});
  // A clash that does not need the range does not mention it.
  CHECK(check("days > 5 and days < 2") == Strings{"[days > 5 and days < 2] 'days > 5' and 'days < 2' cannot both be true"});
  CHECK(check("days <= 0").empty());
  CHECK(check("days in {0, 5} and days != 0").empty());
}

TEST_CASE("lint: enums, bools and texts", "[lint]") {
  CHECK(check("h == none and h == illness") ==
        Strings{"[h == none and h == illness] 'h == none' and 'h == illness' cannot both be true"});
  CHECK(check("h in {none} and h not in {none}") ==
        Strings{"[h in {none} and h not in {none}] 'h in {none}' and 'h not in {none}' cannot both be true"});
  CHECK(check("h != none and h != illness and h != job") ==
        Strings{"[h != none and h != illness and h != job] 'h != none', 'h != illness' and 'h != job' cannot all be true, "
                "since 'h' is enum(none, illness, job)"});
  CHECK(check("b and not b") == Strings{"[b and not b] 'b' and 'not b' cannot both be true"});
  CHECK(check("b == true and b == false") == Strings{"[b == true and b == false] 'b == true' and 'b == false' cannot both be true"});
  CHECK(check("b != true and b != false") ==
        Strings{"[b != true and b != false] 'b != true' and 'b != false' cannot both be true, since 'b' is a bool"});
  CHECK(check("t == \"a\" and t == \"b\"") == Strings{"[t == \"a\" and t == \"b\"] 't == \"a\"' and 't == \"b\"' cannot both be true"});
  // Different facts of the same enum, one member left, texts: all possible.
  CHECK(check("h == none and h2 == illness").empty());
  CHECK(check("h != none and h != illness").empty());
  CHECK(check("t != \"a\" and t != \"b\"").empty());
  CHECK(check("b == true or b == false").empty());
}

TEST_CASE("lint: known, not known and defaults", "[lint]") {
  CHECK(check("known(n) and not known(n)") ==
        Strings{"[known(n) and not known(n)] 'known(n)' and 'not known(n)' cannot both be true"});
  // A test of the value needs a value, including inside arithmetic.
  CHECK(check("not known(n) and n > 3") == Strings{"[not known(n) and n > 3] 'not known(n)' and 'n > 3' cannot both be true"});
  CHECK(check("not known(n) and n + x > 3") ==
        Strings{"[not known(n) and n + x > 3] 'not known(n)' and 'n + x > 3' cannot both be true"});
  CHECK(check("known(n + x) and not known(x)") ==
        Strings{"[known(n + x) and not known(x)] 'known(n + x)' and 'not known(x)' cannot both be true"});
  // A fact with a default always has a value.
  CHECK(check("not known(c)") == Strings{"[not known(c)] 'not known(c)' is never true, since 'c' always has a value (it has a default)",
                                         "  [c] note: 'c' is declared here"});
  CHECK(check("not known(n)").empty());
  CHECK(check("known(c) and c == false").empty());
  CHECK(check("not known(n) or n > 3").empty());
  CHECK(check("known(n) or n > 3").empty());
  // `if` decides nothing when its condition is unknown, but either branch can still be true.
  CHECK(check("if known(n) then n > 3 else true").empty());
}

TEST_CASE("lint: false and the literal unknown", "[lint]") {
  CHECK(check("false") == Strings{"[false] 'false' is never true"});
  CHECK(check("not true") == Strings{"[not true] 'not true' is never true"});
  CHECK(check("n == unknown") == Strings{"[n == unknown] 'n == unknown' is always unknown, and a condition that is unknown does "
                                         "not fire; test for a missing value with known(...)"});
  CHECK(check("b and n + unknown > 3") == Strings{"[n + unknown > 3] 'n + unknown > 3' is always unknown, and a condition that is "
                                                  "unknown does not fire; test for a missing value with known(...)"});
  // Unknown on one side of `or` leaves the other.
  CHECK(check("unknown or n > 3").empty());
  CHECK(check("n > 3 or n == unknown").empty());
  CHECK(check("known(unknown) or b").empty());
}

TEST_CASE("lint: three-valued logic: not, or, if", "[lint]") {
  CHECK(check("not (days > 3) and days > 5") ==
        Strings{"[not (days > 3) and days > 5] 'not (days > 3)' and 'days > 5' cannot both be true"});
  CHECK(check("not (days > 3 or b) and days > 5") ==
        Strings{"[not (days > 3 or b) and days > 5] 'not (days > 3)' and 'days > 5' cannot both be true"});
  // Each way for the condition to be true is shown.
  CHECK(check("(days > 90 or days > 100) and days < 30") ==
        Strings{"[(days > 90 or days > 100) and days < 30] none of the 2 ways its condition could be true is possible",
                "  [(days > 90 or days > 100) and days < 30] note: 'days > 90' and 'days < 30' cannot both be true",
                "  [(days > 90 or days > 100) and days < 30] note: 'days > 100' and 'days < 30' cannot both be true"});
  CHECK(check("(if b then n > 3 else n > 5) and n < 2") ==
        Strings{"[(if b then n > 3 else n > 5) and n < 2] none of the 2 ways its condition could be true is possible",
                "  [(if b then n > 3 else n > 5) and n < 2] note: 'n > 3' and 'n < 2' cannot both be true",
                "  [(if b then n > 3 else n > 5) and n < 2] note: 'n > 5' and 'n < 2' cannot both be true"});
  // The same clash in every alternative is told once.
  CHECK(check("(b or h == none) and n > 5 and n < 2") ==
        Strings{"[n > 5 and n < 2] 'n > 5' and 'n < 2' cannot both be true"});
  CHECK(check("days > 90 or days < 30").empty());
  CHECK(check("days >= 30 and days <= 30").empty());
  CHECK(check("not (b and not b)").empty());
  CHECK(check("not (n > 3) and not (n < 1)").empty());
  CHECK(check("if b then n > 3 else n < 2").empty());
  CHECK(check("(if b then n > 3 else n < 5) and n == 4").empty());
}

TEST_CASE("lint: derived facts are seen through", "[lint]") {
  CHECK(check("long and short") == Strings{"[long and short] 'days >= 91' (in 'long') and 'days <= 30' (in 'short') cannot both be true",
                                           "  [days >= 91] note: 'long' is defined here",
                                           "  [days <= 30] note: 'short' is defined here"});
  CHECK(check("long and days < 50") ==
        Strings{"[long and days < 50] 'days >= 91' (in 'long') and 'days < 50' cannot both be true",
                "  [days >= 91] note: 'long' is defined here"});
  CHECK(check("long == false and days > 100 and days < 150") ==
        Strings{"[long == false and days > 100 and days < 150] none of the 2 ways its condition could be true is possible",
                "  [long == false and days > 100] note: 'not (days >= 91)' (in 'long') and 'days > 100' cannot both be true",
                "  [days >= 91] note: 'long' is defined here",
                "  [long == false and days > 100 and days < 150] note: 'not (days <= 180)' (in 'long') and 'days < 150' cannot "
                "both be true",
                "  [days <= 180] note: 'long' is defined here"});
  CHECK(check("long == false and days > 200 and days < 300").empty());
  // A derived fact that is true is known.
  CHECK(check("long and not known(long)") == Strings{"[long and not known(long)] 'long' and 'not known(long)' cannot both be true"});
  // A text value computed by `if`, compared twice.
  CHECK(check("status == \"gain\" and status == \"loss\"") ==
        Strings{"[status == \"gain\" and status == \"loss\"] 'status == \"gain\"' and 'status == \"loss\"' cannot both be true"});
  CHECK(check("long or short").empty());
  CHECK(check("long and days > 100").empty());
  CHECK(check("not long and days > 100").empty());  // above 180
}

TEST_CASE("lint: the same comparison of two values, true and false", "[lint]") {
  CHECK(check("n >= x and n < x") == Strings{"[n >= x and n < x] 'n >= x' and 'n < x' cannot both be true"});
  CHECK(check("x == n and n != x") == Strings{"[x == n and n != x] 'x == n' and 'n != x' cannot both be true"});
  CHECK(check("n > x and not (x < n)") == Strings{"[n > x and not (x < n)] 'n > x' and 'not (x < n)' cannot both be true"});
  CHECK(check("n >= x and n <= x").empty());
  CHECK(check("n >= x and n > x").empty());
  // Arithmetic is not reasoned about: no claim.
  CHECK(check("n - x > 0 and n < x").empty());
}
