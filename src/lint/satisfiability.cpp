#include "lint/satisfiability.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace forbear::detail::lint {
namespace {

// A numeric value in millionths: every int (times 10^6) and every number fits.
__extension__ typedef __int128 Scaled;
constexpr Scaled kUnit = 1'000'000;
constexpr Scaled kIntMin = static_cast<Scaled>(std::numeric_limits<std::int64_t>::min()) * kUnit;
constexpr Scaled kIntMax = static_cast<Scaled>(std::numeric_limits<std::int64_t>::max()) * kUnit;

Scaled scaled(const Value& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<Scaled>(*i) * kUnit;
  return std::get<Decimal>(value).raw();
}

// The greatest multiple of kUnit <= a, and the least >= a.
Scaled whole_at_or_below(Scaled a) { return (a / kUnit - (a % kUnit != 0 && a < 0 ? 1 : 0)) * kUnit; }
Scaled whole_at_or_above(Scaled a) { return (a / kUnit + (a % kUnit != 0 && a > 0 ? 1 : 0)) * kUnit; }

struct Bound {
  Scaled value = 0;
  bool strict = false;
};

// The numbers a value may still take: between two bounds, among the allowed points if any were
// named, never an excluded point.
class NumericSet {
 public:
  void at_least(Bound bound) {
    if (!lower_ || bound.value > lower_->value || (bound.value == lower_->value && bound.strict)) lower_ = bound;
  }
  void at_most(Bound bound) {
    if (!upper_ || bound.value < upper_->value || (bound.value == upper_->value && bound.strict)) upper_ = bound;
  }
  void only(std::vector<Scaled> points) {
    if (allowed_) {
      std::erase_if(points, [&](Scaled p) { return std::find(allowed_->begin(), allowed_->end(), p) == allowed_->end(); });
    }
    allowed_ = std::move(points);
  }
  void exclude(Scaled point) { excluded_.push_back(point); }

  // True when no value is left; `integral` limits the values to ints.
  bool empty(bool integral) const {
    if (allowed_) {
      return std::none_of(allowed_->begin(), allowed_->end(), [&](Scaled p) { return admits(p, integral); });
    }
    if (integral) {
      Scaled low = kIntMin;
      if (lower_) low = std::max(low, lower_->strict ? whole_at_or_below(lower_->value) + kUnit : whole_at_or_above(lower_->value));
      Scaled high = kIntMax;
      if (upper_) high = std::min(high, upper_->strict ? whole_at_or_above(upper_->value) - kUnit : whole_at_or_below(upper_->value));
      if (low > high) return true;
      // More whole numbers in the interval than excluded points: one of them is left.
      if ((high - low) / kUnit + 1 > static_cast<Scaled>(excluded_.size())) return false;
      for (Scaled p = low; p <= high; p += kUnit) {
        if (!is_excluded(p)) return false;
      }
      return true;
    }
    // Between two different bounds lie infinitely many numbers; finitely many are excluded.
    if (!lower_ || !upper_) return false;
    if (lower_->value > upper_->value) return true;
    if (lower_->value < upper_->value) return false;
    return lower_->strict || upper_->strict || is_excluded(lower_->value);
  }

 private:
  bool is_excluded(Scaled p) const { return std::find(excluded_.begin(), excluded_.end(), p) != excluded_.end(); }

  bool admits(Scaled p, bool integral) const {
    if (lower_ && (p < lower_->value || (p == lower_->value && lower_->strict))) return false;
    if (upper_ && (p > upper_->value || (p == upper_->value && upper_->strict))) return false;
    if (integral && (p % kUnit != 0 || p < kIntMin || p > kIntMax)) return false;
    return !is_excluded(p);
  }

  std::optional<Bound> lower_;
  std::optional<Bound> upper_;
  std::optional<std::vector<Scaled>> allowed_;
  std::vector<Scaled> excluded_;
};

// The bools, enum members or texts a value may still take.
class DiscreteSet {
 public:
  void only(std::vector<Value> values) {
    if (allowed_) {
      std::erase_if(values, [&](const Value& v) { return std::find(allowed_->begin(), allowed_->end(), v) == allowed_->end(); });
    }
    allowed_ = std::move(values);
  }
  void exclude(const Value& value) { excluded_.push_back(value); }

  // True when no value is left; `domain` lists every value of a closed type (null for text).
  bool empty(const std::vector<Value>* domain) const {
    const std::vector<Value>* candidates = allowed_ ? &*allowed_ : domain;
    if (!candidates) return false;  // an open set of texts
    return std::all_of(candidates->begin(), candidates->end(), [&](const Value& v) {
      return std::find(excluded_.begin(), excluded_.end(), v) != excluded_.end();
    });
  }

