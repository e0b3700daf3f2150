#include "peer_case.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace forbear::peers {

int rule_index(std::string_view id) noexcept {
  for (int i = 0; i < rule_count; ++i)
    if (rule_ids[static_cast<std::size_t>(i)] == id) return i;
  return -1;
}

int strategy_index(std::string_view name) noexcept {
  for (int i = 0; i < strategy_count; ++i)
    if (strategy_names[static_cast<std::size_t>(i)] == name) return i;
  return -1;
}

std::string format_amount(std::int64_t amount_cents) {
  std::string text = std::to_string(amount_cents / 100);
  const std::int64_t cents = amount_cents % 100;
  if (cents != 0) {
    text += '.';
    text += static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) text += static_cast<char>('0' + cents % 10);
  }
  return text;
}

std::string case_to_json(const PeerCase& c) {
  auto flag = [](bool b) { return b ? "true" : "false"; };
  std::string line = "{\"id\":" + std::to_string(c.id);
  line += ",\"days_overdue\":" + std::to_string(c.days_overdue);
  line += ",\"amount\":" + format_amount(c.amount_cents);
  line += ",\"hardship\":\"" + std::string(hardship_names[static_cast<std::size_t>(c.hardship)]) + "\"";
  line += ",\"has_proof\":" + std::string(flag(c.has_proof));
  line += ",\"credit_history\":\"" + std::string(credit_history_names[static_cast<std::size_t>(c.credit_history)]) + "\"";
  line += ",\"prior_defaults\":" + std::to_string(c.prior_defaults);
  line += ",\"monthly_income\":" + std::to_string(c.monthly_income);
  line += ",\"monthly_expenses\":" + std::to_string(c.monthly_expenses);
  line += ",\"platform_allows_installment\":" + std::string(flag(c.platform_allows_installment));
  line += ",\"platform_allows_waiver\":" + std::string(flag(c.platform_allows_waiver));
  line += ",\"contacted_before\":" + std::to_string(c.contacted_before);
  line += ",\"collection_calls_per_day\":" + std::to_string(c.collection_calls_per_day);
  line += '}';
  return line;
}

namespace {

const nlohmann::json& field(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) throw std::runtime_error(std::string("case: missing '") + name + "'");
  return *it;
}

std::int64_t integer_field(const nlohmann::json& object, const char* name) {
  const auto& value = field(object, name);
  if (!value.is_number_integer()) throw std::runtime_error(std::string("case: '") + name + "' is not an integer");
  return value.get<std::int64_t>();
}

bool bool_field(const nlohmann::json& object, const char* name) {
  const auto& value = field(object, name);
  if (!value.is_boolean()) throw std::runtime_error(std::string("case: '") + name + "' is not a boolean");
  return value.get<bool>();
}

template <std::size_t N>
std::size_t enum_field(const nlohmann::json& object, const char* name, const std::array<std::string_view, N>& names) {
  const auto& value = field(object, name);
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == text) return i;
  }
  throw std::runtime_error(std::string("case: '") + name + "' is not one of its values");
}

// The amount as written (at most 2 decimals), read from the text so that no double rounding enters.
std::int64_t amount_cents_field(std::string_view line, const nlohmann::json& object) {
  if (!field(object, "amount").is_number()) throw std::runtime_error("case: 'amount' is not a number");
  const auto key = line.find("\"amount\":");
  if (key == std::string_view::npos) throw std::runtime_error("case: write 'amount' as \"amount\":NUMBER");
  std::size_t at = key + 9;
  while (at < line.size() && line[at] == ' ') ++at;
  std::int64_t whole = 0, cents = 0;
  int decimals = 0;
  bool in_fraction = false;
  for (; at < line.size(); ++at) {
    const char ch = line[at];
    if (ch == '.' && !in_fraction) {
      in_fraction = true;
    } else if (ch >= '0' && ch <= '9') {
      if (!in_fraction) {
        whole = whole * 10 + (ch - '0');
      } else if (++decimals <= 2) {
        cents = cents * 10 + (ch - '0');
      } else {
        throw std::runtime_error("case: 'amount' has more than 2 decimals");
      }
    } else {
      break;
    }
  }
  if (decimals == 1) cents *= 10;
  return whole * 100 + cents;
}

}  // namespace

