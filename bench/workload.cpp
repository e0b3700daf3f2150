#include "workload.hpp"

#include <random>

namespace forbear::bench {
namespace {

const char* const kHardships[] = {"none", "illness", "job_loss", "income_drop", "business_failure",
                                  "family_emergency", "disaster", "platform_error", "overspending"};
const char* const kHistories[] = {"good", "fair", "poor"};
const char* const kStrategies[] = {"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7"};

// Fact i's kind: 0 int in 0..1000, 1 number in 0.., 2 bool, 3 enum(v0 .. v7).
int kind_of(std::size_t fact) { return static_cast<int>(fact % 4); }

std::int64_t pick(std::mt19937_64& random, std::int64_t low, std::int64_t high) {
  return std::uniform_int_distribution<std::int64_t>(low, high)(random);
}

// One test of fact `f` against a threshold.
std::string atom(std::mt19937_64& random, std::size_t f) {
  const std::string name = "f" + std::to_string(f);
  static const char* const kCompare[] = {"<", "<=", ">", ">=", "==", "!="};
  switch (kind_of(f)) {
    case 0: return name + " " + kCompare[pick(random, 0, 3)] + " " + std::to_string(pick(random, 0, 1000));
    case 1: return name + " " + kCompare[pick(random, 0, 3)] + " " + std::to_string(pick(random, 0, 100000)) + ".5";
    case 2: return pick(random, 0, 1) ? name : "not " + name;
    default: {
      const auto first = pick(random, 0, 5);
      return name + (pick(random, 0, 3) == 0 ? " not in {v" : " in {v") + std::to_string(first) + ", v" + std::to_string(first + 2) + "}";
    }
  }
}

}  // namespace

std::vector<nlohmann::json> peer_cases(std::size_t count, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<nlohmann::json> cases;
  cases.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    nlohmann::ordered_json c;
    c["id"] = i % 10000;
    c["days_overdue"] = pick(random, 0, 400);
    c["amount"] = static_cast<double>(pick(random, 10000, 20000000)) / 100.0;
    c["hardship"] = kHardships[pick(random, 0, 8)];
    c["has_proof"] = pick(random, 0, 1) == 1;
    c["credit_history"] = kHistories[pick(random, 0, 2)];
    c["prior_defaults"] = pick(random, 0, 5);
    c["monthly_income"] = pick(random, 0, 40000);
    c["monthly_expenses"] = pick(random, 0, 40000);
    c["platform_allows_installment"] = pick(random, 0, 1) == 1;
    c["platform_allows_waiver"] = pick(random, 0, 1) == 1;
    c["contacted_before"] = pick(random, 0, 9);
    c["collection_calls_per_day"] = pick(random, 0, 15);
    cases.push_back(nlohmann::json::parse(c.dump()));  // the line a peer reads, parsed as a host would
  }
  return cases;
}

std::string generated_rules(std::size_t rules, std::size_t facts, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::string text = "ruleset generated_" + std::to_string(rules) + " version \"1\"\n\n";
  for (std::size_t f = 0; f < facts; ++f) {
    static const char* const kTypes[] = {"int in 0..1000", "number in 0..", "bool", "enum(v0, v1, v2, v3, v4, v5, v6, v7)"};
    text += "fact f" + std::to_string(f) + ": " + kTypes[kind_of(f)] + "\n";
  }
  const std::size_t lets = facts / 4;
  for (std::size_t l = 0; l < lets; ++l) {
    const auto a = static_cast<std::size_t>(pick(random, 0, static_cast<std::int64_t>(facts) - 1));
    const auto b = static_cast<std::size_t>(pick(random, 0, static_cast<std::int64_t>(facts) - 1));
    text += "let d" + std::to_string(l) + " = " + atom(random, a) + (pick(random, 0, 1) ? " and " : " or ") + atom(random, b) + "\n";
  }
  for (const char* strategy : kStrategies) text += std::string("strategy ") + strategy + " { en: \"" + strategy + "\" }\n";
  for (std::size_t r = 0; r < rules; ++r) {
    const auto parts = pick(random, 2, 3);
    std::string condition;
    for (std::int64_t p = 0; p < parts; ++p) {
      if (p > 0) condition += " and ";
      if (lets > 0 && pick(random, 0, 3) == 0) {
        condition += "d" + std::to_string(pick(random, 0, static_cast<std::int64_t>(lets) - 1));
      } else {
        condition += atom(random, static_cast<std::size_t>(pick(random, 0, static_cast<std::int64_t>(facts) - 1)));
      }
    }
    std::string effects;
    if (pick(random, 0, 99) == 0) {
      effects = std::string("exclude ") + kStrategies[pick(random, 0, 7)];
    } else {
      effects = std::string(kStrategies[pick(random, 0, 7)]) + " += " + std::to_string(pick(random, 1, 5));
      if (pick(random, 0, 1)) effects += std::string(", ") + kStrategies[pick(random, 0, 7)] + " -= " + std::to_string(pick(random, 1, 3));
    }
    text += "rule r" + std::to_string(r) + " when " + condition + " then " + effects + " because \"r\" source \"generated\"\n";
  }
  return text;
}

std::vector<nlohmann::json> generated_cases(std::size_t count, std::size_t facts, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<nlohmann::json> cases;
  for (std::size_t i = 0; i < count; ++i) {
    nlohmann::json c = nlohmann::json::object();
    for (std::size_t f = 0; f < facts; ++f) {
      const std::string name = "f" + std::to_string(f);
      switch (kind_of(f)) {
        case 0: c[name] = pick(random, 0, 1000); break;
        case 1: c[name] = pick(random, 0, 100000); break;
        case 2: c[name] = pick(random, 0, 1) == 1; break;
        default: c[name] = "v" + std::to_string(pick(random, 0, 7)); break;
      }
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace forbear::bench
