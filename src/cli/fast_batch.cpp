#include "cli/fast_batch.hpp"

#include <algorithm>
#include <array>
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

void append_decimal(OutputBuffer& out, Decimal value) {
  if (value.raw() % Decimal::kOne == 0) {  // a whole number, written as one
    char* digits = out.room(24);
    out.commit(static_cast<std::size_t>(std::to_chars(digits, digits + 24, value.raw() / Decimal::kOne).ptr - digits));
    return;
  }
  out.put(dumped(detail::decimal_to_json<Json>(value)));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Bytes that stand for themselves inside a plain JSON string: printable ASCII but the quote and the
// backslash.
constexpr auto kPlainByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c <= 0x7E; ++c) plain[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// A JSON string without escapes and of printable ASCII only, or nothing; `at` is past it.
bool plain_string(std::string_view line, std::size_t& at, std::string_view& text) {
  if (at >= line.size() || line[at] != '"') return false;
  const std::size_t begin = ++at;
  while (at < line.size() && kPlainByte[static_cast<unsigned char>(line[at])]) ++at;
  if (at >= line.size() || line[at] != '"') return false;
  text = line.substr(begin, at - begin);
  ++at;
  return true;
}

// True when `word` (a short literal) is at `at`.
template <std::size_t N>
bool word_at(std::string_view line, std::size_t at, const char (&word)[N]) {
  if (line.size() - at < N - 1) return false;
  for (std::size_t i = 0; i < N - 1; ++i) {
    if (line[at + i] != word[i]) return false;
  }
  return true;
}

// The key `name` (a fact name, which needs no escapes) at `at`, quoted; `at` is past it.
bool expected_key(std::string_view line, std::size_t& at, std::string_view name) {
  const std::size_t end = at + name.size() + 2;
  if (end > line.size() || line[at] != '"' || line[end - 1] != '"' || line.compare(at + 1, name.size(), name) != 0) return false;
  at = end;
  return true;
}

// A JSON number's text, checked against the JSON grammar (no leading zeros, digits after the point);
// `whole` is its value when it is integral and of at most 18 characters.
bool number_text(std::string_view line, std::size_t& at, std::string_view& text, bool& integral, std::int64_t& whole) {
  const std::size_t begin = at;
  const bool negative = at < line.size() && line[at] == '-';
  if (negative) ++at;
  const std::size_t digits = at;
  std::uint64_t value = 0;  // wraps beyond 19 digits, when it is not used
  for (unsigned digit = 0; at < line.size() && (digit = static_cast<unsigned char>(line[at]) - unsigned{'0'}) <= 9; ++at) value = value * 10 + digit;
  if (at == digits || (line[digits] == '0' && at - digits > 1)) return false;
  whole = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
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
  for (detail::Slot slot = 0; slot < program.fact_count; ++slot) {
    fact_names_.push_back(program.values[slot].name);
    whole_fact_.push_back(program.values[slot].type.base != detail::BaseType::number);
  }
  for (const auto& strategy : program.strategies) {
    const std::string id = dumped(Json(strategy.name));
    strategy_quotes_.push_back(quotes_values(strategy.label));
    const std::string label = strategy_quotes_.back() ? std::string() : dumped(text_json(detail::render_label(program, strategy.label, no_values)));
    ranked_head_.push_back("{\"id\":" + id + ",\"rank\":");
    ranked_middle_.push_back(",\"label\":" + label + ",\"because\":[");
    excluded_head_.push_back("{\"id\":" + id + ",\"label\":" + label + ",\"score\":");
  }
  points_.resize(program.strategies.size());
  vetoes_.resize(program.strategies.size());
  advised_by_.resize(program.advice.size());
  for (const auto& item : program.advice) {
    advice_head_.push_back(quotes_values(item.text) ? std::string()
                                                    : "{\"id\":" + dumped(Json(item.id)) + ",\"kind\":" + dumped(Json(item.kind)) +
                                                          ",\"text\":" + dumped(text_json(detail::render_label(program, item.text, no_values))) +
                                                          ",\"rules\":[");
  }
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    rule_name_.push_back(dumped(Json(rule.name)));
    const bool quotes = quotes_values(rule.because);
    for (const auto& effect : rule.effects) {
      if (effect.kind == detail::EffectKind::advise) {
        auto& rules_of_item = advised_by_[effect.target];
        if (rules_of_item.empty() || rules_of_item.back() != r) rules_of_item.push_back(r);
        continue;
      }
      Contribution contribution{r, {}};
      const Decimal points = effect.kind == detail::EffectKind::add_points ? effect.points : Decimal();
      if (!quotes) {
        contribution.json = ',';
        contribution.json += dumped(Json{{"rule", rule.name}, {"points", detail::decimal_to_json<Json>(points)},
                                        {"reason", text_json(detail::render_label(program, rule.because, no_values))},
                                        {"source", rule.sources}, {"location", rule.location}});
      }
      (effect.kind == detail::EffectKind::add_points ? points_ : vetoes_)[effect.target].push_back(std::move(contribution));
    }
  }
  for (detail::Slot slot = program.fact_count; slot < program.values.size(); ++slot) {
    if (program.values[slot].kind == detail::ValueKind::output) outputs_.emplace_back(program.values[slot].name, dumped(Json(program.values[slot].name)));
  }
}

