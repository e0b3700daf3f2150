// The fast path (forbear::Evaluator / Context) against advise(): on thousands of generated cases of
// the shipped rules, the peer workload and a rule set built to fault, both must agree on every
// rule's outcome, the scores, vetoes, ranking, advice items, outputs and faults; and Context::assign
// must accept exactly the cases parse_case accepts.

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "eval/render.hpp"
#include "forbear/evaluator.hpp"
#include "forbear/forbear.hpp"
#include "support/advice_helpers.hpp"

namespace {

using forbear::Evaluator;
using nlohmann::json;

forbear::RuleSet load_path(const std::string& path) {
  auto loaded = forbear::load_rules({path});
  INFO(loaded.rendered_diagnostics());
  REQUIRE(loaded.ok());
  return *loaded.rules;
}

// Values around the thresholds the rules use, and plain random ones; about a quarter unknown.
json random_value(const forbear::FactInfo& fact, std::mt19937_64& random) {
  std::uniform_int_distribution<int> percent(0, 99);
  if (percent(random) < 25) return nullptr;
  if (fact.type == "bool") return percent(random) < 50;
  if (fact.type.rfind("enum(", 0) == 0) {
    std::vector<std::string> members;
    std::string list = fact.type.substr(5, fact.type.size() - 6);
    for (std::size_t start = 0; start <= list.size();) {
      const std::size_t comma = list.find(", ", start);
      members.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 2;
    }
    return members[std::uniform_int_distribution<std::size_t>(0, members.size() - 1)(random)];
  }
  if (fact.type == "text") return percent(random) < 50 ? "a" : "b";
  static const std::vector<std::int64_t> interesting{0, 1, 2, 3, 4, 5, 6, 7, 8, 29, 30, 31, 60, 89, 90, 91, 180, 181, 400,
                                                     4999, 5000, 10000, 19999, 20000, 50000, 200000, 200001,
                                                     20251221, 20251222, 20251231, 20260101, 20260131, 20260201,
                                                     20260228, 20260301, 20260331, 20260401};
  // Within the declared range ("int >= 0", "int from 1 to 60").
  std::int64_t low = -1000, high = 300000;
  if (const auto from = fact.accepts.find(" from "); from != std::string::npos) {
    low = std::stoll(fact.accepts.substr(from + 6));
    high = std::stoll(fact.accepts.substr(fact.accepts.find(" to ") + 4));
  } else if (const auto at_least = fact.accepts.find(">= "); at_least != std::string::npos) {
    low = std::stoll(fact.accepts.substr(at_least + 3));
  }
  std::int64_t whole = interesting[std::uniform_int_distribution<std::size_t>(0, interesting.size() - 1)(random)];
  if (percent(random) < 40 || whole < low || whole > high) whole = std::uniform_int_distribution<std::int64_t>(low, std::min(high, low + 60000))(random);
  if (fact.type == "number" && percent(random) < 40 && whole < high) return static_cast<double>(whole) + 0.25;
  return whole;
}

json random_case(const forbear::RuleSet& rules, std::mt19937_64& random, int id) {
  json facts = json::object();
  facts["id"] = id;
  for (const auto& fact : rules.facts()) {
    json value = random_value(fact, random);
    if (!value.is_null() || std::uniform_int_distribution<int>(0, 1)(random) == 0) facts[fact.name] = value;
  }
  return facts;
}

// Both paths on one case: REQUIREs the same answer. Returns the number of faults met.
std::size_t compare(const Evaluator& evaluator, forbear::Context& context, const json& facts) {
  const auto& rules = evaluator.rules();
  const auto parsed = forbear::parse_case(rules, facts);
  INFO(facts.dump());
  REQUIRE(context.assign(facts) == parsed.ok());
  if (!parsed.ok()) return 0;
  const auto result = forbear::advise(rules, *parsed.value, {});
  for (int round = 0; round < 2; ++round) {
    if (round == 1) REQUIRE(context.assign(*parsed.value));
    const forbear::Outcome outcome = context.evaluate();

    std::vector<std::string> fast_ranking, full_ranking;
    for (std::uint32_t s : outcome.ranking()) fast_ranking.push_back(std::string(evaluator.strategy_name(s)) + " " + outcome.scores()[s].to_string());
    for (const auto& s : result.strategies) full_ranking.push_back(s.id + " " + s.score.to_string());
    REQUIRE(fast_ranking == full_ranking);

    std::vector<std::string> fast_excluded, full_excluded;
    for (std::size_t s = 0; s < evaluator.strategy_count(); ++s) {
      if (outcome.vetoed(s)) fast_excluded.push_back(std::string(evaluator.strategy_name(s)) + " " + outcome.scores()[s].to_string());
    }
    for (const auto& e : result.excluded) full_excluded.push_back(e.id + " " + e.score.to_string());
    REQUIRE(fast_excluded == full_excluded);

    REQUIRE(result.trace.size() == evaluator.rule_count());
    static const char* const kStatus[] = {"fired", "not_fired", "unknown"};
    for (std::size_t r = 0; r < evaluator.rule_count(); ++r) {
      INFO(result.trace[r].rule);
      REQUIRE(kStatus[static_cast<int>(outcome.rule(r))] == result.trace[r].status);
    }

    std::vector<std::string> fast_advice;
    for (std::size_t a = 0; a < evaluator.advice_count(); ++a) {
      if (outcome.advised(a)) fast_advice.emplace_back(evaluator.advice_id(a));
    }
    REQUIRE(fast_advice == forbear::test::advice_ids(result));

    const auto& program = rules.program();
    for (const auto& [name, value] : result.outputs) {
      const auto& info = *std::find_if(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == name; });
      REQUIRE(forbear::detail::value_to_json(program, outcome.value(name), info.type) == value);
    }
    for (const auto& trace : result.values) {
      const auto& info = *std::find_if(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == trace.name; });
      REQUIRE(forbear::detail::render_value(program, outcome.value(trace.name), info.type) == trace.value);
    }