PeerCase case_from_json(std::string_view line) {
  const auto object = nlohmann::json::parse(line);
  if (!object.is_object()) throw std::runtime_error("case: not a JSON object");
  PeerCase c;
  c.id = integer_field(object, "id");
  c.days_overdue = integer_field(object, "days_overdue");
  c.amount_cents = amount_cents_field(line, object);
  c.hardship = static_cast<Hardship>(enum_field(object, "hardship", hardship_names));
  c.has_proof = bool_field(object, "has_proof");
  c.credit_history = static_cast<CreditHistory>(enum_field(object, "credit_history", credit_history_names));
  c.prior_defaults = integer_field(object, "prior_defaults");
  c.monthly_income = integer_field(object, "monthly_income");
  c.monthly_expenses = integer_field(object, "monthly_expenses");
  c.platform_allows_installment = bool_field(object, "platform_allows_installment");
  c.platform_allows_waiver = bool_field(object, "platform_allows_waiver");
  c.contacted_before = integer_field(object, "contacted_before");
  c.collection_calls_per_day = integer_field(object, "collection_calls_per_day");
  return c;
}

std::string outcome_to_json(std::int64_t id, const PeerOutcome& outcome) {
  std::string line = "{\"id\":" + std::to_string(id) + ",\"scores\":{";
  for (int s = 0; s < strategy_count; ++s) {
    if (s > 0) line += ',';
    line += '"';
    line += strategy_names[static_cast<std::size_t>(s)];
    line += "\":" + std::to_string(outcome.scores[static_cast<std::size_t>(s)]);
  }
  line += "},\"fired\":[";
  bool first = true;
  for (int r = 0; r < rule_count; ++r) {
    if ((outcome.fired & (1u << r)) == 0) continue;
    if (!first) line += ',';
    first = false;
    line += '"';
    line += rule_ids[static_cast<std::size_t>(r)];
    line += '"';
  }
  line += "],\"top\":\"";
  line += outcome.top < 0 ? std::string_view("none") : strategy_names[static_cast<std::size_t>(outcome.top)];
  line += "\"}";
  return line;
}

std::string canonical_outcome_line(std::string_view line) {
  const auto given = nlohmann::ordered_json::parse(line);
  if (!given.is_object()) throw std::runtime_error("outcome: not a JSON object");
  nlohmann::ordered_json canonical = nlohmann::ordered_json::object();
  if (given.contains("id")) canonical["id"] = given["id"];
  if (given.contains("scores")) {
    const auto& scores = given["scores"];
    if (scores.is_object()) {
      nlohmann::ordered_json ordered = nlohmann::ordered_json::object();
      for (auto name : strategy_names)
        if (scores.contains(std::string(name))) ordered[std::string(name)] = scores[std::string(name)];
      for (const auto& [key, value] : scores.items())
        if (!ordered.contains(key)) ordered[key] = value;
      canonical["scores"] = ordered;
    } else {
      canonical["scores"] = scores;
    }
  }
  if (given.contains("fired")) {
    auto fired = given["fired"];
    if (fired.is_array() && std::all_of(fired.begin(), fired.end(), [](const auto& v) { return v.is_string(); }))
      std::sort(fired.begin(), fired.end());
    canonical["fired"] = fired;
  }
  if (given.contains("top")) canonical["top"] = given["top"];
  for (const auto& [key, value] : given.items())
    if (!canonical.contains(key)) canonical[key] = value;
  return canonical.dump();
}

}  // namespace forbear::peers