 private:
  std::optional<std::vector<Value>> allowed_;
  std::vector<Value> excluded_;
};

bool is_numeric(const Type& type) { return type.base == BaseType::integer || type.base == BaseType::number; }

// The parts of the declaration of `slot` that can take part in a proof.
DomainUse applicable(const Program& program, Slot slot) {
  const ValueInfo& value = program.values[slot];
  const bool fact = value.kind == ValueKind::fact;
  DomainUse use;
  use.range = fact && (value.min_value || value.max_value);
  use.integral = value.type.base == BaseType::integer;
  use.closed = value.type.base == BaseType::enumeration || value.type.base == BaseType::boolean;
  use.always_known = fact && value.default_value.has_value();
  return use;
}

bool possible_numbers(const ValueInfo& value, const std::vector<const Atom*>& atoms, DomainUse use) {
  NumericSet set;
  if (use.range && value.min_value) set.at_least({scaled(*value.min_value), false});
  if (use.range && value.max_value) set.at_most({scaled(*value.max_value), false});
  for (const Atom* atom : atoms) {
    if (atom->kind == AtomKind::member) {
      std::vector<Scaled> points;
      for (const Value& v : atom->values) points.push_back(scaled(v));
      if (atom->negated) {
        for (Scaled p : points) set.exclude(p);
      } else {
        set.only(std::move(points));
      }
      continue;
    }
    if (atom->kind != AtomKind::compare) continue;
    const Scaled v = scaled(atom->values[0]);
    switch (atom->op) {
      case Op::equal: set.only({v}); break;
      case Op::not_equal: set.exclude(v); break;
      case Op::less: set.at_most({v, true}); break;
      case Op::less_equal: set.at_most({v, false}); break;
      case Op::greater: set.at_least({v, true}); break;
      default: set.at_least({v, false}); break;
    }
  }
  return !set.empty(use.integral && value.type.base == BaseType::integer);
}

bool possible_discrete(const Program& program, const ValueInfo& value, const std::vector<const Atom*>& atoms,
                       DomainUse use) {
  DiscreteSet set;
  for (const Atom* atom : atoms) {
    if (atom->kind == AtomKind::member) {
      if (atom->negated) {
        for (const Value& v : atom->values) set.exclude(v);
      } else {
        set.only(atom->values);
      }
    } else if (atom->kind == AtomKind::compare) {
      if (atom->op == Op::equal) set.only({atom->values[0]});
      else set.exclude(atom->values[0]);  // the checker allows only == and != here
    }
  }
  std::vector<Value> domain;
  if (value.type.base == BaseType::boolean) {
    domain.emplace_back(false);
    domain.emplace_back(true);
  } else if (value.type.base == BaseType::enumeration) {
    const auto count = static_cast<std::uint32_t>(program.enums[value.type.enum_id].members.size());
    for (std::uint32_t i = 0; i < count; ++i) domain.emplace_back(EnumMember{i});
  }
  const bool closed = use.closed && !domain.empty();
  return !set.empty(closed ? &domain : nullptr);
}

// True when the atoms on `slot` can all hold, using the declaration parts in `use`.
bool possible(const Program& program, Slot slot, const std::vector<const Atom*>& atoms, DomainUse use) {
  bool must_be_known = false;
  bool must_be_unknown = false;
  for (const Atom* atom : atoms) {
    if (atom->kind == AtomKind::known && atom->negated) must_be_unknown = true;
    else must_be_known = true;  // a test of the value needs a value
  }
  if (must_be_unknown) return !must_be_known && !use.always_known;
  if (!must_be_known) return true;
  const ValueInfo& value = program.values[slot];
  if (is_numeric(value.type)) return possible_numbers(value, atoms, use);
  return possible_discrete(program, value, atoms, use);
}

bool on_slot(const Atom& atom, Slot slot) {
  return atom.slot == slot && (atom.kind == AtomKind::compare || atom.kind == AtomKind::member || atom.kind == AtomKind::known);
}

std::vector<const Atom*> pick(const Alternative& alternative, const std::vector<std::size_t>& indices) {
  std::vector<const Atom*> out;
  for (std::size_t i : indices) out.push_back(&alternative[i]);
  return out;
}

// Shrinks an impossible set of atoms on one slot to a smallest one that is still impossible,
// leaving out first the declaration parts, then the atoms, that the proof does not need.
Conflict smallest(const Program& program, const Alternative& alternative, Slot slot, std::vector<std::size_t> indices) {
  DomainUse use = applicable(program, slot);
  for (bool DomainUse::*part : {&DomainUse::range, &DomainUse::integral, &DomainUse::closed, &DomainUse::always_known}) {
    if (!(use.*part)) continue;
    use.*part = false;
    if (possible(program, slot, pick(alternative, indices), use)) use.*part = true;
  }
  for (std::size_t k = 0; k < indices.size();) {
    std::vector<std::size_t> fewer = indices;
    fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(k));
    if (possible(program, slot, pick(alternative, fewer), use)) {
      ++k;
    } else {
      indices = std::move(fewer);
    }
  }
  return {std::move(indices), use.none() ? kNone : slot, use};
}

