// The trace: rendered conditions and values, turning it off, and evaluating from many threads.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using nlohmann::json;
using Strings = std::vector<std::string>;
using forbear::test::load;
using forbear::test::run;
using forbear::test::trace_of;

const forbear::ValueTrace& value_of(const forbear::AdviceResult& result, std::string_view name) {
  const auto it = std::find_if(result.values.begin(), result.values.end(), [&](const auto& v) { return v.name == name; });
  REQUIRE(it != result.values.end());
  return *it;
}

const char* const kRules = R"(
ruleset trace version "1"
fact days_overdue: int
fact amount: number
fact paid: number
fact hardship: enum(none, illness, job_loss)
fact has_proof: bool
fact note: text
fact a: bool
fact b: bool
fact c: bool
let surplus = amount - paid
output months = ceil(amount / 3)
strategy s { en: "S" }
rule short when days_overdue <= 30 then s += 1 because "." source "x"
rule long_with_cause when days_overdue > 30 and (hardship == illness or has_proof) then s += 1 because "." source "x"
rule negated when not (a and b) then s += 1 because "." source "x"
rule grouped when (a or b) and c then s += 1 because "." source "x"
rule loose when a or b and c then s += 1 because "." source "x"
rule text_match when note == "call me" then s += 1 because "." source "x"
rule member when hardship in {illness, job_loss} then s += 1 because "." source "x"
rule non_member when hardship not in {none} then s += 1 because "." source "x"
rule arithmetic when amount - (paid - 10) > 50 and surplus >= 0.5 then s += 1 because "." source "x"
rule conditional when (if has_proof then 1 else 2) > 1 then s += 1 because "." source "x"
rule negative when -days_overdue < -5 then s += 1 because "." source "x"
rule known_check when known(note) or not known(amount) then s += 1 because "." source "x"
)";

const json kFacts = {{"days_overdue", 45}, {"amount", 100},  {"paid", 30},  {"hardship", "illness"},
                     {"has_proof", false}, {"note", "call me"}, {"a", true}, {"b", false}, {"c", true}};

}  // namespace

TEST_CASE("conditions are rendered with each value and the outcome", "[eval][trace]") {
  const auto rules = load(kRules, "trace.rules");
  const auto result = run(rules, kFacts);
  CHECK(trace_of(result, "short").condition == "days_overdue (45) <= 30 → false");
  CHECK(trace_of(result, "short").status == "not_fired");
  CHECK(trace_of(result, "long_with_cause").condition ==
        "days_overdue (45) > 30 and (hardship (illness) == illness or has_proof (false)) → true");
  CHECK(trace_of(result, "long_with_cause").status == "fired");
  CHECK(trace_of(result, "negated").condition == "not (a (true) and b (false)) → true");
  CHECK(trace_of(result, "grouped").condition == "(a (true) or b (false)) and c (true) → true");
  CHECK(trace_of(result, "loose").condition == "a (true) or b (false) and c (true) → true");
  CHECK(trace_of(result, "text_match").condition == "note (\"call me\") == \"call me\" → true");
  CHECK(trace_of(result, "member").condition == "hardship (illness) in {illness, job_loss} → true");
  CHECK(trace_of(result, "non_member").condition == "hardship (illness) not in {none} → true");
  CHECK(trace_of(result, "arithmetic").condition ==
        "amount (100) - (paid (30) - 10) > 50 and surplus (70) >= 0.5 → true");
  CHECK(trace_of(result, "conditional").condition == "(if has_proof (false) then 1 else 2) > 1 → true");
  CHECK(trace_of(result, "negative").condition == "-days_overdue (45) < -5 → true");
  CHECK(trace_of(result, "known_check").condition == "known(note (\"call me\")) or not known(amount (100)) → true");
  for (const auto& t : result.trace) CHECK(t.location.rfind("trace.rules:", 0) == 0);
  CHECK(trace_of(result, "short").location == "trace.rules:15");
  CHECK(trace_of(result, "known_check").location == "trace.rules:26");
  // Every rule is traced, in declaration order.
  REQUIRE(result.trace.size() == 12);
  CHECK(result.trace.front().rule == "short");
  CHECK(result.trace.back().rule == "known_check");
}

TEST_CASE("unknown values are shown as unknown in the trace", "[eval][trace]") {
  const auto rules = load(kRules, "trace.rules");
  const auto result = run(rules, {{"days_overdue", 10}, {"a", true}});
  CHECK(trace_of(result, "short").condition == "days_overdue (10) <= 30 → true");
  CHECK(trace_of(result, "long_with_cause").condition ==
        "days_overdue (10) > 30 and (hardship (unknown) == illness or has_proof (unknown)) → false");
  CHECK(trace_of(result, "member").condition == "hardship (unknown) in {illness, job_loss} → unknown");
  CHECK(trace_of(result, "member").status == "unknown");
  CHECK(trace_of(result, "member").missing == Strings{"hardship"});
  CHECK(trace_of(result, "negated").condition == "not (a (true) and b (unknown)) → unknown");
  CHECK(trace_of(result, "loose").condition == "a (true) or b (unknown) and c (unknown) → true");
  CHECK(trace_of(result, "arithmetic").condition ==
        "amount (unknown) - (paid (unknown) - 10) > 50 and surplus (unknown) >= 0.5 → unknown");
  CHECK(trace_of(result, "arithmetic").missing == Strings{"amount", "paid"});
  CHECK(trace_of(result, "known_check").condition == "known(note (unknown)) or not known(amount (unknown)) → true");
}

