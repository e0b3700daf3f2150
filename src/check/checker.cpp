#include "check/checker.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "check/expression_checker.hpp"
#include "check/suggest.hpp"
#include "check/text_reader.hpp"
#include "graph/value_order.hpp"
#include "lint/lint.hpp"
#include "model/numbers.hpp"

namespace forbear::detail {
namespace {

using dsl::pt::NodeKind;

// Where a declaration came from: which file, and its parse tree.
template <typename Decl>
struct Located {
  const Decl* decl;
  std::uint32_t file;
};

class Checker {
 public:
  Checker(Program& program, const std::vector<dsl::pt::File>& trees, std::vector<Diagnostic>& diagnostics)
      : program_(program), trees_(trees), diagnostics_(diagnostics) {}

  void run() {
    reserve();
    check_ruleset();
    declare_facts();
    declare_derived_values();
    reject_names_shared_with_enum_members();
    declare_strategies();
    declare_advice();
    order_and_check_derived_values();
    check_fact_defaults();
    check_value_descriptions();
    check_rules();
    compute_input_facts();
    // A large rule set's expressions are most of its memory: no more than a quarter left unused.
    if (program_.exprs.capacity() - program_.exprs.size() > program_.exprs.size() / 4) program_.exprs.shrink_to_fit();
  }

 private:
  // Sizes the program's arrays from the parse trees (an expression per parse-tree node at most, as
  // a rule of thumb), so that a large rule set is not copied as they grow.
  void reserve() {
    std::size_t nodes = 0, values = 0, rules = 0;
    for (const auto& tree : trees_) {
      nodes += tree.nodes.size();
      values += tree.facts.size() + tree.values.size();
      rules += tree.rules.size();
    }
    program_.exprs.reserve(nodes);
    program_.values.reserve(values);
    program_.rules.reserve(rules);
  }

  // ---- diagnostics --------------------------------------------------------------------------

  SourceSpan span(std::uint32_t file, dsl::pt::Span s) const { return {file, s.begin, s.end}; }

  void error(SourceSpan where, std::string message, std::vector<DiagnosticNote> notes = {}) {
    diagnostics_.push_back({Severity::error, where, std::move(message), std::move(notes)});
  }
  void warning(SourceSpan where, std::string message) {
    diagnostics_.push_back({Severity::warning, where, std::move(message), {}});
  }

  // Reports a name declared twice; returns true when `name` is new and was recorded.
  bool declare_unique(std::map<std::string, SourceSpan>& seen, const std::string& name, SourceSpan where,
                      const char* what) {
    const auto [it, inserted] = seen.emplace(name, where);
    if (!inserted) {
      error(where, std::string(what) + " '" + name + "' is declared twice",
            {{it->second, "first declared here"}});
    }
    return inserted;
  }

  // ---- declarations -------------------------------------------------------------------------