// True when the atoms of `alternative` on the slot of `extra`, with `extra`, can all hold.
bool possible_with(const Program& program, const Alternative& alternative, const Atom& extra) {
  std::vector<const Atom*> atoms{&extra};
  for (const Atom& atom : alternative) {
    if (on_slot(atom, extra.slot)) atoms.push_back(&atom);
  }
  return possible(program, extra.slot, atoms, applicable(program, extra.slot));
}

}  // namespace

std::optional<Conflict> find_conflict(const Program& program, const Alternative& alternative) {
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    if (alternative[i].kind == AtomKind::never) return Conflict{{i}, kNone, {}};
  }
  std::map<std::string, std::size_t> opaque_true;
  std::map<std::string, std::size_t> opaque_false;
  for (std::size_t i = 0; i < alternative.size(); ++i) {
    const Atom& atom = alternative[i];
    if (atom.kind != AtomKind::opaque) continue;
    auto& same = atom.negated ? opaque_false : opaque_true;
    const auto& other = atom.negated ? opaque_true : opaque_false;
    if (const auto it = other.find(atom.key); it != other.end()) {
      return Conflict{{std::min(i, it->second), std::max(i, it->second)}, kNone, {}};
    }
    same.emplace(atom.key, i);
  }
  std::vector<Slot> slots;
  for (const Atom& atom : alternative) {
    if (on_slot(atom, atom.slot) && std::find(slots.begin(), slots.end(), atom.slot) == slots.end()) slots.push_back(atom.slot);
  }
  for (Slot slot : slots) {
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < alternative.size(); ++i) {
      if (on_slot(alternative[i], slot)) indices.push_back(i);
    }
    if (!possible(program, slot, pick(alternative, indices), applicable(program, slot))) {
      return smallest(program, alternative, slot, std::move(indices));
    }
  }
  return std::nullopt;
}

bool implies(const Program& program, const Alternative& alternative, const Atom& atom) {
  switch (atom.kind) {
    case AtomKind::never:
      return false;
    case AtomKind::opaque:
      return std::any_of(alternative.begin(), alternative.end(), [&](const Atom& a) {
        return a.kind == AtomKind::opaque && a.key == atom.key && a.negated == atom.negated;
      });
    case AtomKind::known: {
      Atom opposite = atom;
      opposite.negated = !atom.negated;
      return !possible_with(program, alternative, opposite);
    }
    case AtomKind::compare:
    case AtomKind::member: {
      // The atom fails when its value is unknown, or known and the test false.
      Atom unknown;
      unknown.kind = AtomKind::known;
      unknown.slot = atom.slot;
      unknown.negated = true;
      if (possible_with(program, alternative, unknown)) return false;
      Atom opposite = atom;
      if (atom.kind == AtomKind::member) {
        opposite.negated = !atom.negated;
      } else {
        switch (atom.op) {
          case Op::equal: opposite.op = Op::not_equal; break;
          case Op::not_equal: opposite.op = Op::equal; break;
          case Op::less: opposite.op = Op::greater_equal; break;
          case Op::less_equal: opposite.op = Op::greater; break;
          case Op::greater: opposite.op = Op::less_equal; break;
          default: opposite.op = Op::less; break;
        }
      }
      return !possible_with(program, alternative, opposite);
    }
  }
  return false;
}

bool implies(const Program& program, const Truth& premise, const Truth& conclusion) {
  if (!conclusion.exact) return false;
  for (const Alternative& alternative : premise.alternatives) {
    if (find_conflict(program, alternative)) continue;
    const bool covered = std::any_of(conclusion.alternatives.begin(), conclusion.alternatives.end(), [&](const Alternative& goal) {
      return std::all_of(goal.begin(), goal.end(), [&](const Atom& atom) { return atom.implied || implies(program, alternative, atom); });
    });
    if (!covered) return false;
  }
  return true;
}

}  // namespace forbear::detail::lint