TEST_CASE("the values trace shows each let and output with what it saw", "[eval][trace]") {
  const auto rules = load(kRules, "trace.rules");
  const auto result = run(rules, kFacts);
  REQUIRE(result.values.size() == 2);
  const auto& surplus = value_of(result, "surplus");
  CHECK(surplus.kind == "let");
  CHECK(surplus.expression == "amount (100) - paid (30)");
  CHECK(surplus.value == "70");
  const auto& months = value_of(result, "months");
  CHECK(months.kind == "output");
  CHECK(months.expression == "ceil(amount (100) / 3)");
  CHECK(months.value == "34");

  const auto unknown = run(rules, json::object());
  CHECK(value_of(unknown, "surplus").expression == "amount (unknown) - paid (unknown)");
  CHECK(value_of(unknown, "surplus").value == "unknown");

  SECTION("enum, text and decimal values") {
    const auto rules2 = load(R"(
ruleset trace version "1"
fact hardship: enum(none, illness)
fact note: text
fact fee: number
let label = if hardship == illness then "sick" else note
output cause = hardship
output total = fee + 0.25
strategy s { en: "S" }
)", "trace.rules");
    const auto r = run(rules2, {{"hardship", "illness"}, {"note", "n/a"}, {"fee", 0.5}});
    CHECK(value_of(r, "label").expression == "if hardship (illness) == illness then \"sick\" else note (\"n/a\")");
    CHECK(value_of(r, "label").value == "\"sick\"");
    CHECK(value_of(r, "cause").expression == "hardship (illness)");
    CHECK(value_of(r, "cause").value == "illness");
    CHECK(value_of(r, "total").expression == "fee (0.5) + 0.25");
    CHECK(value_of(r, "total").value == "0.75");
  }
  SECTION("a value is traced after the values it reads") {
    const auto rules3 = load(R"(
ruleset trace version "1"
fact x: int
output top = middle + 1
let middle = bottom * 2
let bottom = x + 1
strategy s { en: "S" }
)", "trace.rules");
    const auto r = run(rules3, {{"x", 1}});
    REQUIRE(r.values.size() == 3);
    CHECK(r.values[0].name == "bottom");
    CHECK(r.values[1].name == "middle");
    CHECK(r.values[2].name == "top");
    CHECK(r.values[2].expression == "middle (4) + 1");
    CHECK(r.values[2].value == "5");
  }
}

TEST_CASE("trace = false leaves the trace out and changes nothing else", "[eval][trace]") {
  const auto rules = load(R"(
ruleset trace version "1"
fact x: int
fact y: bool
let twice = x * 2
output half = x / 2
strategy a { en: "A" }
strategy b { en: "B" }
strategy c { en: "C" }
advice doc.one { en: "one {x}" }
rule r1 when twice > 4 then b += 3, advise doc.one because "." source "s"
rule r2 when x > 1 then c += 2, exclude a because "." source "s"
rule r3 when y then a += 100 because "." source "s"
)", "trace.rules");
  const json facts = {{"x", 3}};
  const auto full = run(rules, facts);
  const auto lean = run(rules, facts, forbear::AdviseOptions{.trace = false});
  CHECK(lean.trace.empty());
  CHECK(lean.values.empty());
  CHECK_FALSE(full.trace.empty());
  CHECK(full.values.size() == 2);

  auto without_trace = forbear::to_json(full);
  without_trace["trace"] = {{"values", nlohmann::ordered_json::array()}, {"rules", nlohmann::ordered_json::array()}};
  CHECK(forbear::to_json(lean).dump() == without_trace.dump());
  REQUIRE(lean.strategies.size() == 2);
  CHECK(lean.strategies[0].id == "b");
  CHECK(lean.strategies[0].score.to_string() == "3");
  CHECK(lean.strategies[1].id == "c");
  CHECK(lean.excluded.size() == 1);
  CHECK(lean.missing.size() == 1);
  CHECK(lean.missing[0].fact == "y");
  CHECK_THAT(forbear::render_text(lean, "en"), !Catch::Contains("Trace:"));
  CHECK_THAT(forbear::render_text(full, "en"), Catch::Contains("Trace:\n"));
}

TEST_CASE("one rule set evaluated from 4 threads at once gives identical results", "[eval][trace]") {
  const auto rules = load(kRules, "trace.rules");
  const json cases[] = {kFacts, json::object(), json{{"days_overdue", 10}, {"a", true}},
                        json{{"amount", 0.1}, {"paid", 0.2}, {"hardship", "job_loss"}, {"c", false}}};
  std::vector<std::string> expected;
  std::vector<forbear::Case> parsed;
  for (const auto& facts : cases) {
    auto p = forbear::parse_case(rules, facts);
    REQUIRE(p.ok());
    parsed.push_back(*p.value);
    expected.push_back(forbear::to_json(forbear::advise(rules, parsed.back())).dump());
  }
  constexpr int kThreads = 4;
  constexpr int kRounds = 200;
  std::vector<std::vector<std::string>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        const auto& c = parsed[static_cast<std::size_t>((round + t) % 4)];
        const auto result = forbear::advise(rules, c);
        seen[static_cast<std::size_t>(t)].push_back(forbear::to_json(result).dump() + forbear::render_text(result, "en"));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::vector<std::string> expected_full;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    expected_full.push_back(expected[i] + forbear::render_text(forbear::advise(rules, parsed[i]), "en"));
  }
  int mismatches = 0;
  for (int t = 0; t < kThreads; ++t) {
    REQUIRE(seen[static_cast<std::size_t>(t)].size() == kRounds);
    for (int round = 0; round < kRounds; ++round) {
      if (seen[static_cast<std::size_t>(t)][static_cast<std::size_t>(round)] != expected_full[static_cast<std::size_t>((round + t) % 4)]) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
  // The reference results differ from one another, so a mix-up between cases would show.
  CHECK(expected[0] != expected[1]);
  CHECK(expected[2] != expected[3]);
}
