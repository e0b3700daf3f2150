// Rules that can never fire: every alternative of the condition holds a conflict that
// satisfiability.cpp proves. The warning points at the smallest part of the condition that holds
// the conflict and quotes the tests that clash.

#include <algorithm>
#include <optional>

#include "lint/checks.hpp"
#include "lint/satisfiability.hpp"

namespace forbear::detail::lint {
namespace {

// One proven reason why an alternative cannot hold, ready to be shown.
struct Reason {
  std::string text;  // "'x > 90' and 'x < 30' cannot both be true"
  std::vector<ExprId> anchors;
  std::vector<DiagnosticNote> notes;  // where tests from derived facts and declarations are
};

std::string listed(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

// Why the declaration of the value takes part: ", since 'x' is declared int >= 0".
std::string domain_reason(const Program& program, const Conflict& conflict) {
  if (conflict.slot == kNone) return {};
  const ValueInfo& value = program.values[conflict.slot];
  const std::string name = "'" + value.name + "'";
  std::vector<std::string> parts;
  if (conflict.domain.range) {
    parts.push_back(name + " is declared " + program.accepted(value));
  } else if (conflict.domain.integral) {
    parts.push_back(name + " is an int");
  }
  if (conflict.domain.closed) {
    parts.push_back(name + " is " + (value.type.base == BaseType::boolean ? "a bool" : program.type_name(value.type)));
  }
  if (conflict.domain.always_known) parts.push_back(name + " always has a value (it has a default)");
  return ", since " + listed(parts);
}

Reason explain(const LintContext& context, const Alternative& alternative, const Conflict& conflict) {
  const Program& program = context.program();
  std::vector<const Atom*> atoms;
  for (std::size_t i : conflict.atoms) atoms.push_back(&alternative[i]);
  std::stable_sort(atoms.begin(), atoms.end(), [&](const Atom* a, const Atom* b) {
    const SourceSpan& x = program.exprs[a->origin].span;
    const SourceSpan& y = program.exprs[b->origin].span;
    return x.file != y.file ? x.file < y.file : x.begin < y.begin;
  });
  Reason reason;
  std::vector<std::string> quoted;
  for (const Atom* atom : atoms) {
    const std::string text = context.quote(*atom);
    if (std::find(quoted.begin(), quoted.end(), text) == quoted.end()) quoted.push_back(text);
    // An atom written in the rule is marked as shown (with its `not`); one from a derived fact
    // where the rule names the derived fact.
    reason.anchors.push_back(atom->anchor == atom->origin ? context.shown(*atom) : atom->anchor);
    const Slot owner = context.owner(atom->origin);
    if (owner != kNone) {
      reason.notes.push_back({context.span(atom->origin), "'" + program.values[owner].name + "' is defined here"});
    }
  }
  if (atoms.size() == 1 && atoms[0]->kind == AtomKind::never && atoms[0]->reason == NeverReason::always_unknown) {
    reason.text = quoted[0] + " is always unknown, and a condition that is unknown does not fire; "
                              "test for a missing value with known(...)";
  } else if (quoted.size() == 1) {
    reason.text = quoted[0] + " is never true" + domain_reason(program, conflict);
  } else {
    reason.text = listed(quoted) + (quoted.size() == 2 ? " cannot both be true" : " cannot all be true") +
                  domain_reason(program, conflict);
  }
  if (conflict.slot != kNone && (conflict.domain.range || conflict.domain.always_known) &&
      program.values[conflict.slot].kind == ValueKind::fact) {
    reason.notes.push_back({program.values[conflict.slot].span, "'" + program.values[conflict.slot].name + "' is declared here"});
  }
  return reason;
}

bool same_span(const SourceSpan& a, const SourceSpan& b) { return a.file == b.file && a.begin == b.begin && a.end == b.end; }

void add_note(std::vector<DiagnosticNote>& notes, const DiagnosticNote& note) {
  const bool present = std::any_of(notes.begin(), notes.end(), [&](const DiagnosticNote& n) {
    return same_span(n.span, note.span) && n.message == note.message;
  });
  if (!present) notes.push_back(note);
}

// At most this many alternatives are explained one by one.
constexpr std::size_t kMaxExplained = 8;

}  // namespace

void check_rules_that_never_fire(LintContext& context) {
  const Program& program = context.program();
  for (std::size_t r = 0; r < program.rules.size(); ++r) {
    if (context.condition(r).can_fire) continue;
    const Rule& rule = program.rules[r];
    std::vector<Reason> reasons;
    for (const Alternative& alternative : context.condition(r).when_true.alternatives) {
      const std::optional<Conflict> conflict = find_conflict(program, alternative);
      if (!conflict) continue;  // cannot happen: the rule cannot fire
      Reason reason = explain(context, alternative, *conflict);
      const SourceSpan where = context.covering(rule.condition, reason.anchors);
      const bool known = std::any_of(reasons.begin(), reasons.end(), [&](const Reason& other) {
        return other.text == reason.text && same_span(context.covering(rule.condition, other.anchors), where);
      });
      if (!known) reasons.push_back(std::move(reason));
    }
    const std::string head = "rule '" + rule.name + "' can never fire: ";
    if (reasons.size() == 1) {
      const Reason& reason = reasons[0];
      std::vector<DiagnosticNote> notes;
      for (const auto& note : reason.notes) add_note(notes, note);
      context.warn(context.covering(rule.condition, reason.anchors), head + reason.text, std::move(notes));
      continue;
    }
    // Several alternatives (an `or`, an `if`), each impossible for its own reason.
    std::vector<ExprId> anchors;
    std::vector<DiagnosticNote> notes;
    for (const Reason& reason : reasons) anchors.insert(anchors.end(), reason.anchors.begin(), reason.anchors.end());
    for (std::size_t i = 0; i < reasons.size() && i < kMaxExplained; ++i) {
      add_note(notes, {context.covering(rule.condition, reasons[i].anchors), reasons[i].text});
      for (const auto& note : reasons[i].notes) add_note(notes, note);
    }
    std::string message = head + "none of the " + std::to_string(reasons.size()) + " ways its condition could be true is possible";
    if (reasons.size() > kMaxExplained) message += " (the first " + std::to_string(kMaxExplained) + " are shown)";
    context.warn(context.covering(rule.condition, anchors), message, std::move(notes));
  }
}

}  // namespace forbear::detail::lint
