// The trace on the fast path (TraceWriter) against advise(): on the shipped rules, the peer
// workload and a rule set that uses every kind of expression, for thousands of cases (facts
// removed, changed, extreme, faulting), the text TraceWriter writes is byte for byte
// `to_json(advise(...))["trace"].dump()`.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forbear/evaluator.hpp"
#include "forbear/forbear.hpp"
#include "forbear/trace_writer.hpp"
#include "support/advice_helpers.hpp"

namespace {

using nlohmann::json;

// Compares the two traces of every case that parse_case takes; returns how many were compared.
// Stops at the first difference, with the case and both texts in the failure.
std::size_t compare_traces(const forbear::RuleSet& rules, const std::vector<json>& cases) {
  const forbear::Evaluator evaluator(rules);
  const forbear::TraceWriter writer(evaluator);
  forbear::Context context(evaluator);
  std::string fast;  // reused, as a host would
  std::size_t compared = 0;
  for (const auto& facts : cases) {
    const auto parsed = forbear::parse_case(rules, facts);
    if (!parsed.ok()) continue;
    REQUIRE(context.assign(*parsed.value));
    fast.clear();
    writer.write(context.evaluate(), fast);
    const std::string slow = forbear::to_json(forbear::advise(rules, *parsed.value, {true}))["trace"].dump();
    if (fast != slow) {
      INFO("case: " << facts.dump());
      CHECK(fast == slow);
      return compared;
    }
    // The same facts through assign(json): the same trace.
    REQUIRE(context.assign(facts));
    CHECK(writer.text(context.evaluate()) == slow);
    ++compared;
  }
  return compared;
}

std::vector<json> example_cases() {
  std::vector<json> cases;
  for (const auto& entry : std::filesystem::directory_iterator(FORBEAR_SOURCE_DIR "/examples/cases")) {
    std::ifstream in(entry.path());
    cases.push_back(json::parse(in));
  }
  std::sort(cases.begin(), cases.end(), [](const json& a, const json& b) { return a.dump() < b.dump(); });
  return cases;
}

// Variations of `bases`: each fact removed in turn, and random mixes in which every fact is kept,
// removed, or given the value it has in another case (so that the values stay of the fact's type).
std::vector<json> variations(const std::vector<json>& bases, std::size_t mixes, std::uint64_t seed) {
  std::vector<json> out = bases;
  for (const auto& base : bases) {
    for (const auto& [key, value] : base.items()) {
      if (key == "id") continue;
      json without = base;
      without.erase(key);
      out.push_back(std::move(without));
    }
  }
  std::mt19937_64 random(seed);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(std::uniform_int_distribution<std::size_t>(0, n - 1)(random)); };
  for (std::size_t i = 0; i < mixes; ++i) {
    json mix = bases[pick(bases.size())];
    for (const auto& donor_key : {0, 1, 2}) {
      (void)donor_key;
      const json& donor = bases[pick(bases.size())];
      for (const auto& [key, value] : donor.items()) {
        if (key != "id" && pick(3) == 0) mix[key] = value;
      }
    }
    for (auto it = mix.begin(); it != mix.end();) {
      if (it.key() != "id" && pick(4) == 0) {
        it = mix.erase(it);
      } else {
        ++it;
      }
    }
    out.push_back(std::move(mix));
  }
  return out;
}