    const auto faults = outcome.faults();
    REQUIRE(faults.size() == outcome.fault_count());
    REQUIRE(faults.size() == result.faults.size());
    for (std::size_t f = 0; f < faults.size(); ++f) {
      REQUIRE(faults[f].where == result.faults[f].where);
      REQUIRE(faults[f].message == result.faults[f].message);
      REQUIRE(faults[f].location == result.faults[f].location);
    }
  }
  return result.faults.size();
}

void compare_many(const forbear::RuleSet& rules, int cases, std::uint64_t seed) {
  const Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  std::mt19937_64 random(seed);
  for (int i = 0; i < cases; ++i) compare(evaluator, context, random_case(rules, random, i));
}

}  // namespace

TEST_CASE("fast path: the shipped rules give what advise() gives on generated cases", "[fast]") {
  compare_many(load_path(FORBEAR_SOURCE_DIR "/rules"), 1500, 6);
}

TEST_CASE("fast path: the peer workload gives what advise() gives on generated cases", "[fast]") {
  compare_many(load_path(FORBEAR_SOURCE_DIR "/bench/workload/peer_workload.rules"), 1500, 7);
}

TEST_CASE("fast path: faults, defaults, texts and Kleene logic as advise() has them", "[fast]") {
  const auto rules = forbear::test::load(R"(
fact a: int
fact b: number in -100..100.5
fact c: int = 7
fact t: text
fact p: bool
fact e: enum(x, y, z)
let q = if a > 0 then b / a else 0
let guarded = a != 0 and b / a > 1
let unguarded = b / a > 1 or p
let big = a * 9223372036854775807
let m = min(a, b, c)
let n = max(a, c) + abs(b) - round(b, 1) + ceil(b) + floor(b) + round(b)
let txt = t == "hello" or t in {"x", "yz"}
let nums = a in {1, 2.5, 7} or e not in {x, z}
strategy s1 { en: "s1" }
strategy s2 { en: "s2" }
strategy s3 { en: "s3" }
advice doc.one { en: "one" }
rule r1 when guarded or unguarded then s1 += 2, advise doc.one because "." source "."
rule r2 when big > 0 then s2 += 1 because "." source "."
rule r3 when q >= 0 and -a < 3 then s3 += 2, s1 -= 1 because "." source "."
rule r4 when nums and txt then exclude s2 because "." source "."
rule r5 when not known(t) or c == 7 then s2 += 0.5 because "." source "."
output o1 = q
output o2 = n + m
)");
  const Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  std::mt19937_64 random(11);
  const std::vector<json> as{nullptr, 0, 1, -1, 2, 7, 9223372036854775807LL};
  const std::vector<json> bs{nullptr, 0, 1.5, -100, 100.5, 3.25, 2};
  const std::vector<json> ts{nullptr, "hello", "x", "yz", "no"};
  const std::vector<json> es{nullptr, "x", "y", "z"};
  const std::vector<json> ps{nullptr, true, false};
  std::size_t faults = 0;
  for (const auto& a : as) {
    for (const auto& b : bs) {
      for (int i = 0; i < 6; ++i) {
        json facts{{"a", a}, {"b", b}, {"t", ts[random() % ts.size()]}, {"e", es[random() % es.size()]}, {"p", ps[random() % ps.size()]}};
        if (i % 2 == 1) facts["c"] = static_cast<int>(random() % 9);
        faults += compare(evaluator, context, facts);
      }
    }
  }
  CHECK(faults > 100);
  // Refused alike: out of range, wrong type, unknown key, a derived value, not a member, a control character.
  for (const json& bad : {json{{"b", 100.6}}, json{{"a", 1.5}}, json{{"nope", 1}}, json{{"q", 1}}, json{{"e", "w"}},
                          json{{"t", "a\x01"}}, json{{"a", "1"}}, json{{"p", 1}}, json::array()}) {
    compare(evaluator, context, bad);
  }
}

