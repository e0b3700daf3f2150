// check_expectation(): one `expect` line against one advice.

#include "testing/expectation_checker.hpp"

#include <algorithm>
#include <set>

namespace forbear::detail {
namespace {

const RankedStrategy* ranked(const AdviceResult& advice, const std::string& id) {
  for (const auto& s : advice.strategies) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Exclusion* excluded(const AdviceResult& advice, const std::string& id) {
  for (const auto& e : advice.excluded) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Where a strategy ended up: "installment ranked 2nd" or "installment excluded by r1, r2".
std::string place_of(const AdviceResult& advice, const std::string& id) {
  if (const auto* s = ranked(advice, id)) return id + " ranked " + ordinal(s->rank);
  if (const auto* e = excluded(advice, id)) {
    std::vector<std::string> rules;
    for (const auto& c : e->vetoed_by) rules.push_back(c.rule);
    return id + " excluded by " + joined(rules);
  }
  return id + " not in the advice";
}

const char* symbol(Comparison comparison) {
  switch (comparison) {
    case Comparison::equal: return "=";
    case Comparison::not_equal: return "!=";
    case Comparison::less: return "<";
    case Comparison::less_equal: return "<=";
    case Comparison::greater: return ">";
    default: return ">=";
  }
}

bool holds(Decimal actual, Comparison comparison, Decimal expected) {
  switch (comparison) {
    case Comparison::equal: return actual == expected;
    case Comparison::not_equal: return actual != expected;
    case Comparison::less: return actual < expected;
    case Comparison::less_equal: return actual <= expected;
    case Comparison::greater: return actual > expected;
    default: return actual >= expected;
  }
}

std::uint32_t strategy_index(const Program& program, const std::string& id) {
  for (std::uint32_t i = 0; i < program.strategies.size(); ++i) {
    if (program.strategies[i].name == id) return i;
  }
  return kNone;
}

std::uint32_t advice_index(const Program& program, const std::string& id) {
  for (std::uint32_t i = 0; i < program.advice.size(); ++i) {
    if (program.advice[i].id == id) return i;
  }
  return kNone;
}

Slot slot_of(const Program& program, const std::string& name) {
  for (Slot slot = 0; slot < program.values.size(); ++slot) {
    if (program.values[slot].name == name) return slot;
  }
  return kNone;
}

// Collects the trace of the rules involved in a failure, each once, in rule set order.
class Involved {
 public:
  Involved(const Program& program, const AdviceResult& advice) : program_(program), advice_(advice) {}

  /// The rules that give points to or exclude the strategy.
  void strategy(const std::string& id) {
    const std::uint32_t index = strategy_index(program_, id);
    for (std::size_t r = 0; r < program_.rules.size(); ++r) {
      for (const auto& effect : program_.rules[r].effects) {
        if (effect.kind != EffectKind::advise && effect.target == index) rules_.insert(r);
      }
    }
  }

  /// The rules that recommend the advice item.
  void advice(const std::string& id) {
    const std::uint32_t index = advice_index(program_, id);
    for (std::size_t r = 0; r < program_.rules.size(); ++r) {
      for (const auto& effect : program_.rules[r].effects) {
        if (effect.kind == EffectKind::advise && effect.target == index) rules_.insert(r);
      }
    }
  }

  /// The rule itself.
  void rule(const std::string& name) {
    for (std::size_t r = 0; r < program_.rules.size(); ++r) {
      if (program_.rules[r].name == name) rules_.insert(r);
    }
  }

  /// The rules whose condition reads the fact (directly or through derived facts).
  void fact(const std::string& name) {
    const Slot slot = slot_of(program_, name);
    for (std::size_t r = 0; r < program_.rules.size(); ++r) {
      const auto& inputs = program_.rules[r].input_facts;
      if (std::binary_search(inputs.begin(), inputs.end(), slot)) rules_.insert(r);
    }
  }

  /// The value and the derived values it reads, directly or not.
  void value(const std::string& name) {
    std::vector<Slot> pending{slot_of(program_, name)};
    while (!pending.empty()) {
      const Slot slot = pending.back();
      pending.pop_back();
      if (slot == kNone || slot < program_.fact_count || !values_.insert(slot).second) continue;
      for (Slot read : program_.values[slot].depends_on) pending.push_back(read);
    }
  }

  void fill(ExpectationFailure& failure) const {
    for (const auto& trace : advice_.trace) {
      const auto it = std::find_if(rules_.begin(), rules_.end(),
                                   [&](std::size_t r) { return program_.rules[r].name == trace.rule; });
      if (it != rules_.end()) failure.rules.push_back(trace);
    }
    for (const auto& trace : advice_.values) {
      const Slot slot = slot_of(program_, trace.name);
      if (values_.count(slot)) failure.values.push_back(trace);
    }
  }

 private:
  const Program& program_;
  const AdviceResult& advice_;
  std::set<std::size_t> rules_;
  std::set<Slot> values_;
};

const RuleTrace* trace_of(const AdviceResult& advice, const std::string& rule) {
  for (const auto& t : advice.trace) {
    if (t.rule == rule) return &t;
  }
  return nullptr;
}

std::string missing_list(const AdviceResult& advice) {
  if (advice.missing.empty()) return "missing: none";
  std::vector<std::string> facts;
  for (const auto& m : advice.missing) facts.push_back(m.fact);
  return "missing: " + joined(facts);
}

}  // namespace

std::string ordinal(int number) {
  const int last_two = number % 100;
  const int last = number % 10;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                       : last == 1                        ? "st"
                       : last == 2                        ? "nd"
                       : last == 3                        ? "rd"
                                                          : "th";
  return std::to_string(number) + suffix;
}

std::optional<ExpectationFailure> check_expectation(const Program& program, const Expectation& expectation,
                                                    const AdviceResult& advice) {
  ExpectationFailure failure{expectation.location, expectation.text, {}, {}, {}, {}};
  Involved involved(program, advice);
  const std::string name = expectation.names.empty() ? std::string() : expectation.names.front();
  const std::string top = std::to_string(expectation.top);
  bool passed = false;
  switch (expectation.kind) {
    case ExpectationKind::first: {
      const auto* s = ranked(advice, name);
      passed = s && s->rank == 1;
      failure.expected = name + " ranked 1st";
      failure.actual = place_of(advice, name);
      if (!advice.strategies.empty() && advice.strategies.front().id != name) {
        failure.actual += "; " + advice.strategies.front().id + " ranked 1st";
        involved.strategy(advice.strategies.front().id);
      }
      involved.strategy(name);
      break;
    }
    case ExpectationKind::in_top:
    case ExpectationKind::not_in_top: {
      const auto* s = ranked(advice, name);
      const bool in_top = s && s->rank <= expectation.top;
      passed = expectation.kind == ExpectationKind::in_top ? in_top : !in_top;
      failure.expected =
          name + (expectation.kind == ExpectationKind::in_top ? " in the top " : " not in the top ") + top;
      failure.actual = place_of(advice, name);
      involved.strategy(name);
      break;
    }
    case ExpectationKind::excluded:
    case ExpectationKind::not_excluded: {
      const bool is_excluded = excluded(advice, name) != nullptr;
      passed = expectation.kind == ExpectationKind::excluded ? is_excluded : !is_excluded;
      failure.expected = name + (expectation.kind == ExpectationKind::excluded ? " excluded" : " not excluded");
      failure.actual = place_of(advice, name);
      involved.strategy(name);
      break;
    }
    case ExpectationKind::ranking: {
      std::vector<std::string> actual;
      for (std::size_t i = 0; i < advice.strategies.size() && i < expectation.names.size(); ++i) {
        actual.push_back(advice.strategies[i].id);
      }
      passed = actual == expectation.names;
      failure.expected = "ranking begins " + joined(expectation.names);
      failure.actual = actual.empty() ? "no strategy ranked" : "ranking begins " + joined(actual);
      if (actual.size() < expectation.names.size())
        failure.actual += " (only " + std::to_string(actual.size()) + " ranked)";
      for (const auto& id : expectation.names) involved.strategy(id);
      for (const auto& id : actual) involved.strategy(id);
      break;
    }
    case ExpectationKind::score: {
      const auto* s = ranked(advice, name);
      const auto* e = excluded(advice, name);
      const Decimal score = s ? s->score : e ? e->score : Decimal();
      passed = (s || e) && holds(score, expectation.comparison, expectation.number);
      failure.expected =
          "score of " + name + " " + symbol(expectation.comparison) + " " + expectation.number.to_string();
      failure.actual = "score of " + name + " is " + score.to_string() + (e ? " (excluded)" : "");
      involved.strategy(name);
      break;
    }
    case ExpectationKind::advice:
    case ExpectationKind::no_advice: {
      const auto it =
          std::find_if(advice.advice.begin(), advice.advice.end(), [&](const auto& a) { return a.id == name; });
      const bool recommended = it != advice.advice.end();
      passed = expectation.kind == ExpectationKind::advice ? recommended : !recommended;
      failure.expected = name + (expectation.kind == ExpectationKind::advice ? " recommended" : " not recommended");
      failure.actual = recommended ? name + " recommended by " + joined(it->rules) : name + " not recommended";
      involved.advice(name);
      break;
    }
    case ExpectationKind::fired:
    case ExpectationKind::not_fired: {
      const RuleTrace* trace = trace_of(advice, name);
      const std::string status = trace ? trace->status : "unknown";
      passed = (status == "fired") == (expectation.kind == ExpectationKind::fired);
      failure.expected = name + (expectation.kind == ExpectationKind::fired ? " fired" : " not fired");
      failure.actual = status == "fired"       ? name + " fired"
                       : status == "not_fired" ? name + " not fired: its condition is false"
                                               : name + " not fired: its condition is unknown";
      involved.rule(name);
      break;
    }
    case ExpectationKind::output: {
      std::string actual = "unknown";
      for (const auto& v : advice.values) {
        if (v.name == name) actual = v.value;
      }
      passed = actual == expectation.value;
      failure.expected = name + " = " + expectation.value;
      failure.actual = name + " = " + actual;
      involved.value(name);
      break;
    }
    case ExpectationKind::missing: {
      passed = std::any_of(advice.missing.begin(), advice.missing.end(), [&](const auto& m) { return m.fact == name; });
      failure.expected = name + " listed as missing";
      failure.actual = missing_list(advice);
      involved.fact(name);
      break;
    }
    case ExpectationKind::no_missing: {
      passed = advice.missing.empty();
      failure.expected = "no missing facts";
      failure.actual = missing_list(advice);
      for (const auto& m : advice.missing) {
        for (const auto& rule : m.rules) involved.rule(rule);
      }
      break;
    }
    case ExpectationKind::no_faults: {
      passed = advice.faults.empty();
      failure.expected = "no arithmetic faults";
      failure.actual = "faults: ";
      for (std::size_t i = 0; i < advice.faults.size(); ++i) {
        const auto& f = advice.faults[i];
        failure.actual += (i ? "; " : "") + f.where + ": " + f.message + " (" + f.location + ")";
        involved.rule(f.where);
        involved.value(f.where);
      }
      break;
    }
  }
  if (passed) return std::nullopt;
  involved.fill(failure);
  return failure;
}

}  // namespace forbear::detail
