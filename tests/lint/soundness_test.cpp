// The lint pass claims only what is true. Random rule sets (a fixed seed, so every run is the same)
// are linted, and every claim is checked by evaluating the rules on every combination of values
// of the facts involved, unknown included: a rule said never to fire fires for none; where points
// are said never to count, the veto fires whenever the rule does; where advice is said to be
// redundant, the other rule fires whenever this one does; rules said to have the same condition
// always come out the same.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "eval/outcome.hpp"
#include "forbear/ruleset.hpp"
#include "model/program.hpp"

namespace {

namespace detail = forbear::detail;
using forbear::Decimal;
using forbear::EnumMember;
using forbear::Value;

// The facts of every generated rule set, in declaration order, and the values tried for each:
// unknown, and points around every literal the conditions use.
const char* const kHeader =
    "ruleset fuzz version \"1\"\n"
    "fact i: int in 0..10\n"
    "fact x: int\n"
    "fact n: number\n"
    "fact h: enum(red, green, blue)\n"
    "fact b: bool\n"
    "fact c: bool = false\n"
    "fact t: text\n"
    "strategy s0 { en: \"s0\" }\n"
    "strategy s1 { en: \"s1\" }\n"
    "strategy s2 { en: \"s2\" }\n"
    "advice doc.a0 { en: \"a0\" }\n"
    "advice doc.a1 { en: \"a1\" }\n"
    "let m = if b then n else x\n";

Value decimal(const char* text) { return Value{*Decimal::parse(text)}; }

std::vector<std::vector<Value>> fact_grids() {
  std::vector<Value> i{Value{}};
  for (std::int64_t v : {0, 1, 2, 3, 4, 5, 6, 9, 10}) i.emplace_back(v);
  std::vector<Value> x{Value{}};
  for (std::int64_t v : {-2, -1, 0, 1, 2, 3, 4, 5, 6, 10, 11}) x.emplace_back(v);
  std::vector<Value> n{Value{}};
  for (const char* v : {"-2", "-1", "-0.5", "0", "1", "2", "2.2", "2.5", "2.7", "3", "4", "5", "7", "10", "10.2", "10.5", "12"}) {
    n.push_back(decimal(v));
  }
  const std::vector<Value> h{Value{}, Value{EnumMember{0}}, Value{EnumMember{1}}, Value{EnumMember{2}}};
  const std::vector<Value> flag{Value{}, Value{true}, Value{false}};
  const std::vector<Value> t{Value{}, Value{std::string("a")}, Value{std::string("b")}, Value{std::string("z")}};
  return {i, x, n, h, flag, flag, t};
}

class ConditionGenerator {
 public:
  explicit ConditionGenerator(unsigned seed) : rng_(seed) {}

  std::string condition(int depth) {
    if (depth == 0 || pick(3) == 0) return atom();
    switch (pick(5)) {
      case 0: return condition(depth - 1) + " and " + condition(depth - 1);
      case 1: return "(" + condition(depth - 1) + " or " + condition(depth - 1) + ")";
      case 2: return "not (" + condition(depth - 1) + ")";
      case 3: return "(if " + condition(depth - 1) + " then " + condition(depth - 1) + " else " + condition(depth - 1) + ")";
      default: return "(" + condition(depth - 1) + " and " + condition(depth - 1) + ")";
    }
  }

  std::string effects() {
    std::string out;
    const int count = 1 + pick(2);
    for (int k = 0; k < count; ++k) {
      if (k) out += ", ";
      const std::string strategy = "s" + std::to_string(pick(3));
      switch (pick(4)) {
        case 0: out += strategy + " += " + std::to_string(1 + pick(3)); break;
        case 1: out += strategy + " -= 1"; break;
        case 2: out += "exclude " + strategy; break;
        default: out += "advise doc.a" + std::to_string(pick(2)); break;
      }
    }
    return out;
  }

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  /// The derived bool facts that conditions may read from now on.
  void allow_lets(std::vector<std::string> names) { lets_ = std::move(names); }

 private:
  template <typename T>
  const T& one_of(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(pick(static_cast<int>(items.size())))];
  }

  std::string number() { return one_of<std::string>({"-1", "0", "2", "3", "5", "10", "2.5", "10.5", "-0.5"}); }
  std::string numeric() { return one_of<std::string>({"i", "x", "n", "m"}); }
  std::string op() { return one_of<std::string>({"<", "<=", ">", ">=", "==", "!="}); }

  std::string atom() {
    switch (pick(16)) {
      case 0:
      case 1:
      case 2: return numeric() + " " + op() + " " + number();
      case 3: return number() + " " + op() + " " + numeric();
      case 4: return numeric() + (pick(2) ? " in {" : " not in {") + number() + ", " + number() + "}";
      case 5: return "h " + one_of<std::string>({"==", "!="}) + " " + one_of<std::string>({"red", "green", "blue"});
      case 6: return "h" + std::string(pick(2) ? " in {" : " not in {") + one_of<std::string>({"red", "green", "blue"}) + ", " +
                     one_of<std::string>({"red", "green", "blue"}) + "}";
      case 7: return one_of<std::string>({"b", "c", "not b", "not c", "b == true", "c == false", "b != true", "c != false"});
      case 8: return std::string(pick(2) ? "" : "not ") + "known(" + one_of<std::string>({"i", "x", "n", "h", "b", "c", "t", "m"}) + ")";
      case 9: return "t " + one_of<std::string>({"==", "!="}) + " " + one_of<std::string>({"\"a\"", "\"b\""});
      case 10: return numeric() + " " + op() + " " + numeric();
      case 11: return one_of<std::string>({"i + x > 3", "known(i + n)", "not known(x - i)", "n * 2 >= x"});
      case 12:
      case 13: {
        if (lets_.empty()) return numeric() + " " + op() + " " + number();
        const std::string& let = one_of(lets_);
        return one_of<std::string>({let, "not " + let, let + " == false", let + " != false", "known(" + let + ")",
                                    "not known(" + let + ")"});
      }
      case 14: return one_of<std::string>({"true", "false", "x == unknown", "(unknown and b)", "known(unknown)"});
      default: return numeric() + " " + op() + " " + number() + " and " + numeric() + " " + op() + " " + number();
    }
  }

