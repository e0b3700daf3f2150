// Evaluation: scoring, ranking, vetoes, advice, outputs and arithmetic, on small inline rule sets.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using nlohmann::json;

using forbear::test::advice_ids;
using forbear::test::load;
using forbear::test::output;
using forbear::test::ranking;
using forbear::test::run;
using forbear::test::score_of;
using forbear::test::trace_of;

std::vector<std::string> output_names(const forbear::AdviceResult& result) {
  std::vector<std::string> names;
  for (const auto& [key, value] : result.outputs) names.push_back(key);
  return names;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("points of fired rules are summed; -= subtracts; unfired rules add nothing", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
strategy a { en: "A" }
strategy b { en: "B" }
strategy c { en: "C" }
rule r1 when x > 0 then a += 3, b += 1 because "r1" source "s"
rule r2 when x > 1 then a += 2.5, b -= 4 because "r2" source "s"
rule r3 when x > 100 then c += 50 because "r3" source "s"
)");
  const auto result = run(rules, {{"x", 5}});
  CHECK(ranking(result) == Strings{"a", "c", "b"});
  CHECK(score_of(result, "a") == "5.5");
  CHECK(score_of(result, "b") == "-3");
  CHECK(score_of(result, "c") == "0");
  CHECK(result.strategies[0].rank == 1);
  CHECK(result.strategies[1].rank == 2);
  CHECK(result.strategies[2].rank == 3);

  REQUIRE(result.strategies[0].because.size() == 2);
  CHECK(result.strategies[0].because[0].rule == "r1");
  CHECK(result.strategies[0].because[0].points.to_string() == "3");
  CHECK(result.strategies[0].because[1].rule == "r2");
  CHECK(result.strategies[0].because[1].points.to_string() == "2.5");
  // b's contributions keep their sign.
  REQUIRE(result.strategies[2].because.size() == 2);
  CHECK(result.strategies[2].because[1].points.to_string() == "-4");
  CHECK(result.strategies[1].because.empty());  // r3 did not fire

  const auto only_r1 = run(rules, {{"x", 1}});
  CHECK(ranking(only_r1) == Strings{"a", "b", "c"});
  CHECK(score_of(only_r1, "a") == "3");
  CHECK(score_of(only_r1, "b") == "1");
}

TEST_CASE("ranking is by score, highest first, ties in declaration order", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
strategy p { en: "P" }
strategy q { en: "Q" }
strategy r { en: "R" }
strategy s { en: "S" }
rule up_r when x >= 1 then r += 2 because "." source "s"
rule up_q when x >= 1 then q += 2 because "." source "s"
rule up_s when x >= 2 then s += 7 because "." source "s"
)");
  CHECK(ranking(run(rules, {{"x", 0}})) == Strings{"p", "q", "r", "s"});
  CHECK(ranking(run(rules, {{"x", 1}})) == Strings{"q", "r", "p", "s"});
  CHECK(ranking(run(rules, {{"x", 2}})) == Strings{"s", "q", "r", "p"});
}

TEST_CASE("exclude vetoes a strategy whatever its points", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
strategy a { en: "A" }
strategy b { zh: "乙", en: "B" }
strategy c { en: "C" }
rule big_b when x > 0 then b += 50 because "b is great" source "s"
rule some_c when x > 0 then c += 1 because "c" source "s"
rule veto_b when x > 5 then exclude b because { zh: "不行", en: "not allowed for {x}" } source "law 1", "law 2"
)");
  SECTION("no veto: b leads") {
    const auto result = run(rules, {{"x", 1}});
    CHECK(ranking(result) == Strings{"b", "c", "a"});
    CHECK(result.excluded.empty());
  }
  SECTION("veto: b is listed under excluded with the vetoing rule and its would-be score") {
    const auto result = run(rules, {{"x", 9}});
    CHECK(ranking(result) == Strings{"c", "a"});
    CHECK(result.strategies[0].rank == 1);
    CHECK(result.strategies[1].rank == 2);
    REQUIRE(result.excluded.size() == 1);
    const auto& e = result.excluded[0];
    CHECK(e.id == "b");
    CHECK(e.label.zh == "乙");
    CHECK(e.label.en == "B");
    CHECK(e.score.to_string() == "50");
    REQUIRE(e.vetoed_by.size() == 1);
    CHECK(e.vetoed_by[0].rule == "veto_b");
    CHECK(e.vetoed_by[0].points.to_string() == "0");
    CHECK(e.vetoed_by[0].reason.en == "not allowed for 9");
    CHECK(e.vetoed_by[0].reason.zh == "不行");
    CHECK(e.vetoed_by[0].sources == Strings{"law 1", "law 2"});
    CHECK(e.vetoed_by[0].location == "t.rules:9");
    REQUIRE(e.because.size() == 1);
    CHECK(e.because[0].rule == "big_b");
  }
}