namespace {

// A random rule set for the compiled forms of conditions: `and`s of one to six atoms (int and
// number slots against constants of either kind, enum sets, bools, texts, derived bools), shared
// between rules, mixed with conditions that are not `and`s of atoms (`or`, arithmetic that can
// divide by zero, `known`), and points large enough to overflow a score.
std::string mixed_rules(std::uint64_t seed, int rule_count) {
  std::mt19937_64 random(seed);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  static const char* const kCompare[] = {"<", "<=", ">", ">=", "==", "!="};
  std::string text = "ruleset mixed version \"1\"\n";
  for (int f = 0; f < 4; ++f) text += "fact i" + std::to_string(f) + ": int in 0..20\n";
  for (int f = 0; f < 3; ++f) text += "fact n" + std::to_string(f) + ": number in 0..20\n";
  for (int f = 0; f < 3; ++f) text += "fact b" + std::to_string(f) + ": bool\n";
  for (int f = 0; f < 3; ++f) text += "fact e" + std::to_string(f) + ": enum(a, b, c, d)\n";
  text += "fact t: text\n";
  text += "let d0 = i0 > 3 or b0\nlet d1 = n1 / i1 > 2\n";
  for (int s = 0; s < 4; ++s) text += "strategy s" + std::to_string(s) + " { en: \"s\" }\n";
  text += "advice doc.one { en: \"one\" }\n";
  const auto atom = [&]() -> std::string {
    const std::string f = std::to_string(pick(0, 2));
    switch (pick(0, 7)) {
      case 0: return "i" + f + " " + kCompare[pick(0, 5)] + " " + std::to_string(pick(0, 6));
      case 1: return "i" + f + " " + kCompare[pick(0, 5)] + " " + std::to_string(pick(0, 6)) + ".5";
      case 2: return "n" + f + " " + kCompare[pick(0, 5)] + " " + std::to_string(pick(0, 20)) + (pick(0, 1) ? ".25" : "");
      case 3: return (pick(0, 1) ? "not b" : "b") + f;
      case 4: return "e" + f + (pick(0, 1) ? " not in {a, " : " in {a, ") + (pick(0, 1) ? "c}" : "d}");
      case 5: return pick(0, 1) ? "t == \"a\"" : "t != \"b\"";
      case 6: return pick(0, 1) ? "d0" : "not d1";
      default: return "e" + f + " == b";
    }
  };
  const auto generic = [&]() -> std::string {
    switch (pick(0, 3)) {
      case 0: return "(" + atom() + " or " + atom() + ")";
      case 1: return "n" + std::to_string(pick(0, 2)) + " / i" + std::to_string(pick(0, 3)) + " > 1";
      case 2: return "not known(i" + std::to_string(pick(0, 3)) + ")";
      default: return "i0 + i1 * 2 >= " + std::to_string(pick(0, 30));
    }
  };
  for (int r = 0; r < rule_count; ++r) {
    std::string condition;
    const bool mixed = pick(0, 4) == 0;
    for (int p = 0, parts = pick(1, 6); p < parts; ++p) condition += (p ? " and " : "") + (mixed && p == parts / 2 ? generic() : atom());
    std::string effects = "s" + std::to_string(pick(0, 3)) + (pick(0, 1) ? " += " : " -= ") + std::to_string(pick(1, 5));
    switch (pick(0, 9)) {
      case 0: effects += ", exclude s" + std::to_string(pick(0, 3)); break;
      case 1: effects += ", advise doc.one"; break;
      case 2: effects += ", s3 += 5000000000000"; break;
      default: break;
    }
    text += "rule r" + std::to_string(r) + " when " + condition + " then " + effects + " because \".\" source \".\"\n";
  }
  return text;
}

}  // namespace

TEST_CASE("fast path: generated rules mixing atoms, other conditions, unknowns and faults give what advise() gives", "[fast]") {
  std::size_t faults = 0, overflows = 0;
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const auto rules = forbear::test::load(mixed_rules(seed, 150));
    const Evaluator evaluator(rules);
    forbear::Context context(evaluator);
    std::mt19937_64 random(seed);
    for (int i = 0; i < 250; ++i) {
      const json facts = random_case(rules, random, i);
      faults += compare(evaluator, context, facts);
      if (context.assign(facts)) {
        for (const auto& fault : context.evaluate().faults()) overflows += fault.message.find("adding points") != std::string::npos;
      }
    }
  }
  CHECK(faults > 100);
  CHECK(overflows > 20);
}