  void check_ruleset() {
    std::optional<SourceSpan> first;
    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].rulesets) {
        const SourceSpan where = span(f, decl.span);
        if (first) {
          error(where, "a rule set has one 'ruleset' declaration; this is a second one", {{*first, "first declared here"}});
          continue;
        }
        first = where;
        program_.name = decl.name.text;
        program_.version = text_.unescape(f, decl.version);
      }
    }
    if (!first && !program_.sources.empty()) {
      warning({}, "no 'ruleset NAME version \"V\"' declaration: advice cannot be tied to a rule set version");
    }
  }

  std::optional<Type> resolve_type(std::uint32_t file, const dsl::pt::TypeSpec& spec) {
    static const std::vector<std::string> kTypeNames{"bool", "int", "number", "text", "enum"};
    const std::string& kind = spec.kind.text;
    const SourceSpan where = span(file, spec.kind.span);
    if (kind == "enum") {
      if (spec.values.empty()) {
        error(where, "an enum needs its values: enum(a, b, c)");
        return std::nullopt;
      }
      EnumType type;
      std::map<std::string, SourceSpan> seen;
      for (const auto& value : spec.values) {
        if (declare_unique(seen, value.text, span(file, value.span), "enum value")) type.members.push_back(value.text);
      }
      // Enums with the same values in the same order are one type, so their facts compare.
      for (std::uint32_t id = 0; id < program_.enums.size(); ++id) {
        if (program_.enums[id].members == type.members) return Type{BaseType::enumeration, id};
      }
      program_.enums.push_back(std::move(type));
      return Type{BaseType::enumeration, static_cast<std::uint32_t>(program_.enums.size() - 1)};
    }
    if (!spec.values.empty()) {
      error(where, "only an enum takes a list of values; '" + kind + "' does not");
      return std::nullopt;
    }
    if (kind == "bool") return Type{BaseType::boolean};
    if (kind == "int") return Type{BaseType::integer};
    if (kind == "number") return Type{BaseType::number};
    if (kind == "text") return Type{BaseType::text};
    error(where, "unknown type '" + kind + "'" + did_you_mean(kind, kTypeNames) +
                     "; the types are bool, int, number, text and enum(...)");
    return std::nullopt;
  }

  void declare_facts() {
    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].facts) {
        const SourceSpan where = span(f, decl.name.span);
        if (decl.name.text == kCaseIdField) {
          error(where, "'id' cannot be a fact: a case's \"id\" field identifies the case and is passed through untouched");
          continue;
        }
        if (!declare_unique(value_spans_, decl.name.text, where, "fact")) continue;
        ValueInfo info;
        info.name = decl.name.text;
        info.kind = ValueKind::fact;
        info.type = resolve_type(f, decl.type).value_or(Type{BaseType::invalid});
        info.span = where;
        slot_by_name_[info.name] = static_cast<Slot>(program_.values.size());
        value_names_.push_back(info.name);
        program_.values.push_back(std::move(info));
        fact_decls_.push_back({&decl, f});
      }
    }
    program_.fact_count = static_cast<std::uint32_t>(program_.values.size());
  }

  void declare_derived_values() {
    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].values) {
        const SourceSpan where = span(f, decl.name.span);
        if (!declare_unique(value_spans_, decl.name.text, where, decl.published ? "output" : "derived fact")) continue;
        ValueInfo info;
        info.name = decl.name.text;
        info.kind = decl.published ? ValueKind::output : ValueKind::let;
        info.span = where;
        slot_by_name_[info.name] = static_cast<Slot>(program_.values.size());
        value_names_.push_back(info.name);
        program_.values.push_back(std::move(info));
        derived_decls_.push_back({&decl, f});
      }
    }
  }

  // A bare name compared with an enum is read as one of its members, so a fact or derived fact
  // with a member's name would be ambiguous.
  void reject_names_shared_with_enum_members() {
    for (const auto& value : program_.values) {
      for (const auto& type : program_.enums) {
        if (std::find(type.members.begin(), type.members.end(), value.name) != type.members.end()) {
          error(value.span, "'" + value.name + "' is also an enum value; a fact or derived fact needs a name of its own");
          // The name keeps meaning the member, with no follow-on errors and no suggestion of it.
          slot_by_name_.erase(value.name);
          value_names_.erase(std::find(value_names_.begin(), value_names_.end(), value.name));
          break;
        }
      }
    }
  }

  void declare_strategies() {
    std::map<std::string, SourceSpan> seen;
    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].strategies) {
        const SourceSpan where = span(f, decl.name.span);
        if (!declare_unique(seen, decl.name.text, where, "strategy")) continue;
        strategy_by_name_[decl.name.text] = static_cast<std::uint32_t>(program_.strategies.size());
        program_.strategies.push_back({decl.name.text, {}, where});
        strategy_labels_.push_back({&decl.label, f});
      }
    }
  }

  void declare_advice() {
    std::map<std::string, SourceSpan> seen;
    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].advice) {
        const SourceSpan where = span(f, decl.id.span);
        const std::string& id = decl.id.text;
        const auto dot = id.find('.');
        if (dot == std::string::npos) {
          error(where, "advice id '" + id + "' needs a family before a dot, e.g. 'doc." + id + "'");
          continue;
        }
        if (!declare_unique(seen, id, where, "advice")) continue;
        advice_by_id_[id] = static_cast<std::uint32_t>(program_.advice.size());
        program_.advice.push_back({id, id.substr(0, dot), {}, where});
        advice_labels_.push_back({&decl.label, f});
      }
    }
  }

  // ---- derived values: order, cycles, types -------------------------------------------------

  // Names of values that an expression mentions, as slots (enum members and unknown names skipped).
  void collect_reads(std::uint32_t file, dsl::pt::NodeId id, std::vector<Slot>& out) const {
    const auto& node = trees_[file].nodes[id];
    if (node.kind == NodeKind::name) {
      const auto it = slot_by_name_.find(node.text);
      if (it != slot_by_name_.end() && std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    }
    for (dsl::pt::NodeId child : node.children) collect_reads(file, child, out);
  }

  void order_and_check_derived_values() {
    const std::uint32_t first_derived = program_.fact_count;
    const auto derived_count = static_cast<std::uint32_t>(derived_decls_.size());
    std::vector<std::vector<std::uint32_t>> reads(derived_count);
    for (std::uint32_t i = 0; i < derived_count; ++i) {
      std::vector<Slot> slots;
      collect_reads(derived_decls_[i].file, derived_decls_[i].decl->value, slots);
      for (Slot slot : slots) {
        if (slot >= first_derived) reads[i].push_back(slot - first_derived);
      }
    }
    const ValueOrder order = order_values(reads);
    for (const auto& cycle : order.cycles) {
      std::string path;
      for (std::uint32_t member : cycle) path += program_.values[first_derived + member].name + " -> ";
      path += program_.values[first_derived + cycle.front()].name;
      std::vector<DiagnosticNote> notes;
      for (std::size_t i = 1; i < cycle.size(); ++i) {
        notes.push_back({program_.values[first_derived + cycle[i]].span, "'" + program_.values[first_derived + cycle[i]].name + "' is part of the cycle"});
      }
      error(program_.values[first_derived + cycle.front()].span, "derived facts depend on each other in a cycle: " + path,
            std::move(notes));
    }
    for (std::uint32_t i : order.order) {
      const auto& [decl, file] = derived_decls_[i];
      ValueInfo& info = program_.values[first_derived + i];
      info.expr = expressions_.check(file, decl->value, std::nullopt);
      info.type = program_.exprs[info.expr].type;
      if (info.type.base == BaseType::any) {
        error(info.span, "the type of '" + info.name + "' cannot be told from 'unknown' alone");
        info.type = Type{BaseType::invalid};
      }
      std::vector<Slot> direct;
      collect_slots(program_, info.expr, direct);
      info.depends_on = std::move(direct);
      program_.evaluation_order.push_back(first_derived + i);
    }
  }

  void check_fact_defaults() {
    for (Slot slot = 0; slot < program_.fact_count; ++slot) {
      const auto& [decl, file] = fact_decls_[slot];
      ValueInfo& info = program_.values[slot];
      info.description = text_.to_label(file, decl->description);
      if (decl->range) check_fact_range(file, *decl->range, info);
      if (!decl->default_value) continue;
      const ExprId id = expressions_.check(
          file, *decl->default_value, info.type.base == BaseType::enumeration ? std::optional<Type>(info.type) : std::nullopt);
      const Expr& expr = program_.exprs[id];
      if (expr.type.base == BaseType::invalid || info.type.base == BaseType::invalid) continue;
      std::optional<Value> constant = expressions_.constant_value(id);
      if (!constant) {
        error(expr.span, "a fact's default must be a literal value");
      } else if (!expressions_.assignable(info.type, expr.type)) {
        error(expr.span, "default of '" + info.name + "' must be " + program_.type_name(info.type) + ", not " +
                             program_.type_name(expr.type));
      } else if (info.type.base == BaseType::number && std::holds_alternative<std::int64_t>(*constant)) {
        const auto as_number = Decimal::from_int(std::get<std::int64_t>(*constant));
        if (as_number.ok()) {
          info.default_value = as_number.value;
        } else {
          error(expr.span, "default of '" + info.name + "' is too large for a number (about 9.2e12 at most)");
        }
      } else {
        info.default_value = std::move(constant);
      }
      if (info.default_value && is_numeric(info.type) && !program_.in_range(info, *info.default_value)) {
        error(expr.span, "default of '" + info.name + "' is outside its range: expected " + program_.accepted(info));
        info.default_value.reset();
      }
    }
  }

  static bool is_numeric(const Type& type) { return type.base == BaseType::integer || type.base == BaseType::number; }

  // `in LOW..HIGH`: literal bounds of the fact's own numeric type, at least one, LOW <= HIGH.
  void check_fact_range(std::uint32_t file, const dsl::pt::RangeSpec& range, ValueInfo& info) {
    const SourceSpan where = span(file, range.span);
    if (info.type.base == BaseType::invalid) return;
    if (!is_numeric(info.type)) {
      error(where, "only int and number facts take a range, not " + program_.type_name(info.type));
      return;
    }
    if (!range.low && !range.high) {
      error(where, "a range needs at least one bound: LOW.., ..HIGH or LOW..HIGH");
      return;
    }
    const auto bound = [&](std::optional<dsl::pt::NodeId> node) -> std::optional<Value> {
      if (!node) return std::nullopt;
      const ExprId id = expressions_.check(file, *node, std::nullopt);
      const Expr& expr = program_.exprs[id];
      if (expr.type.base == BaseType::invalid) return std::nullopt;
      const auto constant = expressions_.constant_value(id);
      if (!constant || !is_numeric(expr.type) || (info.type.base == BaseType::integer && expr.type.base != BaseType::integer)) {
        error(expr.span, "a range bound of '" + info.name + "' must be " +
                             (info.type.base == BaseType::integer ? "an int" : "a number") + " literal");
        return std::nullopt;
      }
      if (info.type.base == BaseType::number && !as_decimal(*constant).ok()) {
        error(expr.span, "a range bound of '" + info.name + "' is too large for a number (about 9.2e12 at most)");
        return std::nullopt;
      }
      return constant;
    };
    info.min_value = bound(range.low);
    info.max_value = bound(range.high);
    if (info.min_value && info.max_value && compare_numbers(*info.min_value, *info.max_value) > 0) {
      error(where, "the range of '" + info.name + "' is empty: its low bound is above its high bound");
    }
  }

  void check_value_descriptions() {
    for (std::size_t i = 0; i < derived_decls_.size(); ++i) {
      const auto& [decl, file] = derived_decls_[i];
      program_.values[program_.fact_count + i].description = text_.to_label(file, decl->description);
    }
    for (std::size_t i = 0; i < strategy_labels_.size(); ++i) {
      program_.strategies[i].label = text_.to_label(strategy_labels_[i].file, *strategy_labels_[i].decl);
    }
    for (std::size_t i = 0; i < advice_labels_.size(); ++i) {
      program_.advice[i].text = text_.to_label(advice_labels_[i].file, *advice_labels_[i].decl);
    }
  }

  // ---- rules --------------------------------------------------------------------------------

  void check_rules() {
    std::map<std::string, SourceSpan> seen;
    std::vector<std::string> strategy_names;
    for (const auto& s : program_.strategies) strategy_names.push_back(s.name);
    std::vector<std::string> advice_ids;
    for (const auto& a : program_.advice) advice_ids.push_back(a.id);

    for (std::uint32_t f = 0; f < trees_.size(); ++f) {
      for (const auto& decl : trees_[f].rules) {
        const SourceSpan where = span(f, decl.name.span);
        const bool unique = declare_unique(seen, decl.name.text, where, "rule");
        Rule rule;
        rule.name = decl.name.text;
        rule.span = span(f, decl.span);
        rule.name_span = where;
        rule.condition = expressions_.check(f, decl.condition, std::nullopt);
        const Expr& condition = program_.exprs[rule.condition];
        if (condition.type.base != BaseType::boolean && condition.type.base != BaseType::invalid) {
          error(condition.span, "a rule's condition must be bool, not " + program_.type_name(condition.type));
        }
        for (const auto& effect : decl.effects) {
          const SourceSpan target_span = span(f, effect.target.span);
          const std::string& target = effect.target.text;
          if (effect.kind == dsl::pt::EffectKind::advise) {
            const auto it = advice_by_id_.find(target);
            if (it == advice_by_id_.end()) {
              error(target_span, "unknown advice '" + target + "'" + did_you_mean(target, advice_ids, diagnostics_.size()));
              continue;
            }
            add_once(rule.effects, {EffectKind::advise, it->second, {}, span(f, effect.span)});
            continue;
          }
          const auto it = strategy_by_name_.find(target);
          if (it == strategy_by_name_.end()) {
            error(target_span, "unknown strategy '" + target + "'" + did_you_mean(target, strategy_names, diagnostics_.size()));
            continue;
          }
          if (effect.kind == dsl::pt::EffectKind::exclude) {
            add_once(rule.effects, {EffectKind::exclude, it->second, {}, span(f, effect.span)});
            continue;
          }
          Decimal points;
          const auto parsed = Decimal::parse(effect.points.text, points);
          if (parsed != DecimalParseError::none) {
            error(span(f, effect.points.span), parsed == DecimalParseError::too_precise
                                                   ? "points have at most 6 decimal places, not '" + effect.points.text + "'"
                                                   : "points " + effect.points.text + " are too large (about 9.2e12 at most)");
            continue;
          }
          if (effect.kind == dsl::pt::EffectKind::subtract) points = negate(points).value;
          rule.effects.push_back({EffectKind::add_points, it->second, points, span(f, effect.span)});
        }
        rule.because = text_.to_label(f, decl.because);
        for (const auto& source : decl.sources) rule.sources.push_back(text_.unescape(f, source));
        if (decl.because.empty()) warning(where, "rule '" + rule.name + "' has no 'because': its advice cannot be explained");
        if (decl.sources.empty()) warning(where, "rule '" + rule.name + "' cites no 'source'");
        if (unique) program_.rules.push_back(std::move(rule));
      }
    }
  }

  // Vetoing or advising twice means the same as once; points, by contrast, add up.
  static void add_once(std::vector<Effect>& effects, Effect effect) {
    const bool present = std::any_of(effects.begin(), effects.end(), [&](const Effect& e) {
      return e.kind == effect.kind && e.target == effect.target;
    });
    if (!present) effects.push_back(effect);
  }

  void compute_input_facts() {
    for (Slot slot = 0; slot < program_.fact_count; ++slot) program_.values[slot].input_facts = {slot};
    for (Slot slot : program_.evaluation_order) {
      std::set<Slot> inputs;
      for (Slot read : program_.values[slot].depends_on) {
        const auto& from = program_.values[read].input_facts;
        inputs.insert(from.begin(), from.end());
      }
      program_.values[slot].input_facts.assign(inputs.begin(), inputs.end());
    }
    for (Rule& rule : program_.rules) {
      std::vector<Slot> direct;
      collect_slots(program_, rule.condition, direct);
      std::set<Slot> inputs;
      for (Slot read : direct) {
        const auto& from = program_.values[read].input_facts;
        inputs.insert(from.begin(), from.end());
      }
      rule.input_facts.assign(inputs.begin(), inputs.end());
    }
  }

  Program& program_;
  const std::vector<dsl::pt::File>& trees_;
  std::vector<Diagnostic>& diagnostics_;

  std::map<std::string, SourceSpan> value_spans_;
  std::unordered_map<std::string, Slot> slot_by_name_;
  // The names that can be referred to, in declaration order, for "did you mean".
  std::vector<std::string> value_names_;
  TextReader text_{diagnostics_, slot_by_name_, value_names_};
  ExpressionChecker expressions_{program_, trees_, diagnostics_, slot_by_name_, text_};
  std::unordered_map<std::string, std::uint32_t> strategy_by_name_;
  std::unordered_map<std::string, std::uint32_t> advice_by_id_;
  std::vector<Located<dsl::pt::FactDecl>> fact_decls_;
  std::vector<Located<dsl::pt::ValueDecl>> derived_decls_;
  std::vector<Located<dsl::pt::Label>> strategy_labels_;
  std::vector<Located<dsl::pt::Label>> advice_labels_;
};

}  // namespace

std::shared_ptr<Program> check(std::vector<SourceFile> sources, const std::vector<dsl::pt::File>& trees,
                               std::vector<Diagnostic>& diagnostics, bool lint) {
  auto program = std::make_shared<Program>();
  program->sources = std::move(sources);
  program->index_lines();
  const std::size_t before = diagnostics.size();
  Checker(*program, trees, diagnostics).run();
  for (Rule& rule : program->rules) rule.location = program->location(rule.span);
  const bool failed = std::any_of(diagnostics.begin() + static_cast<std::ptrdiff_t>(before), diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (failed) return nullptr;
  if (lint) lint::run(*program, diagnostics);
  return program;
}

}  // namespace forbear::detail