TEST_CASE("advice comes only from fired rules, in declaration order, with templates filled", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact amount: number
fact note: text
fact kind: enum(alpha, beta)
strategy a { en: "A" }
advice doc.statement { zh: "银行流水,欠款{amount}元", en: "Statements for {amount} CNY" }
advice say.hello { zh: "你好{note}", en: "Hello {note}" }
advice channel.phone { zh: "电话" }
advice follow.later { en: "Later: {kind}, {{literal}}" }
rule r_follow when amount > 0 then advise follow.later, advise doc.statement because "." source "s"
rule r_say when amount > 1000000 then advise say.hello because "." source "s"
rule r_doc when amount > 1 then advise doc.statement, advise channel.phone because "." source "s"
)");
  const auto result = run(rules, {{"amount", 1234.5}, {"kind", "beta"}});
  CHECK(advice_ids(result) == Strings{"doc.statement", "channel.phone", "follow.later"});
  REQUIRE(result.advice.size() == 3);
  const auto& doc = result.advice[0];
  CHECK(doc.kind == "doc");
  CHECK(doc.text.zh == "银行流水,欠款1234.5元");
  CHECK(doc.text.en == "Statements for 1234.5 CNY");
  CHECK(doc.rules == Strings{"r_follow", "r_doc"});
  // A label given in one language is used for both.
  CHECK(result.advice[1].kind == "channel");
  CHECK(result.advice[1].text.en == "电话");
  CHECK(result.advice[1].text.zh == "电话");
  CHECK(result.advice[2].kind == "follow");
  CHECK(result.advice[2].text.zh == "Later: beta, {literal}");
  CHECK(result.advice[2].rules == Strings{"r_follow"});

  SECTION("an unknown value in a template shows as ?") {
    const auto rules2 = load(R"(
ruleset t version "1"
fact amount: number
fact note: text
advice say.hello { zh: "你好{note},{amount}元", en: "Hello {note}, {amount} CNY" }
rule r when amount > 0 then advise say.hello because "." source "s"
)");
    const auto unknown_note = run(rules2, {{"amount", 7}});
    REQUIRE(unknown_note.advice.size() == 1);
    CHECK(unknown_note.advice[0].text.en == "Hello ?, 7 CNY");
    CHECK(unknown_note.advice[0].text.zh == "你好?,7元");
    const auto with_note = run(rules2, {{"amount", 7}, {"note", "Li"}});
    CHECK(with_note.advice[0].text.en == "Hello Li, 7 CNY");
    CHECK(run(rules2, {{"amount", 0}}).advice.empty());
  }
}

TEST_CASE("outputs are published in declaration order; unknown is null", "[eval]") {
  // `first` reads `last`, so the evaluation order differs from the declaration order.
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
fact y: int
output first = last + 1
output middle = y * 2
output last = x * 10
strategy a { en: "A" }
)");
  const auto result = run(rules, {{"x", 3}});
  CHECK(output_names(result) == Strings{"first", "middle", "last"});
  CHECK(output(result, "first") == json(31));
  CHECK(output(result, "middle").is_null());
  CHECK(output(result, "last") == json(30));
}