  std::mt19937 rng_;
  std::vector<std::string> lets_;
};

// Calls `visit` with every combination of values of the facts `slots` (the others unknown); at
// most `limit` combinations, picked at random beyond it.
template <typename Visit>
void for_each_case(const std::vector<detail::Slot>& slots, std::mt19937& rng, Visit visit) {
  static const auto grids = fact_grids();
  constexpr std::size_t kLimit = 60000;
  std::size_t total = 1;
  for (detail::Slot slot : slots) total *= grids[slot].size();
  std::vector<Value> facts(grids.size());
  if (total <= kLimit) {
    for (std::size_t k = 0; k < total; ++k) {
      std::size_t rest = k;
      for (detail::Slot slot : slots) {
        facts[slot] = grids[slot][rest % grids[slot].size()];
        rest /= grids[slot].size();
      }
      visit(facts);
    }
    return;
  }
  for (std::size_t k = 0; k < kLimit; ++k) {
    for (detail::Slot slot : slots) facts[slot] = grids[slot][std::uniform_int_distribution<std::size_t>(0, grids[slot].size() - 1)(rng)];
    visit(facts);
  }
}

std::vector<detail::Slot> union_of(const std::vector<detail::Slot>& a, const std::vector<detail::Slot>& b) {
  std::vector<detail::Slot> out = a;
  for (detail::Slot s : b) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("lint: every claim holds on every case (random rule sets)", "[lint][soundness]") {
  ConditionGenerator generate(20261122);
  std::mt19937 sampler(7);
  std::map<std::string, int> claims;
  for (int set = 0; set < 60; ++set) {
    std::string text = kHeader;
    generate.allow_lets({});
    text += "let p = " + generate.condition(1) + "\n";
    generate.allow_lets({"p"});
    text += "let q = " + generate.condition(2) + "\n";
    generate.allow_lets({"p", "q"});
    for (int r = 0; r < 14; ++r) {
      text += "rule r" + std::to_string(r) + " when " + generate.condition(3) + " then " + generate.effects() +
              " because \"b\" source \"s\"\n";
    }
    const forbear::LoadResult loaded = forbear::load_rules_from_string(text, "fuzz.rules", forbear::LoadOptions{.lint = true});
    INFO(text << loaded.rendered_diagnostics());
    REQUIRE(loaded.ok());
    const detail::Program& program = loaded.rules->program();
    std::map<std::string, std::size_t> rule_index;
    for (std::size_t r = 0; r < program.rules.size(); ++r) rule_index[program.rules[r].name] = r;

    static const std::regex kNever("rule '(\\w+)' can never fire: .*");
    static const std::regex kVetoed("the points rule '(\\w+)' gives to '\\w+' never count in the ranking: whenever '\\w+' fires, rule '(\\w+)' .*");
    static const std::regex kRedundant("rule '(\\w+)' need not advise '[\\w.]+': whenever it fires, rule '(\\w+)' .*");
    static const std::regex kSame("rule '(\\w+)' (has the same condition as|is identical to) rule '(\\w+)' .*");
    for (const auto& diagnostic : loaded.diagnostics) {
      std::smatch match;
      INFO(diagnostic.message);
      if (std::regex_match(diagnostic.message, match, kNever)) {
        ++claims["never fires"];
        const std::size_t r = rule_index.at(match[1]);
        for_each_case(program.rules[r].input_facts, sampler, [&](const std::vector<Value>& facts) {
          const auto outcome = detail::evaluate_outcome(program, facts);
          REQUIRE(outcome.status[r] != detail::RuleStatus::fired);
        });
      } else if (std::regex_match(diagnostic.message, match, kVetoed) || std::regex_match(diagnostic.message, match, kRedundant)) {
        ++claims["implies"];
        const std::size_t r = rule_index.at(match[1]);
        const std::size_t v = rule_index.at(match[2]);
        for_each_case(union_of(program.rules[r].input_facts, program.rules[v].input_facts), sampler,
                      [&](const std::vector<Value>& facts) {
                        const auto outcome = detail::evaluate_outcome(program, facts);
                        if (outcome.status[r] == detail::RuleStatus::fired) REQUIRE(outcome.status[v] == detail::RuleStatus::fired);
                      });
      } else if (std::regex_match(diagnostic.message, match, kSame)) {
        ++claims["same condition"];
        const std::size_t r = rule_index.at(match[1]);
        const std::size_t q = rule_index.at(match[3]);
        for_each_case(union_of(program.rules[r].input_facts, program.rules[q].input_facts), sampler,
                      [&](const std::vector<Value>& facts) {
                        const auto outcome = detail::evaluate_outcome(program, facts);
                        REQUIRE(outcome.status[r] == outcome.status[q]);
                      });
      }
    }
  }
  // The generator makes the pass claim each kind of thing many times: the test is not vacuous.
  INFO("never fires: " << claims["never fires"] << ", implies: " << claims["implies"] << ", same condition: "
                       << claims["same condition"]);
  CHECK(claims["never fires"] >= 40);
  CHECK(claims["implies"] >= 20);
}
