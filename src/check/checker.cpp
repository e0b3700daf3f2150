#include "check/checker.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "check/suggest.hpp"
#include "graph/value_order.hpp"

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
  }

 private:
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
        program_.version = unescape(f, decl.version);
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
          slot_by_name_.erase(value.name);  // the name keeps meaning the member, with no follow-on errors
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
      current_file_ = file;
      info.expr = check_expr(decl->value, std::nullopt);
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
      current_file_ = file;
      info.description = to_label(file, decl->description);
      if (!decl->default_value) continue;
      const ExprId id = check_expr(*decl->default_value, info.type.base == BaseType::enumeration ? std::optional<Type>(info.type) : std::nullopt);
      const Expr& expr = program_.exprs[id];
      if (expr.type.base == BaseType::invalid || info.type.base == BaseType::invalid) continue;
      std::optional<Value> constant = constant_value(id);
      if (!constant) {
        error(expr.span, "a fact's default must be a literal value");
      } else if (!assignable(info.type, expr.type)) {
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
    }
  }

  void check_value_descriptions() {
    for (std::size_t i = 0; i < derived_decls_.size(); ++i) {
      const auto& [decl, file] = derived_decls_[i];
      program_.values[program_.fact_count + i].description = to_label(file, decl->description);
    }
    for (std::size_t i = 0; i < strategy_labels_.size(); ++i) {
      program_.strategies[i].label = to_label(strategy_labels_[i].file, *strategy_labels_[i].decl);
    }
    for (std::size_t i = 0; i < advice_labels_.size(); ++i) {
      program_.advice[i].text = to_label(advice_labels_[i].file, *advice_labels_[i].decl);
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
      current_file_ = f;
      for (const auto& decl : trees_[f].rules) {
        const SourceSpan where = span(f, decl.name.span);
        const bool unique = declare_unique(seen, decl.name.text, where, "rule");
        Rule rule;
        rule.name = decl.name.text;
        rule.span = span(f, decl.span);
        rule.condition = check_expr(decl.condition, std::nullopt);
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
              error(target_span, "unknown advice '" + target + "'" + did_you_mean(target, advice_ids));
              continue;
            }
            add_once(rule.effects, {EffectKind::advise, it->second, {}});
            continue;
          }
          const auto it = strategy_by_name_.find(target);
          if (it == strategy_by_name_.end()) {
            error(target_span, "unknown strategy '" + target + "'" + did_you_mean(target, strategy_names));
            continue;
          }
          if (effect.kind == dsl::pt::EffectKind::exclude) {
            add_once(rule.effects, {EffectKind::exclude, it->second, {}});
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
          rule.effects.push_back({EffectKind::add_points, it->second, points});
        }
        rule.because = to_label(f, decl.because);
        for (const auto& source : decl.sources) rule.sources.push_back(unescape(f, source));
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

  // ---- strings and labels -------------------------------------------------------------------

  std::string unescape(std::uint32_t file, const dsl::pt::Text& text) {
    std::string out;
    for (std::size_t i = 0; i < text.raw.size(); ++i) {
      const char c = text.raw[i];
      if (c != '\\' || i + 1 == text.raw.size()) {
        out += c;
        continue;
      }
      const auto at = text.span.begin + 1 + static_cast<std::uint32_t>(i);  // the backslash
      if (const auto unescaped = escape(file, text.raw[++i], at)) out += *unescaped;
    }
    return out;
  }

  // The character that `\escaped` stands for; an unknown escape is reported at `at`, the
  // backslash's byte offset, and stands for nothing.
  std::optional<char> escape(std::uint32_t file, char escaped, std::uint32_t at) {
    switch (escaped) {
      case '"': return '"';
      case '\\': return '\\';
      case 'n': return '\n';
      case 't': return '\t';
      default:
        error({file, at, at + 2}, std::string("unknown escape '\\") + escaped + "' (use \\\", \\\\, \\n or \\t)");
        return std::nullopt;
    }
  }

  // Splits a string into literal text and {name} insertions.
  Template to_template(std::uint32_t file, const dsl::pt::Text& text) {
    Template result;
    const std::string& raw = text.raw;
    std::string literal;
    auto flush = [&] {
      if (!literal.empty()) result.pieces.push_back({literal, kNone});
      literal.clear();
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        // Escapes are read here, where the offset in `raw` is known, so an error points at them.
        const auto at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
        if (const auto unescaped = escape(file, raw[++i], at)) literal += *unescaped;
      } else if ((c == '{' || c == '}') && i + 1 < raw.size() && raw[i + 1] == c) {
        literal += c;
        ++i;
      } else if (c == '{') {
        const auto close = raw.find('}', i);
        const std::uint32_t at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
        if (close == std::string::npos) {
          error({file, at, at + 1}, "'{' opens a value that is never closed with '}' (write '{{' for a brace)");
          break;
        }
        const std::string name = raw.substr(i + 1, close - i - 1);
        const SourceSpan where{file, at + 1, at + 1 + static_cast<std::uint32_t>(name.size())};
        const auto it = slot_by_name_.find(name);
        if (it == slot_by_name_.end()) {
          error(where, "unknown name '" + name + "' in text" + did_you_mean(name, value_names()));
        } else {
          flush();
          result.pieces.push_back({{}, it->second});
        }
        i = close;
      } else if (c == '}') {
        const std::uint32_t at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
        error({file, at, at + 1}, "'}' without '{' (write '}}' for a brace)");
      } else {
        literal += c;
      }
    }
    flush();
    if (result.pieces.empty()) result.pieces.push_back({{}, kNone});  // an empty string is still given
    return result;
  }

  Label to_label(std::uint32_t file, const dsl::pt::Label& parts) {
    Label label;
    bool has_zh = false;
    bool has_en = false;
    for (const auto& part : parts) {
      const std::string& lang = part.lang.text;
      if (lang.empty()) {
        label.zh = label.en = to_template(file, part.text);
        has_zh = has_en = true;
      } else if (lang == "zh" || lang == "en") {
        bool& seen = lang == "zh" ? has_zh : has_en;
        if (seen) error(span(file, part.lang.span), "the '" + lang + "' text is given twice");
        seen = true;
        (lang == "zh" ? label.zh : label.en) = to_template(file, part.text);
      } else {
        error(span(file, part.lang.span), "unknown language '" + lang + "'; a label has 'zh' and 'en' texts");
      }
    }
    return label;
  }

  std::vector<std::string> value_names() const {
    std::vector<std::string> names;
    for (const auto& value : program_.values) names.push_back(value.name);
    return names;
  }

  // ---- expressions --------------------------------------------------------------------------

  static bool is_numeric(const Type& t) { return t.base == BaseType::integer || t.base == BaseType::number; }

  bool assignable(const Type& to, const Type& from) const {
    if (from.base == BaseType::any || from.base == BaseType::invalid || to.base == BaseType::invalid) return true;
    if (to.base == BaseType::number && from.base == BaseType::integer) return true;
    return to == from;
  }

  std::optional<Value> constant_value(ExprId id) const {
    const Expr& expr = program_.exprs[id];
    if (expr.op == Op::literal) return expr.literal;
    return std::nullopt;
  }

  ExprId add(Expr expr) {
    program_.exprs.push_back(std::move(expr));
    return static_cast<ExprId>(program_.exprs.size() - 1);
  }

  SourceSpan node_span(const dsl::pt::Node& node) const { return span(current_file_, node.span); }

  ExprId invalid(const dsl::pt::Node& node) { return add({Op::literal, Type{BaseType::invalid}, node_span(node), kNone, {}, {}, false, {}}); }

  // True when the node could be an enum member written bare or as a string.
  bool could_be_member(const dsl::pt::Node& node) const {
    if (node.kind == NodeKind::string) return true;
    return node.kind == NodeKind::name && !slot_by_name_.count(node.text);
  }

  // `context` is the enum type the node is compared with, if any: a bare name or string is then
  // read as one of its members.
  ExprId check_expr(dsl::pt::NodeId id, std::optional<Type> context) {
    const auto& node = trees_[current_file_].nodes[id];
    const SourceSpan where = node_span(node);
    switch (node.kind) {
      case NodeKind::number: {
        if (node.text.find('.') == std::string::npos) {
          std::int64_t value = 0;
          const auto [end, problem] = std::from_chars(node.text.data(), node.text.data() + node.text.size(), value);
          if (problem != std::errc() || end != node.text.data() + node.text.size()) {
            error(where, "integer " + node.text + " is too large (the largest int is 9223372036854775807)");
            return invalid(node);
          }
          return add({Op::literal, Type{BaseType::integer}, where, kNone, Value{value}, {}, false, node.text});
        }
        Decimal value;
        const auto parsed = Decimal::parse(node.text, value);
        if (parsed == DecimalParseError::too_precise) {
          error(where, "number " + node.text + " has more than 6 decimal places");
          return invalid(node);
        }
        if (parsed != DecimalParseError::none) {
          error(where, "number " + node.text + " is too large for a number (about 9.2e12 at most)");
          return invalid(node);
        }
        return add({Op::literal, Type{BaseType::number}, where, kNone, Value{value}, {}, false, node.text});
      }
      case NodeKind::string: {
        std::string text = unescape(current_file_, {node.text, node.span});
        if (context && context->base == BaseType::enumeration) return enum_member(node, text, *context);
        return add({Op::literal, Type{BaseType::text}, where, kNone, Value{text}, {}, false, "\"" + node.text + "\""});
      }
      case NodeKind::boolean:
        return add({Op::literal, Type{BaseType::boolean}, where, kNone, Value{node.text == "true"}, {}, false, node.text});
      case NodeKind::unknown:
        return add({Op::literal, Type{BaseType::any}, where, kNone, Value{}, {}, false, "unknown"});
      case NodeKind::name: {
        if (context && context->base == BaseType::enumeration) {
          const auto& members = program_.enums[context->enum_id].members;
          if (std::find(members.begin(), members.end(), node.text) != members.end()) {
            return enum_member(node, node.text, *context);
          }
        }
        const auto it = slot_by_name_.find(node.text);
        if (it == slot_by_name_.end()) {
          // Compared with an enum, an unknown bare name is most likely a misspelt member.
          if (context && context->base == BaseType::enumeration) return enum_member(node, node.text, *context);
          error(where, "unknown name '" + node.text + "'" + did_you_mean(node.text, value_names()));
          return invalid(node);
        }
        const Type type = program_.values[it->second].type;
        return add({Op::slot, type, where, it->second, {}, {}, false, node.text});
      }
      case NodeKind::negate: {
        const ExprId operand = check_expr(node.children[0], std::nullopt);
        const Type type = program_.exprs[operand].type;
        if (type.base == BaseType::invalid) return invalid(node);
        if (!is_numeric(type) && type.base != BaseType::any) {
          error(where, "'-' needs a number, not " + program_.type_name(type));
          return invalid(node);
        }
        // A negative literal is a literal: sets and defaults hold only literals.
        if (const Expr& inner = program_.exprs[operand]; inner.op == Op::literal && is_known(inner.literal)) {
          Value negated;
          if (const auto* i = std::get_if<std::int64_t>(&inner.literal)) {
            const auto r = negate(*i);
            if (r.ok()) negated = r.value;
          } else if (const auto* d = std::get_if<Decimal>(&inner.literal)) {
            negated = negate(*d).value;
          }
          if (is_known(negated)) return add({Op::literal, type, where, kNone, negated, {}, false, "-" + inner.spelling});
        }
        return add({Op::negate, type, where, kNone, {}, {operand}, false, {}});
      }
      case NodeKind::logical_not: {
        const ExprId operand = check_expr(node.children[0], std::nullopt);
        if (!expect_bool(operand, "'not'")) return invalid(node);
        return add({Op::logical_not, Type{BaseType::boolean}, where, kNone, {}, {operand}, false, {}});
      }
      case NodeKind::binary:
        return check_binary(node);
      case NodeKind::membership:
        return check_membership(node);
      case NodeKind::conditional:
        return check_conditional(node, context);
      case NodeKind::call:
        return check_call(node);
    }
    return invalid(node);
  }

  ExprId enum_member(const dsl::pt::Node& node, const std::string& text, const Type& type) {
    const auto& members = program_.enums[type.enum_id].members;
    const auto it = std::find(members.begin(), members.end(), text);
    if (it == members.end()) {
      error(node_span(node), "'" + text + "' is not a value of " + program_.type_name(type) + did_you_mean(text, members));
      return invalid(node);
    }
    const auto index = static_cast<std::uint32_t>(it - members.begin());
    return add({Op::literal, type, node_span(node), kNone, Value{EnumMember{index}}, {}, false, text});
  }

  bool expect_bool(ExprId id, const std::string& what) {
    const Type type = program_.exprs[id].type;
    if (type.base == BaseType::boolean || type.base == BaseType::any) return true;
    if (type.base != BaseType::invalid) {
      error(program_.exprs[id].span, what + " needs a bool, not " + program_.type_name(type));
    }
    return false;
  }

  // Checks both operands of a comparison; a bare name or string on one side is read as a member
  // when the other side is an enum.
  std::pair<ExprId, ExprId> check_pair(const dsl::pt::Node& node) {
    const auto& nodes = trees_[current_file_].nodes;
    const auto& lhs_node = nodes[node.children[0]];
    const auto& rhs_node = nodes[node.children[1]];
    // When the side that gives the context has an error, a bare name on the other side cannot
    // be resolved either; checking it would only repeat the first error.
    if (could_be_member(lhs_node) && !could_be_member(rhs_node)) {
      const ExprId rhs = check_expr(node.children[1], std::nullopt);
      if (program_.exprs[rhs].type.base == BaseType::invalid) return {invalid(lhs_node), rhs};
      const ExprId lhs = check_expr(node.children[0], enum_context(rhs));
      return {lhs, rhs};
    }
    const ExprId lhs = check_expr(node.children[0], std::nullopt);
    if (program_.exprs[lhs].type.base == BaseType::invalid && could_be_member(rhs_node)) return {lhs, invalid(rhs_node)};
    const ExprId rhs = check_expr(node.children[1], enum_context(lhs));
    return {lhs, rhs};
  }

  std::optional<Type> enum_context(ExprId id) const {
    const Type type = program_.exprs[id].type;
    if (type.base == BaseType::enumeration) return type;
    return std::nullopt;
  }

  ExprId check_binary(const dsl::pt::Node& node) {
    const std::string& op = node.text;
    const SourceSpan where = node_span(node);
    if (op == "and" || op == "or") {
      const ExprId lhs = check_expr(node.children[0], std::nullopt);
      const ExprId rhs = check_expr(node.children[1], std::nullopt);
      const bool ok = expect_bool(lhs, "'" + op + "'") & expect_bool(rhs, "'" + op + "'");
      if (!ok) return invalid(node);
      return add({op == "and" ? Op::logical_and : Op::logical_or, Type{BaseType::boolean}, where, kNone, {}, {lhs, rhs}, false, {}});
    }
    const auto [lhs, rhs] = check_pair(node);
    const Type left = program_.exprs[lhs].type;
    const Type right = program_.exprs[rhs].type;
    if (left.base == BaseType::invalid || right.base == BaseType::invalid) return invalid(node);

    static const std::map<std::string, Op> kArithmetic{{"+", Op::add}, {"-", Op::subtract}, {"*", Op::multiply}, {"/", Op::divide}};
    static const std::map<std::string, Op> kComparison{{"==", Op::equal},      {"!=", Op::not_equal},   {"<", Op::less},
                                                       {"<=", Op::less_equal}, {">", Op::greater}, {">=", Op::greater_equal}};
    const bool left_numeric = is_numeric(left) || left.base == BaseType::any;
    const bool right_numeric = is_numeric(right) || right.base == BaseType::any;
    if (const auto it = kArithmetic.find(op); it != kArithmetic.end()) {
      if (!left_numeric || !right_numeric) {
        error(where, "'" + op + "' needs numbers, not " + program_.type_name(left) + " and " + program_.type_name(right));
        return invalid(node);
      }
      const bool both_int = left.base != BaseType::number && right.base != BaseType::number && it->second != Op::divide;
      return add({it->second, Type{both_int ? BaseType::integer : BaseType::number}, where, kNone, {}, {lhs, rhs}, false, {}});
    }
    const Op comparison = kComparison.at(op);
    const bool ordering = comparison != Op::equal && comparison != Op::not_equal;
    const bool numbers = left_numeric && right_numeric;
    const bool comparable = numbers || assignable(left, right) || assignable(right, left);
    if (!comparable) {
      error(where, "cannot compare " + program_.type_name(left) + " with " + program_.type_name(right));
      return invalid(node);
    }
    if (ordering && !numbers) {
      error(where, "'" + op + "' orders numbers only; " + program_.type_name(left.base == BaseType::any ? right : left) +
                       " values can be compared with == and !=");
      return invalid(node);
    }
    return add({comparison, Type{BaseType::boolean}, where, kNone, {}, {lhs, rhs}, false, {}});
  }

  ExprId check_membership(const dsl::pt::Node& node) {
    const ExprId subject = check_expr(node.children[0], std::nullopt);
    const Type type = program_.exprs[subject].type;
    Expr expr{Op::member_of, Type{BaseType::boolean}, node_span(node), kNone, {}, {subject}, node.negated, {}};
    bool ok = type.base != BaseType::invalid;
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      const ExprId element = check_expr(node.children[i], enum_context(subject));
      const Expr& checked = program_.exprs[element];
      if (checked.type.base == BaseType::invalid) {
        ok = false;
      } else if (!constant_value(element)) {
        error(checked.span, "a set holds literal values only");
        ok = false;
      } else if (checked.type.base == BaseType::any) {
        error(checked.span, "a set cannot hold 'unknown'; test known(x) instead");
        ok = false;
      } else if (ok && !(assignable(type, checked.type) || (is_numeric(type) && is_numeric(checked.type)))) {
        error(checked.span, "set element of type " + program_.type_name(checked.type) + " cannot match " +
                                program_.type_name(type));
        ok = false;
      }
      expr.args.push_back(element);
    }
    if (!ok) return invalid(node);
    return add(std::move(expr));
  }

  ExprId check_conditional(const dsl::pt::Node& node, std::optional<Type> context) {
    const ExprId condition = check_expr(node.children[0], std::nullopt);
    const bool condition_ok = expect_bool(condition, "'if'");
    const ExprId then_value = check_expr(node.children[1], context);
    const ExprId else_value = check_expr(node.children[2], context ? context : enum_context(then_value));
    const Type a = program_.exprs[then_value].type;
    const Type b = program_.exprs[else_value].type;
    if (!condition_ok || a.base == BaseType::invalid || b.base == BaseType::invalid) return invalid(node);
    Type result;
    if (a.base == BaseType::any) {
      result = b;
    } else if (b.base == BaseType::any || a == b) {
      result = a;
    } else if (is_numeric(a) && is_numeric(b)) {
      result = Type{BaseType::number};
    } else {
      error(node_span(node), "'if' gives " + program_.type_name(a) + " in one branch and " + program_.type_name(b) +
                                 " in the other");
      return invalid(node);
    }
    return add({Op::conditional, result, node_span(node), kNone, {}, {condition, then_value, else_value}, false, {}});
  }

  ExprId check_call(const dsl::pt::Node& node) {
    static const std::map<std::string, Op> kFunctions{{"min", Op::min},     {"max", Op::max},     {"abs", Op::abs},
                                                      {"ceil", Op::ceil},   {"floor", Op::floor}, {"round", Op::round},
                                                      {"known", Op::known}};
    const SourceSpan where = node_span(node);
    const auto function = kFunctions.find(node.text);
    if (function == kFunctions.end()) {
      std::vector<std::string> names;
      for (const auto& [name, op] : kFunctions) names.push_back(name);
      error({where.file, where.begin, where.begin + static_cast<std::uint32_t>(node.text.size())},
            "unknown function '" + node.text + "'" + did_you_mean(node.text, names) +
                "; the functions are min, max, abs, ceil, floor, round and known");
      return invalid(node);
    }
    const Op op = function->second;
    std::vector<ExprId> args;
    bool ok = true;
    for (dsl::pt::NodeId child : node.children) {
      args.push_back(check_expr(child, std::nullopt));
      if (program_.exprs[args.back()].type.base == BaseType::invalid) ok = false;
    }
    const std::size_t count = args.size();
    const bool count_ok = (op == Op::min || op == Op::max) ? count >= 2 : op == Op::round ? (count == 1 || count == 2) : count == 1;
    if (!count_ok) {
      const char* wanted = (op == Op::min || op == Op::max) ? "at least 2 arguments"
                           : op == Op::round                ? "1 or 2 arguments"
                                                            : "1 argument";
      error(where, "'" + node.text + "' takes " + wanted + ", not " + std::to_string(count));
      return invalid(node);
    }
    if (!ok) return invalid(node);
    if (op == Op::known) return add({op, Type{BaseType::boolean}, where, kNone, {}, args, false, node.text});
    bool all_int = true;
    for (ExprId arg : args) {
      const Type t = program_.exprs[arg].type;
      if (!is_numeric(t) && t.base != BaseType::any) {
        error(program_.exprs[arg].span, "'" + node.text + "' needs numbers, not " + program_.type_name(t));
        return invalid(node);
      }
      if (t.base == BaseType::number) all_int = false;
    }
    Type result{all_int ? BaseType::integer : BaseType::number};
    if (op == Op::ceil || op == Op::floor || (op == Op::round && count == 1)) result = Type{BaseType::integer};
    if (op == Op::round && count == 2) {
      const auto places = constant_value(args[1]);
      const auto* value = places ? std::get_if<std::int64_t>(&*places) : nullptr;
      if (!value || *value < 0 || *value > Decimal::kPlaces) {
        error(program_.exprs[args[1]].span, "round's places must be a whole number from 0 to 6");
        return invalid(node);
      }
      result = Type{BaseType::number};
    }
    return add({op, result, where, kNone, {}, args, false, node.text});
  }

  Program& program_;
  const std::vector<dsl::pt::File>& trees_;
  std::vector<Diagnostic>& diagnostics_;
  std::uint32_t current_file_ = 0;

  std::map<std::string, SourceSpan> value_spans_;
  std::unordered_map<std::string, Slot> slot_by_name_;
  std::unordered_map<std::string, std::uint32_t> strategy_by_name_;
  std::unordered_map<std::string, std::uint32_t> advice_by_id_;
  std::vector<Located<dsl::pt::FactDecl>> fact_decls_;
  std::vector<Located<dsl::pt::ValueDecl>> derived_decls_;
  std::vector<Located<dsl::pt::Label>> strategy_labels_;
  std::vector<Located<dsl::pt::Label>> advice_labels_;
};

}  // namespace

std::shared_ptr<Program> check(std::vector<SourceFile> sources, const std::vector<dsl::pt::File>& trees,
                               std::vector<Diagnostic>& diagnostics) {
  auto program = std::make_shared<Program>();
  program->sources = std::move(sources);
  program->index_lines();
  const std::size_t before = diagnostics.size();
  Checker(*program, trees, diagnostics).run();
  for (Rule& rule : program->rules) rule.location = program->location(rule.span);
  const bool failed = std::any_of(diagnostics.begin() + static_cast<std::ptrdiff_t>(before), diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (failed) return nullptr;
  return program;
}

}  // namespace forbear::detail