TEST_CASE("money is exact decimal: 0.1 + 0.2 is 0.3 in JSON and text", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact fee: number
fact interest: number
output literal_sum = 0.1 + 0.2
output fact_sum = fee + interest
output tenths = 0.1 * 3
output cents = 1.1 - 1.0 - 0.1
strategy a { en: "A" }
)");
  const auto result = run(rules, {{"fee", 0.1}, {"interest", 0.2}});
  CHECK(output(result, "literal_sum") == json(0.3));
  CHECK(output(result, "fact_sum") == json(0.3));
  CHECK(output(result, "tenths") == json(0.3));
  CHECK(output(result, "cents") == json(0));
  CHECK(output(result, "cents").is_number_integer());

  const std::string dumped = forbear::to_json(result).dump();
  CHECK_THAT(dumped, Catch::Contains(R"("literal_sum":0.3,"fact_sum":0.3,"tenths":0.3,"cents":0})"));
  const std::string text = forbear::render_text(result, "en");
  CHECK_THAT(text, Catch::Contains("  literal_sum = 0.3\n  fact_sum = 0.3\n  tenths = 0.3\n  cents = 0\n"));
  CHECK_THAT(text, Catch::Contains("output fact_sum = fee (0.1) + interest (0.2) = 0.3\n"));
}

TEST_CASE("int with int stays int, anything with number is number, / always gives number", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact n: int
fact m: number
output int_sum = 7 + 2
output mixed = 7 + 2.5
output half = 7 / 2
output third = 2 / 3
output exact_quotient = 8 / 2
output big_int = n * 1000
output big_number = m * 1000
output neg = -n
strategy a { en: "A" }
)");
  // 5e12 * 1000 = 5e15 fits in an int but not in a number (about +-9.2e12).
  const auto result = run(rules, {{"n", 5000000000000LL}, {"m", 5000000000000LL}});
  CHECK(output(result, "int_sum") == json(9));
  CHECK(output(result, "mixed") == json(9.5));
  CHECK(output(result, "half") == json(3.5));
  CHECK(output(result, "third") == json(0.666667));
  CHECK(output(result, "exact_quotient") == json(4));
  CHECK(output(result, "big_int") == json(5000000000000000LL));
  CHECK(output(result, "big_number").is_null());
  CHECK(output(result, "neg") == json(-5000000000000LL));
  REQUIRE(result.faults.size() == 1);
  CHECK(result.faults[0].where == "big_number");
  CHECK(result.faults[0].message == "arithmetic overflow");

  // The checker sees the types: `/` of two ints is a number, `*` of two ints an int.
  const auto divided = forbear::load_rules_from_string("ruleset t version \"1\"\noutput o = if true then 8 / 2 else \"x\"\n");
  REQUIRE_FALSE(divided.ok());
  CHECK_THAT(divided.rendered_diagnostics(), Catch::Contains("'if' gives number in one branch and text in the other"));
  const auto multiplied = forbear::load_rules_from_string("ruleset t version \"1\"\noutput o = if true then 8 * 2 else \"x\"\n");
  REQUIRE_FALSE(multiplied.ok());
  CHECK_THAT(multiplied.rendered_diagnostics(), Catch::Contains("'if' gives int in one branch and text in the other"));
}

TEST_CASE("ceil, floor, round, min, max and abs", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: number
fact k: int
output ceil_up = ceil(2.1)
output ceil_neg = ceil(-2.9)
output ceil_int = ceil(k)
output ceil_div = ceil(x / 3)
output floor_up = floor(2.9)
output floor_neg = floor(-2.1)
output round_half = round(2.5)
output round_neg_half = round(-2.5)
output round_down = round(2.49)
output round_places = round(2.345, 2)
output round_places_neg = round(-2.345, 2)
output round_int_places = round(k, 2)
output min_mixed = min(3, 1.5, 2)
output max_mixed = max(3, 1.5)
output max_int = max(k, 4, -1)
output min_int = min(k, 4)
output abs_int = abs(-4)
output abs_number = abs(-0.25)
output abs_fact = abs(x - 200)
strategy a { en: "A" }
)");
  const auto result = run(rules, {{"x", 100}, {"k", 7}});
  CHECK(output(result, "ceil_up") == json(3));
  CHECK(output(result, "ceil_neg") == json(-2));
  CHECK(output(result, "ceil_int") == json(7));
  CHECK(output(result, "ceil_div") == json(34));
  CHECK(output(result, "floor_up") == json(2));
  CHECK(output(result, "floor_neg") == json(-3));
  CHECK(output(result, "round_half") == json(3));
  CHECK(output(result, "round_neg_half") == json(-3));
  CHECK(output(result, "round_down") == json(2));
  CHECK(output(result, "round_places") == json(2.35));
  CHECK(output(result, "round_places_neg") == json(-2.35));
  CHECK(output(result, "round_int_places") == json(7));
  CHECK(output(result, "min_mixed") == json(1.5));
  CHECK(output(result, "max_mixed") == json(3));
  CHECK(output(result, "max_int") == json(7));
  CHECK(output(result, "min_int") == json(4));
  CHECK(output(result, "abs_int") == json(4));
  CHECK(output(result, "abs_number") == json(0.25));
  CHECK(output(result, "abs_fact") == json(100));

  SECTION("a function of an unknown value is unknown") {
    const auto unknown = run(rules, json::object());
    CHECK(output(unknown, "ceil_div").is_null());
    CHECK(output(unknown, "max_int").is_null());
    CHECK(output(unknown, "abs_fact").is_null());
    CHECK(output(unknown, "ceil_up") == json(3));
  }
}