bool FastBatch::read(std::string_view line, Scratch& scratch, std::string_view& id) const {
  Context& context = scratch.context_;
  std::vector<FactSlot>& order = scratch.order_;
  context.clear();
  std::size_t at = 0;
  const auto skip = [&]() __attribute__((always_inline)) {
    while (at < line.size() && static_cast<unsigned char>(line[at]) <= ' ' && is_space(line[at])) ++at;
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
      // Lines of one stream usually list the facts in one order: try the fact that came at this
      // position in the line before, by its name, before reading the key and searching.
      std::optional<FactSlot> slot;
      if (given < order.size() && expected_key(line, at, fact_names_[order[given]])) {
        slot = order[given];
      } else {
        std::string_view key;
        if (!plain_string(line, at, key)) return false;
        if (key == "id") {
          skip();
          if (at >= line.size() || line[at] != ':') return false;
          ++at;
          skip();
          if (id_seen) return false;
          id_seen = true;
          const std::size_t begin = at;
          std::string_view text;
          bool integral = false;
          if (at < line.size() && line[at] == '"') {
            if (!plain_string(line, at, text)) return false;
          } else if (std::int64_t whole = 0; !number_text(line, at, text, integral, whole) || !integral || line[begin] == '-' || text.size() > 18) {
            return false;
          }
          id = line.substr(begin, at - begin);
          slot.reset();
        } else {
          slot = evaluator_.slot_of(key);
          if (!slot) return false;
          if (order.size() <= given) order.resize(given + 1);
          order[given] = *slot;
        }
      }
      if (slot) {
        skip();
        if (at >= line.size() || line[at] != ':') return false;
        ++at;
        skip();
        if (*slot >= 64) return false;  // wide rule sets: the full lane checks duplicate keys
        if (seen_small & (std::uint64_t{1} << *slot)) return false;
        seen_small |= std::uint64_t{1} << *slot;
        ++given;
        SetError error = SetError::wrong_type;
        const char c = at < line.size() ? line[at] : '\0';
        if (c == '"') {
          std::string_view text;
          if (!plain_string(line, at, text)) return false;
          error = context.set(*slot, text);
        } else if (c == 't' && word_at(line, at, "true")) {
          at += 4;
          error = context.set(*slot, true);
        } else if (c == 'f' && word_at(line, at, "false")) {
          at += 5;
          error = context.set(*slot, false);
        } else {
          std::string_view text;
          bool integral = false;
          std::int64_t whole = 0;
          if (!number_text(line, at, text, integral, whole)) return false;
          if (integral && text.size() <= 18) {
            error = context.set(*slot, whole);
          } else {
            Decimal value;
            if (Decimal::parse(text, value) != DecimalParseError::none) return false;
            error = context.set(*slot, value);
            // An int fact given 45.0 is read by the full lane (whole-number rules).
            if (!integral && error == SetError::none && whole_fact_[*slot]) return false;
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

// The contributions of the fired rules in `list`, comma-separated; false when one quotes values.
bool FastBatch::contributions(const std::vector<Contribution>& list, const Scratch& scratch, OutputBuffer& out) const {
  std::size_t skip = 1;  // the comma before the first
  for (const auto& contribution : list) {
    if (!scratch.fired_[contribution.rule]) continue;
    if (contribution.json.empty()) return false;
    out.put({contribution.json.data() + skip, contribution.json.size() - skip});
    skip = 0;
  }
  return true;
}

bool FastBatch::answer(std::string_view line, Scratch& scratch, OutputBuffer& out) const {
  std::string_view id;
  if (!read(line, scratch, id)) return false;
  const Outcome outcome = scratch.context_.evaluate();
  if (outcome.fault_count() > 0) return false;
  const auto& program = evaluator_.rules().program();
  const std::size_t rule_count = program.rules.size();
  scratch.fired_.resize(rule_count);
  std::uint8_t* fired = scratch.fired_.data();
  for (std::size_t r = 0; r < rule_count; ++r) fired[r] = outcome.rule(r) == RuleOutcome::fired;
  const std::size_t start = out.size();
  const auto give_up = [&] {
    out.truncate(start);
    return false;
  };

  out.put('{');
  if (!id.empty()) {
    out.put("\"id\":"sv);
    out.put(id);
    out.put(',');
  }
  out.put(ruleset_);

  out.put(",\"strategies\":["sv);
  const auto ranking = outcome.ranking();
  const auto scores = outcome.scores();
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    const std::uint32_t s = ranking[i];
    if (strategy_quotes_[s]) return give_up();
    if (i > 0) out.put(',');
    out.put(ranked_head_[s]);
    char* digits = out.room(24);
    out.commit(static_cast<std::size_t>(std::to_chars(digits, digits + 24, i + 1).ptr - digits));
    out.put(",\"score\":"sv);
    append_decimal(out, scores[s]);
    out.put(ranked_middle_[s]);
    if (!contributions(points_[s], scratch, out)) return give_up();
    out.put("]}"sv);
  }
  out.put("],\"excluded\":["sv);
  bool first = true;
  for (std::size_t s = 0; s < program.strategies.size(); ++s) {
    if (!outcome.vetoed(s)) continue;
    if (strategy_quotes_[s]) return give_up();
    if (!first) out.put(',');
    first = false;
    out.put(excluded_head_[s]);
    append_decimal(out, scores[s]);
    out.put(",\"vetoed_by\":["sv);
    if (!contributions(vetoes_[s], scratch, out)) return give_up();
    out.put("],\"because\":["sv);
    if (!contributions(points_[s], scratch, out)) return give_up();
    out.put("]}"sv);
  }
  out.put("],\"outputs\":{"sv);
  for (std::size_t o = 0; o < outputs_.size(); ++o) {
    if (o > 0) out.put(',');
    out.put(outputs_[o].second);
    out.put(':');
    const auto& info = *std::find_if(program.values.begin(), program.values.end(), [&](const auto& v) { return v.name == outputs_[o].first; });
    out.put(dumped(Json::parse(detail::value_to_json(program, outcome.value(outputs_[o].first), info.type).dump())));
  }
  out.put("},\"advice\":["sv);
  first = true;
  for (std::size_t a = 0; a < program.advice.size(); ++a) {
    if (!outcome.advised(a)) continue;
    if (advice_head_[a].empty()) return give_up();
    if (!first) out.put(',');
    first = false;
    out.put(advice_head_[a]);
    bool first_rule = true;
    for (const std::uint32_t r : advised_by_[a]) {
      if (!scratch.fired_[r]) continue;
      if (!first_rule) out.put(',');
      first_rule = false;
      out.put(rule_name_[r]);
    }
    out.put("]}"sv);
  }
  out.put("],\"missing\":[],\"faults\":[],\"trace\":{\"values\":[],\"rules\":[]}}"sv);
  return true;
}

}  // namespace forbear::cli