TEST_CASE("fast path: setting facts by slot checks them as parse_case does", "[fast]") {
  const auto rules = forbear::test::load(R"(
fact n: int in 0..10
fact d: number in 0..
fact e: enum(x, y)
fact f: bool
strategy s { en: "s" }
rule r when n >= 3 and d > 1.5 and e == y and f then s += 1 because "." source "."
)");
  const Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  const auto n = *evaluator.slot_of("n");
  const auto d = *evaluator.slot_of("d");
  const auto e = *evaluator.slot_of("e");
  const auto f = *evaluator.slot_of("f");
  CHECK_FALSE(evaluator.slot_of("s").has_value());
  CHECK(context.set(n, 11) == forbear::SetError::out_of_range);
  CHECK(context.set(n, 2.5) == forbear::SetError::wrong_type);
  CHECK(context.set(n, true) == forbear::SetError::wrong_type);
  CHECK(context.set(d, 0.0000001) == forbear::SetError::out_of_range);
  CHECK(context.set(d, -1) == forbear::SetError::out_of_range);
  CHECK(context.set(e, "z") == forbear::SetError::not_a_member);
  CHECK(context.set(99, 1) == forbear::SetError::no_such_fact);
  CHECK(context.set(n, 3.0) == forbear::SetError::none);
  CHECK(context.set(d, 1.6) == forbear::SetError::none);
  CHECK(context.set(e, "y") == forbear::SetError::none);
  CHECK(context.evaluate().rule(0) == forbear::RuleOutcome::unknown);
  CHECK(context.set(f, true) == forbear::SetError::none);
  auto outcome = context.evaluate();
  CHECK(outcome.rule(0) == forbear::RuleOutcome::fired);
  CHECK(outcome.scores()[0].to_string() == "1");
  CHECK(context.set(e, *evaluator.member_of(e, "x")) == forbear::SetError::none);
  CHECK(context.evaluate().rule(0) == forbear::RuleOutcome::not_fired);
  context.clear();
  CHECK(context.evaluate().rule(0) == forbear::RuleOutcome::unknown);
}

TEST_CASE("fast path: a double is read as parse_case reads it", "[fast]") {
  const auto rules = forbear::test::load("fact d: number\nstrategy s { en: \"s\" }\nrule r when d > 0 then s += 1 because \".\" source \".\"\n");
  const Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  std::mt19937_64 random(23);
  const auto slot = *evaluator.slot_of("d");
  for (int i = 0; i < 20000; ++i) {
    const int places = static_cast<int>(random() % 9);
    double value = static_cast<double>(static_cast<std::int64_t>(random() % 4000000000000LL) - 2000000000000LL);
    for (int p = 0; p < places; ++p) value /= 10;
    if (i % 7 == 0) value = std::ldexp(static_cast<double>(random() % 1000), -static_cast<int>(random() % 30));
    const auto parsed = forbear::parse_case(rules, json{{"d", value}});
    INFO(json(value).dump());
    context.clear();
    REQUIRE((context.set(slot, value) == forbear::SetError::none) == parsed.ok());
    if (parsed.ok()) REQUIRE(context.evaluate().value("d") == parsed.value->facts()[0]);
  }
}

TEST_CASE("fast path: a double for an int fact is read as parse_case reads it", "[fast]") {
  const auto rules = forbear::test::load("fact n: int in -5000000000..\nstrategy s { en: \"s\" }\nrule r when n > 0 then s += 1 because \".\" source \".\"\n");
  const Evaluator evaluator(rules);
  forbear::Context context(evaluator);
  std::mt19937_64 random(29);
  const auto slot = *evaluator.slot_of("n");
  for (int i = 0; i < 20000; ++i) {
    double value = static_cast<double>(static_cast<std::int64_t>(random() % 20000000000LL) - 10000000000LL);
    if (i % 3 == 0) value += static_cast<double>(random() % 1000) / 1000;  // not whole
    if (i % 11 == 0) value = -0.0;
    const auto parsed = forbear::parse_case(rules, json{{"n", value}});
    INFO(json(value).dump());
    context.clear();
    REQUIRE((context.set(slot, value) == forbear::SetError::none) == parsed.ok());
    REQUIRE(context.assign(json{{"n", value}}) == parsed.ok());
    if (parsed.ok()) REQUIRE(context.evaluate().value("n") == parsed.value->facts()[0]);
  }
}