TEST_CASE("in and not in, for enums, text and numbers", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact hardship: enum(none, illness, job_loss, disaster)
fact channel: text
fact days: int
output serious = hardship in {illness, "disaster"}
output not_serious = hardship not in {illness, disaster}
output by_phone = channel in {"phone", "hotline"}
output round_days = days in {30, 60.0, 90}
output odd_days = days not in {30, 60, 90}
strategy a { en: "A" }
)");
  SECTION("members") {
    const auto result = run(rules, {{"hardship", "disaster"}, {"channel", "hotline"}, {"days", 60}});
    CHECK(output(result, "serious") == json(true));
    CHECK(output(result, "not_serious") == json(false));
    CHECK(output(result, "by_phone") == json(true));
    CHECK(output(result, "round_days") == json(true));
    CHECK(output(result, "odd_days") == json(false));
  }
  SECTION("non-members") {
    const auto result = run(rules, {{"hardship", "job_loss"}, {"channel", "Phone"}, {"days", 61}});
    CHECK(output(result, "serious") == json(false));
    CHECK(output(result, "not_serious") == json(true));
    CHECK(output(result, "by_phone") == json(false));
    CHECK(output(result, "round_days") == json(false));
    CHECK(output(result, "odd_days") == json(true));
  }
  SECTION("unknown subject") {
    const auto result = run(rules, json::object());
    CHECK(output(result, "serious").is_null());
    CHECK(output(result, "not_serious").is_null());
    CHECK(output(result, "odd_days").is_null());
  }
}

TEST_CASE("if/then/else picks a branch; an unknown condition gives unknown", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact x: int
fact flag: bool
output size = if x > 3 then "big" else "small"
output amount = if flag then 1 else 2.5
output nested = if x > 10 then "huge" else if x > 3 then "big" else "small"
output guarded = if known(x) then x * 2 else 0
strategy a { en: "A" }
)");
  const auto big = run(rules, {{"x", 5}, {"flag", true}});
  CHECK(output(big, "size") == json("big"));
  CHECK(output(big, "amount") == json(1));
  CHECK(output(big, "nested") == json("big"));
  CHECK(output(big, "guarded") == json(10));
  const auto small = run(rules, {{"x", 2}, {"flag", false}});
  CHECK(output(small, "size") == json("small"));
  CHECK(output(small, "amount") == json(2.5));
  CHECK(output(small, "nested") == json("small"));
  const auto unknown = run(rules, json::object());
  CHECK(output(unknown, "size").is_null());
  CHECK(output(unknown, "amount").is_null());
  CHECK(output(unknown, "nested").is_null());
  CHECK(output(unknown, "guarded") == json(0));
}

