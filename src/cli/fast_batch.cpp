#include "cli/fast_batch.hpp"

#include <algorithm>
#include <charconv>

#include "eval/render.hpp"
#include "io/json_number.hpp"
#include "model/program.hpp"

namespace forbear::cli {
namespace {

using namespace std::string_view_literals;

using Json = nlohmann::ordered_json;

bool quotes_values(const detail::Label& label) {
  for (const auto* text : {&label.zh, &label.en}) {
    for (const auto& piece : text->pieces) {
      if (piece.slot != detail::kNone) return true;
    }
  }
  return false;
}

std::string dumped(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json text_json(const LocalizedText& text) { return Json{{"zh", text.zh}, {"en", text.en}}; }

void append_decimal(std::string& out, Decimal value) {
  if (value.is_integer()) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, to_int64(value)).ptr;
    out.append(digits, end);
    return;
  }
  out += dumped(detail::decimal_to_json<Json>(value));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A JSON string without escapes and of printable ASCII only, or nothing; `at` is past it.
bool plain_string(std::string_view line, std::size_t& at, std::string_view& text) {
  if (at >= line.size() || line[at] != '"') return false;
  const std::size_t begin = ++at;
  for (; at < line.size(); ++at) {
    const char c = line[at];
    if (c == '"') {
      text = line.substr(begin, at - begin);
      ++at;
      return true;
    }
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  }
  return false;
}

// A JSON number's text, checked against the JSON grammar (no leading zeros, digits after the point).
bool number_text(std::string_view line, std::size_t& at, std::string_view& text, bool& integral) {
  const std::size_t begin = at;
  if (at < line.size() && line[at] == '-') ++at;
  const std::size_t digits = at;
  while (at < line.size() && line[at] >= '0' && line[at] <= '9') ++at;
  if (at == digits || (line[digits] == '0' && at - digits > 1)) return false;
  integral = true;
  if (at < line.size() && line[at] == '.') {
    integral = false;
    const std::size_t fraction = ++at;
    while (at < line.size() && line[at] >= '0' && line[at] <= '9') ++at;
    if (at == fraction) return false;
  }
  if (at < line.size() && (line[at] == 'e' || line[at] == 'E')) return false;  // rare: the full lane reads exponents
  text = line.substr(begin, at - begin);
  return text.size() <= 24;
}

}  // namespace

FastBatch::FastBatch(const RuleSet& rules) : evaluator_(rules) {
  const auto& program = rules.program();
  const std::vector<Value> no_values;
  ruleset_ = "\"ruleset\":" + dumped(Json{{"name", program.name}, {"version", program.version}, {"sha256", program.sha256}});
  for (detail::Slot slot = 0; slot < program.fact_count; ++slot) fact_names_.push_back(program.values[slot].name);
  for (const auto& strategy : program.strategies) {
    strategy_id_.push_back(dumped(Json(strategy.name)));
    strategy_label_.push_back(quotes_values(strategy.label) ? std::string() : dumped(text_json(detail::render_label(program, strategy.label, no_values))));
  }
  for (const auto& item : program.advice) {
    advice_head_.push_back(quotes_values(item.text) ? std::string()
                                                    : "{\"id\":" + dumped(Json(item.id)) + ",\"kind\":" + dumped(Json(item.kind)) +
                                                          ",\"text\":" + dumped(text_json(detail::render_label(program, item.text, no_values))) +
                                                          ",\"rules\":[");
  }
  for (const auto& rule : program.rules) {
    rule_name_.push_back(dumped(Json(rule.name)));
    std::vector<std::string> pieces;
    const bool quotes = quotes_values(rule.because);
    for (const auto& effect : rule.effects) {
      if (quotes || effect.kind == detail::EffectKind::advise) {
        pieces.emplace_back();
        continue;
      }
      const Decimal points = effect.kind == detail::EffectKind::add_points ? effect.points : Decimal();
      pieces.push_back(dumped(Json{{"rule", rule.name}, {"points", detail::decimal_to_json<Json>(points)},
                                   {"reason", text_json(detail::render_label(program, rule.because, no_values))},
                                   {"source", rule.sources}, {"location", rule.location}}));
    }
    contribution_.push_back(std::move(pieces));
  }
  for (detail::Slot slot = program.fact_count; slot < program.values.size(); ++slot) {
    if (program.values[slot].kind == detail::ValueKind::output) outputs_.emplace_back(program.values[slot].name, dumped(Json(program.values[slot].name)));
  }
}

bool FastBatch::read(std::string_view line, Context& context, std::string_view& id) const {
  context.clear();
  std::size_t at = 0;
  const auto skip = [&] {
    while (at < line.size() && is_space(line[at])) ++at;
  };
  skip();
  if (at >= line.size() || line[at] != '{') return false;
  ++at;
  skip();
  std::uint64_t seen_small = 0;  // facts seen, for rule sets of up to 64 facts; beyond, duplicates go to the full lane by count
  std::size_t given = 0;
  bool id_seen = false;
  if (at < line.size() && line[at] == '}') {
    ++at;
  } else {
    for (;;) {
      std::string_view key;
      if (!plain_string(line, at, key)) return false;
      skip();
      if (at >= line.size() || line[at] != ':') return false;
      ++at;
      skip();
      if (key == "id") {
        if (id_seen) return false;
        id_seen = true;
        const std::size_t begin = at;
        std::string_view text;
        bool integral = false;
        if (at < line.size() && line[at] == '"') {
          if (!plain_string(line, at, text)) return false;
        } else if (!number_text(line, at, text, integral) || !integral || line[begin] == '-' || text.size() > 18) {
          return false;
        }
        id = line.substr(begin, at - begin);
      } else {
        // Lines of one stream usually list the facts in one order: try the fact that came at this
        // position in the last line before searching.
        thread_local std::vector<FactSlot> order;
        std::optional<FactSlot> slot;
        if (given < order.size() && order[given] < fact_names_.size() && fact_names_[order[given]] == key) {
          slot = order[given];
        } else {
          slot = evaluator_.slot_of(key);
          if (!slot) return false;
          if (order.size() <= given) order.resize(given + 1);
          order[given] = *slot;
        }
        if (*slot < 64) {
          if (seen_small & (std::uint64_t{1} << *slot)) return false;
          seen_small |= std::uint64_t{1} << *slot;
        } else {
          return false;  // wide rule sets: the full lane checks duplicate keys
        }
        ++given;
        SetError error = SetError::wrong_type;
        const char c = at < line.size() ? line[at] : '\0';
        if (c == '"') {
          std::string_view text;
          if (!plain_string(line, at, text)) return false;
          error = context.set(*slot, text);
        } else if (line.substr(at, 4) == "true") {
          at += 4;
          error = context.set(*slot, true);
        } else if (line.substr(at, 5) == "false") {
          at += 5;
          error = context.set(*slot, false);
        } else {
          std::string_view text;
          bool integral = false;
          if (!number_text(line, at, text, integral)) return false;
          if (integral && text.size() <= 18) {
            std::int64_t value = 0;
            std::from_chars(text.data(), text.data() + text.size(), value);
            error = context.set(*slot, value);
          } else {
            Decimal value;
            if (Decimal::parse(text, value) != DecimalParseError::none) return false;
            error = context.set(*slot, value);
            // An int fact given 45.0 is read by the full lane (whole-number rules).
            if (!integral && error == SetError::none && evaluator_.rules().program().values[*slot].type.base != detail::BaseType::number) return false;
          }
        }
        if (error != SetError::none) return false;
      }
      skip();
      if (at < line.size() && line[at] == ',') {
        ++at;
        skip();
        continue;
      }
      if (at < line.size() && line[at] == '}') {
        ++at;
        break;
      }
      return false;
    }
  }
  skip();
  if (at != line.size()) return false;
  // Every fact known (or defaulted): otherwise the missing facts are computed by the full lane.
  if (given != evaluator_.fact_count()) return false;
  return true;
}

bool FastBatch::answer(std::string_view line, Context& context, std::string& out) const {
  std::string_view id;
  if (!read(line, context, id)) return false;
  const Outcome outcome = context.evaluate();
  if (outcome.fault_count() > 0) return false;
  const auto& program = evaluator_.rules().program();
  const std::size_t start = out.size();
  const auto give_up = [&] {
    out.resize(start);
    return false;
  };

  out += '{';
  if (!id.empty()) {
    out += "\"id\":"sv;
    out += id;
    out += ',';
  }
  out += ruleset_;

  // The contributions of the fired rules to strategy `s` of kind `kind`, in rule order.
  const auto contributions = [&](std::size_t s, detail::EffectKind kind) {
    bool first = true;
    for (std::size_t r = 0; r < program.rules.size(); ++r) {
      if (outcome.rule(r) != RuleOutcome::fired) continue;
      const auto& effects = program.rules[r].effects;
      for (std::size_t e = 0; e < effects.size(); ++e) {
        if (effects[e].kind != kind || effects[e].target != s) continue;
        if (contribution_[r][e].empty()) return false;
        if (!first) out += ',';
        first = false;
        out += contribution_[r][e];
      }
    }
    return true;
  };

  out += ",\"strategies\":["sv;
  const auto ranking = outcome.ranking();
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    const std::uint32_t s = ranking[i];
    if (strategy_label_[s].empty()) return give_up();
    if (i > 0) out += ',';
    out += "{\"id\":"sv;
    out += strategy_id_[s];
    out += ",\"rank\":"sv;
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, i + 1).ptr);
    out += ",\"score\":"sv;
    append_decimal(out, outcome.scores()[s]);
    out += ",\"label\":"sv;
    out += strategy_label_[s];
    out += ",\"because\":["sv;
    if (!contributions(s, detail::EffectKind::add_points)) return give_up();
    out += "]}"sv;
  }
  out += "],\"excluded\":["sv;
  bool first = true;
  for (std::size_t s = 0; s < program.strategies.size(); ++s) {
    if (!outcome.vetoed(s)) continue;
    if (strategy_label_[s].empty()) return give_up();
    if (!first) out += ',';
    first = false;
    out += "{\"id\":"sv;
    out += strategy_id_[s];
    out += ",\"label\":"sv;
    out += strategy_label_[s];
    out += ",\"score\":"sv;
    append_decimal(out, outcome.scores()[s]);
    out += ",\"vetoed_by\":["sv;
    if (!contributions(s, detail::EffectKind::exclude)) return give_up();
    out += "],\"because\":["sv;
    if (!contributions(s, detail::EffectKind::add_points)) return give_up();
    out += "]}"sv;
  }
  out += "],\"outputs\":{"sv;
  for (std::size_t o = 0; o < outputs_.size(); ++o) {
    if (o > 0) out += ',';
    out += outputs_[o].second;
    out += ':';
    const auto& info = *std::find_if(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == outputs_[o].first; });
    out += dumped(Json::parse(detail::value_to_json(program, outcome.value(outputs_[o].first), info.type).dump()));
  }
  out += "},\"advice\":["sv;
  first = true;
  for (std::size_t a = 0; a < program.advice.size(); ++a) {
    if (!outcome.advised(a)) continue;
    if (advice_head_[a].empty()) return give_up();
    if (!first) out += ',';
    first = false;
    out += advice_head_[a];
    bool first_rule = true;
    for (std::size_t r = 0; r < program.rules.size(); ++r) {
      if (outcome.rule(r) != RuleOutcome::fired) continue;
      bool advises = false;
      for (const auto& effect : program.rules[r].effects) advises = advises || (effect.kind == detail::EffectKind::advise && effect.target == a);
      if (!advises) continue;
      if (!first_rule) out += ',';
      first_rule = false;
      out += rule_name_[r];
    }
    out += "]}"sv;
  }
  out += "],\"missing\":[],\"faults\":[],\"trace\":{\"values\":[],\"rules\":[]}}"sv;
  return true;
}

}  // namespace forbear::cli