// Cases of the peer workload (the ranges of bench/workload.cpp), with facts left out, at the
// edges of their ranges, and large enough to overflow the arithmetic.
std::vector<json> peer_cases(std::size_t count, std::uint64_t seed) {
  static const char* const kHardships[] = {"none", "illness", "job_loss", "income_drop", "business_failure",
                                           "family_emergency", "disaster", "platform_error", "overspending"};
  static const char* const kHistories[] = {"good", "fair", "poor"};
  std::mt19937_64 random(seed);
  const auto pick = [&](std::int64_t low, std::int64_t high) { return std::uniform_int_distribution<std::int64_t>(low, high)(random); };
  const auto big = [&](std::int64_t usual_high) -> std::int64_t {
    switch (pick(0, 19)) {
      case 0: return 0;
      case 1: return INT64_MAX;
      case 2: return INT64_MAX / 5;
      default: return pick(0, usual_high);
    }
  };
  std::vector<json> cases;
  for (std::size_t i = 0; i < count; ++i) {
    json c = {{"id", i},
              {"days_overdue", big(400)},
              {"amount", pick(0, 9) == 0 ? json(9000000000000.25) : json(static_cast<double>(pick(10000, 20000000)) / 100.0)},
              {"hardship", kHardships[pick(0, 8)]},
              {"has_proof", pick(0, 1) == 1},
              {"credit_history", kHistories[pick(0, 2)]},
              {"prior_defaults", pick(0, 5)},
              {"monthly_income", big(40000)},
              {"monthly_expenses", big(40000)},
              {"platform_allows_installment", pick(0, 1) == 1},
              {"platform_allows_waiver", pick(0, 1) == 1},
              {"contacted_before", pick(0, 9)},
              {"collection_calls_per_day", pick(0, 15)}};
    // One case in three leaves some facts out.
    if (pick(0, 2) == 0) {
      for (auto it = c.begin(); it != c.end();) {
        if (it.key() != "id" && pick(0, 3) == 0) {
          it = c.erase(it);
        } else {
          ++it;
        }
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

// Every kind of expression the trace renders: literals as spelled, texts with quotes, backslashes
// and non-ASCII, enums (also from an `if`), negative and fractional decimals, calls, division (by
// zero too), known(), defaults, outputs.
const char* const kZoo = R"(
ruleset zoo version "1"
fact n: int
fact m: int = 3
fact x: number
fact y: number in -1000..1000
fact flag: bool
fact other: bool = true
fact mood: enum(calm, tense, angry)
fact note: text
fact label: text = "d\"q"
let ratio = x / y
let share = round(x / (y + 1), 2)
let whole = n / m
let span = max(n, m, 0) - min(n, -m)
let gap = abs(y - x) + ceil(x) - floor(y)
let level = if n > 10 then mood else if n > 5 then unknown else mood
let shown = if flag then note else "n/a: \"none\" \\ ✓"
let half = -(x * 0.5) + -1.25
let has_note = known(note) and not known(label) or note == "引号\"反斜杠\\"
output rounded = round(share)
output picked = level
output echoed = shown
strategy a { en: "A" }
strategy b { en: "B" }
rule r_ratio when ratio > 0.5 then a += 1 because "." source "s"
rule r_share when share <= 1.25 and flag then b += 2 because "." source "s"
rule r_whole when whole >= 2 or not other then a += 1 because "." source "s"
rule r_span when span * 2 != 7 then b += 1 because "." source "s"
rule r_gap when gap < 100.000001 then a += 1 because "." source "s"
rule r_level when level in {angry, tense} then b += 3 because "." source "s"
rule r_mood when mood not in {calm} and (flag or other) then a += 2 because "." source "s"
rule r_note when note == "hi \"you\" \\ 你好" or shown != "n/a" then b += 1 because "." source "s"
rule r_half when half < -3 and y > -5.5 then a += 1 because "." source "s"
rule r_known when has_note or not known(x) then b += 1 because "." source "s"
rule r_literal when (if flag then 1.50 else 2) >= 1.5 then exclude b because "." source "s"
)";

std::vector<json> zoo_cases(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  const auto pick = [&](std::int64_t low, std::int64_t high) { return std::uniform_int_distribution<std::int64_t>(low, high)(random); };
  static const char* const kMoods[] = {"calm", "tense", "angry"};
  static const char* const kNotes[] = {"", "hi \"you\" \\ 你好", "引号\"反斜杠\\", "tab\there", "plain", "n/a"};
  std::vector<json> cases;
  for (std::size_t i = 0; i < count; ++i) {
    json c = json::object();
    if (pick(0, 4) > 0) c["n"] = pick(0, 5) == 0 ? json(INT64_MIN + pick(0, 1)) : json(pick(-20, 20));
    if (pick(0, 4) > 0) c["m"] = pick(-2, 4);  // 0: a division by zero
    if (pick(0, 4) > 0) c["x"] = pick(0, 6) == 0 ? json(9000000000000.5) : json(static_cast<double>(pick(-100000, 100000)) / 1000.0);
    if (pick(0, 4) > 0) c["y"] = pick(0, 4) == 0 ? json(0) : json(static_cast<double>(pick(-10000, 10000)) / 100.0);
    if (pick(0, 4) > 0) c["flag"] = pick(0, 1) == 1;
    if (pick(0, 4) > 0) c["other"] = pick(0, 1) == 1;
    if (pick(0, 4) > 0) c["mood"] = kMoods[pick(0, 2)];
    if (pick(0, 4) > 0) c["note"] = kNotes[pick(0, 5)];
    if (pick(0, 4) > 0) c["label"] = kNotes[pick(0, 5)];
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

TEST_CASE("fast trace: the shipped rules, example cases and their variations", "[trace][fast]") {
  const auto rules = forbear::load_rules({FORBEAR_SOURCE_DIR "/rules"});
  REQUIRE(rules.ok());
  const auto cases = variations(example_cases(), 1000, 11);
  CHECK(compare_traces(*rules.rules, cases) == cases.size());
}

TEST_CASE("fast trace: the peer workload, with unknown facts and overflows", "[trace][fast]") {
  const auto rules = forbear::load_rules({FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules"});
  REQUIRE(rules.ok());
  const auto cases = peer_cases(3000, 6);
  CHECK(compare_traces(*rules.rules, cases) == cases.size());
}

TEST_CASE("fast trace: every kind of expression, texts to escape, division by zero", "[trace][fast]") {
  const auto rules = forbear::test::load(kZoo);
  const auto cases = zoo_cases(2000, 7);
  CHECK(compare_traces(rules, cases) == cases.size());

  // The cases above do meet what they are there for.
  const forbear::Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  const json facts = {{"x", 1}, {"y", 0}, {"n", 4}, {"m", 0}, {"note", "hi \"you\" \\ 你好"}, {"flag", true}};
  REQUIRE(context.assign(facts));  // the texts are viewed: `facts` outlives the evaluation
  const auto outcome = context.evaluate();
  CHECK(outcome.fault_count() == 2);
  const std::string trace = forbear::TraceWriter(evaluator).text(outcome);
  CHECK(trace.find(R"t("expression":"x (1) / y (0)","value":"unknown")t") != std::string::npos);
  CHECK(trace.find(R"t(note (\"hi \\\"you\\\" \\\\ 你好\"))t") != std::string::npos);
  CHECK(trace.find(R"t("rule":"r_mood","status":"unknown","condition":"mood (unknown) not in {calm} and (flag (true) or other (true)) → unknown","location":"t.rules:32","missing":["mood"]})t") != std::string::npos);
  CHECK(trace.find(R"t(label (\"d\\\"q\"))t") != std::string::npos);  // the default of a text fact
}

TEST_CASE("fast trace: the writer appends, and refuses another evaluator's outcome", "[trace][fast]") {
  const auto rules = forbear::test::load(kZoo);
  const forbear::Evaluator evaluator(rules);
  const forbear::Evaluator other(rules);
  const forbear::TraceWriter writer(evaluator);
  forbear::Context context(evaluator);
  forbear::Context foreign(other);
  REQUIRE(context.assign(json{{"n", 12}}));
  std::string out = "{\"trace\":";
  writer.write(context.evaluate(), out);
  out += '}';
  const json parsed = json::parse(out);
  const auto expected = forbear::to_json(forbear::test::run(rules, {{"n", 12}}))["trace"];
  CHECK(parsed["trace"] == json::parse(expected.dump()));
  CHECK_THROWS_AS(writer.write(foreign.evaluate(), out), std::invalid_argument);
}