TEST_CASE("defaults stand in for absent or null facts, never for given ones", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact has_proof: bool = false
fact rate: number = 0.5
fact kind: enum(a, b) = b
fact x: int = 3
output shown = if has_proof then "proof" else "no proof"
output rate_out = rate
output kind_out = kind
output x_out = x
strategy s { en: "S" }
rule proofless when not has_proof then s += 1 because "." source "s"
)");
  const auto absent = run(rules, json::object());
  CHECK(output(absent, "shown") == json("no proof"));
  CHECK(output(absent, "rate_out") == json(0.5));
  CHECK(output(absent, "kind_out") == json("b"));
  CHECK(output(absent, "x_out") == json(3));
  CHECK(score_of(absent, "s") == "1");
  CHECK(trace_of(absent, "proofless").status == "fired");
  CHECK(absent.missing.empty());

  const auto null_given = run(rules, {{"has_proof", nullptr}, {"x", nullptr}});
  CHECK(output(null_given, "shown") == json("no proof"));
  CHECK(output(null_given, "x_out") == json(3));

  const auto given = run(rules, {{"has_proof", true}, {"rate", 2}, {"kind", "a"}, {"x", -1}});
  CHECK(output(given, "shown") == json("proof"));
  CHECK(output(given, "rate_out") == json(2));
  CHECK(output(given, "kind_out") == json("a"));
  CHECK(output(given, "x_out") == json(-1));
  CHECK(score_of(given, "s") == "0");
}

TEST_CASE("division by zero and overflow give unknown and are reported under faults", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact amount: number
fact months: int
fact n: int
output monthly = amount / months
output squared = n * n
output fine = amount + 1
strategy a { en: "A" }
strategy b { en: "B" }
rule cheap when amount / months < 100 then a += 5 because "." source "s"
rule huge when n + 9223372036854775807 > 0 then b += 5 because "." source "s"
)");
  SECTION("division by zero") {
    const auto result = run(rules, {{"amount", 1200}, {"months", 0}, {"n", -1}});
    CHECK(output(result, "monthly").is_null());
    CHECK(output(result, "squared") == json(1));
    CHECK(output(result, "fine") == json(1201));
    CHECK(trace_of(result, "cheap").status == "unknown");
    CHECK(trace_of(result, "cheap").missing.empty());  // nothing missing: the fault made it unknown
    CHECK(score_of(result, "a") == "0");
    REQUIRE(result.faults.size() == 2);
    CHECK(result.faults[0].where == "monthly");
    CHECK(result.faults[0].message == "division by zero");
    CHECK(result.faults[0].location == "t.rules:6");
    CHECK(result.faults[1].where == "cheap");
    CHECK(result.faults[1].message == "division by zero");
    CHECK(result.faults[1].location == "t.rules:11");
    CHECK(trace_of(result, "huge").status == "fired");  // -1 + INT64_MAX fits
  }
  SECTION("int overflow") {
    const auto result = run(rules, {{"amount", 1200}, {"months", 12}, {"n", 4000000000LL}});
    CHECK(output(result, "monthly") == json(100));
    CHECK(output(result, "squared").is_null());
    CHECK(trace_of(result, "cheap").status == "not_fired");
    CHECK(trace_of(result, "huge").status == "unknown");
    REQUIRE(result.faults.size() == 2);
    CHECK(result.faults[0].where == "squared");
    CHECK(result.faults[0].message == "arithmetic overflow");
    CHECK(result.faults[0].location == "t.rules:7");
    CHECK(result.faults[1].where == "huge");
    CHECK(result.faults[1].message == "arithmetic overflow");
    CHECK(result.faults[1].location == "t.rules:12");
    const auto j = forbear::to_json(result);
    CHECK(j["faults"][0] == nlohmann::ordered_json{{"where", "squared"}, {"message", "arithmetic overflow"}, {"location", "t.rules:7"}});
  }
  SECTION("no fault when the operands are fine") {
    const auto result = run(rules, {{"amount", 1200}, {"months", 12}, {"n", -1}});
    CHECK(result.faults.empty());
    CHECK(trace_of(result, "huge").status == "fired");
  }
}

TEST_CASE("the result does not depend on the order rules and declarations are written in", "[eval]") {
  const char* const forward = R"(
ruleset t version "1"
fact x: int
fact kind: enum(p, q)
let double_x = x * 2
strategy a { en: "A" }
strategy b { en: "B" }
strategy c { en: "C" }
advice doc.one { en: "one" }
advice doc.two { en: "two" }
rule r1 when double_x > 4 then a += 2, advise doc.two because "." source "s"
rule r2 when kind == q then b += 3, exclude c because "." source "s"
rule r3 when x < 10 then a += 2, c += 9, advise doc.one because "." source "s"
rule r4 when kind == p then b += 100 because "." source "s"
)";
  const char* const shuffled = R"(
rule r4 when kind == p then b += 100 because "." source "s"
rule r3 when x < 10 then a += 2, c += 9, advise doc.one because "." source "s"
advice doc.one { en: "one" }
advice doc.two { en: "two" }
strategy a { en: "A" }
rule r2 when kind == q then b += 3, exclude c because "." source "s"
let double_x = x * 2
strategy b { en: "B" }
strategy c { en: "C" }
rule r1 when double_x > 4 then a += 2, advise doc.two because "." source "s"
fact kind: enum(p, q)
fact x: int
ruleset t version "1"
)";
  const auto one = load(forward);
  const auto two = load(shuffled);
  for (const json facts : {json{{"x", 3}, {"kind", "q"}}, json{{"x", 1}, {"kind", "p"}}, json{{"x", 20}}}) {
    INFO(facts.dump());
    const auto a = run(one, facts);
    const auto b = run(two, facts);
    CHECK(ranking(a) == ranking(b));
    for (const auto& s : a.strategies) CHECK(score_of(b, s.id) == s.score.to_string());
    CHECK(a.excluded.size() == b.excluded.size());
    CHECK(advice_ids(a) == advice_ids(b));
  }
  const auto sample = run(one, {{"x", 3}, {"kind", "q"}});
  CHECK(ranking(sample) == Strings{"a", "b"});
  CHECK(score_of(sample, "a") == "4");
  REQUIRE(sample.excluded.size() == 1);
  CHECK(sample.excluded[0].id == "c");
  CHECK(sample.excluded[0].score.to_string() == "9");
  CHECK(advice_ids(sample) == Strings{"doc.one", "doc.two"});
}

TEST_CASE("the case's id is passed through untouched", "[eval]") {
  const auto rules = load("ruleset t version \"1\"\nfact x: int\nstrategy a { en: \"A\" }\n");
  const json ids[] = {json("case-7 小王"), json(42), json(4.25), json{{"ref", "A1"}, {"tags", {1, "two", nullptr}}}, json::array({1, 2})};
  for (const auto& id : ids) {
    INFO(id.dump());
    const auto result = run(rules, {{"id", id}, {"x", 1}});
    CHECK(result.id == id);
    const auto j = forbear::to_json(result);
    REQUIRE(j.contains("id"));
    CHECK(j["id"].dump() == id.dump());
    CHECK(j.begin().key() == "id");
  }
  const auto none = run(rules, {{"x", 1}});
  CHECK(none.id.is_null());
  CHECK_FALSE(forbear::to_json(none).contains("id"));
}

TEST_CASE("a fault in a side that and/or does not need is not reported", "[eval]") {
  const auto rules = load(R"(
ruleset t version "1"
fact amount: number
fact months: int
fact flag: bool
strategy s { en: "S" }
rule guarded when months > 0 and amount / months < 100 then s += 1 because "." source "x"
rule guarded_after when amount / months < 100 and months > 0 then s += 1 because "." source "x"
rule or_guard when months == 0 or amount / months < 100 then s += 1 because "." source "x"
rule unguarded when flag or amount / months < 100 then s += 1 because "." source "x"
)");
  const auto result = run(rules, {{"amount", 50}, {"months", 0}, {"flag", false}});
  CHECK(trace_of(result, "guarded").status == "not_fired");
  CHECK(trace_of(result, "guarded_after").status == "not_fired");
  CHECK(trace_of(result, "or_guard").status == "fired");
  // `false or <fault>` needs the faulty side: unknown, and the fault is reported.
  CHECK(trace_of(result, "unguarded").status == "unknown");
  REQUIRE(result.faults.size() == 1);
  CHECK(result.faults[0].where == "unguarded");
  CHECK(result.faults[0].message == "division by zero");
  CHECK(result.faults[0].location == "t.rules:10");
  CHECK(score_of(result, "s") == "1");

  const auto flagged = run(rules, {{"amount", 50}, {"months", 0}, {"flag", true}});
  CHECK(trace_of(flagged, "unguarded").status == "fired");
  CHECK(flagged.faults.empty());
}
