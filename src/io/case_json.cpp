// parse_case() and parse_case_json(): bind a JSON object of facts to a rule set's fact slots,
// checking each value. parse_case_json reads the JSON text itself, within the limits and exactly.

#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <utility>

#include "check/suggest.hpp"
#include "io/case_checks.hpp"
#include "forbear/case.hpp"
#include "model/program.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

using detail::BaseType;
using Json = nlohmann::json;

// The text of each fact's number that JSON holds as a double, by key: the value is read from it,
// since a double keeps only about 15 significant digits.
using NumberTexts = std::map<std::string, std::string, std::less<>>;

// A text shown in an error message, shortened when long.
std::string shortened(std::string text) {
  if (text.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut) + "...";
  }
  return text;
}

// A JSON value shown in an error message, as written when its text is known, shortened when long.
std::string shown(const Json& value, const std::string* text = nullptr) {
  if (value.is_number_float() && !std::isfinite(value.get<double>())) {  // only from a host: JSON cannot write them
    return std::isnan(value.get<double>()) ? "NaN" : value.get<double>() > 0 ? "Infinity" : "-Infinity";
  }
  return shortened(text ? *text : value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// `text` with each byte that is not UTF-8 written as <0xNN>: an error message quotes the input, and
// must itself be text (JSON output cannot carry invalid UTF-8).
std::string as_utf8(std::string_view text) {
  std::string out;
  for (std::size_t bad = detail::find_invalid_utf8(text); bad != std::string_view::npos; bad = detail::find_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "<0x%02X>", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
    out.append(text.substr(0, bad)).append(hex);
    text.remove_prefix(bad + 1);
  }
  return out.append(text);
}

std::string too_deep(const Limits& limits) {
  return "nested deeper than " + std::to_string(limits.max_case_depth) + " levels (the limit)";
}

std::string too_long(const char* what, std::size_t size, const Limits& limits) {
  return std::string(what) + " of " + std::to_string(size) + " bytes, longer than the limit of " +
         std::to_string(limits.max_case_string_bytes) + " bytes";
}

// Why a string of a host's JSON value cannot be taken: too long, or not UTF-8 (JSON text is
// checked by its parser; a value built in C++ is not). Nothing when it is fine.
std::optional<std::string> bad_string(const char* what, const std::string& text, const Limits& limits) {
  if (text.size() > limits.max_case_string_bytes) return too_long(what, text.size(), limits);
  const std::size_t bad = detail::find_invalid_utf8(text);
  if (bad == std::string::npos) return std::nullopt;
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[bad])));
  return std::string(what) + " that is not UTF-8 (byte " + hex + " at offset " + std::to_string(bad) + ")";
}

// Why a value (at nesting level `level`, the case object being level 1) cannot be taken: nested
// too deeply or holding a string that is too long or not UTF-8; nothing when it is fine. The walk
// keeps its own stack: the value may be far deeper than the limit.
std::optional<std::string> beyond_limits(const Json& value, std::uint32_t level, const Limits& limits) {
  std::vector<std::pair<const Json*, std::uint32_t>> pending{{&value, level}};
  while (!pending.empty()) {
    const auto [json, depth] = pending.back();
    pending.pop_back();
    if (json->is_string()) {
      if (auto problem = bad_string("a string", json->get_ref<const std::string&>(), limits)) return problem;
    }
    if (!json->is_structured()) continue;
    if (depth > limits.max_case_depth) return too_deep(limits);
    if (json->is_object()) {
      for (const auto& [key, member] : json->items()) {
        if (auto problem = bad_string("a key", key, limits)) return problem;
        pending.emplace_back(&member, depth + 1);
      }
    } else {
      for (const auto& element : *json) pending.emplace_back(&element, depth + 1);
    }
  }
  return std::nullopt;
}

}  // namespace

namespace detail {

// Why a JSON number is not a whole number in the int range, or nothing when it is; `text` is the
// number as written (JSON syntax), read exactly. Sets `out` when it is.
std::optional<std::string> whole_number(std::string_view text, std::int64_t& out) {
  std::size_t i = 0;
  const bool negative = i < text.size() && text[i] == '-';
  if (negative) ++i;
  std::string digits;  // the integer and fraction digits, without the point
  std::int64_t point = 0;  // how many of `digits` lie before the point
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) digits += text[i];
  point = static_cast<std::int64_t>(digits.size());
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) digits += text[i];
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool exponent_negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::int64_t exponent = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
      exponent = std::min<std::int64_t>(exponent * 10 + (text[i] - '0'), 1'000'000'000);  // saturates
    }
    point += exponent_negative ? -exponent : exponent;
  }
  const std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    out = 0;
    return std::nullopt;
  }
  const std::size_t last = digits.find_last_not_of('0');
  if (static_cast<std::int64_t>(last) >= point) return "which is not a whole number";
  // The value is digits[first, point) (zeros past the end of `digits`): more than 19 digits do not fit.
  if (point - static_cast<std::int64_t>(first) > 19) return "which is beyond the int range";
  std::uint64_t magnitude = 0;
  for (std::int64_t p = static_cast<std::int64_t>(first); p < point; ++p) {
    const auto digit = static_cast<std::size_t>(p) < digits.size() ? digits[static_cast<std::size_t>(p)] - '0' : 0;
    if (__builtin_mul_overflow(magnitude, std::uint64_t{10}, &magnitude) ||
        __builtin_add_overflow(magnitude, static_cast<std::uint64_t>(digit), &magnitude)) {
      return "which is beyond the int range";
    }
  }
  const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  if (magnitude > limit) return "which is beyond the int range";
  out = negative ? static_cast<std::int64_t>(std::uint64_t{0} - magnitude) : static_cast<std::int64_t>(magnitude);
  return std::nullopt;
}

bool case_value_within_limits(const nlohmann::json& value, const Limits& limits) {
  if (value.is_string()) return !bad_string("a string", value.get_ref<const std::string&>(), limits);
  if (!value.is_structured()) return true;
  return !beyond_limits(value, 2, limits);
}

std::optional<std::string> text_fact_problem(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
      return std::string("expected text without control characters, got ") + hex + " at offset " + std::to_string(i);
    }
  }
  return std::nullopt;
}

}  // namespace detail

namespace {

std::string json_kind(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::boolean: return "a bool";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "null";
  }
}

// Converts one JSON value to the fact's type, or says why it cannot. `text` is the number as
// written, when the value is a number held as a double and its text is known; `errors_so_far`
// counts the case's errors before this one (beyond a limit, no "did you mean").
std::optional<Value> convert(const detail::Program& program, const detail::ValueInfo& fact, const Json& json,
                             const std::string* text, std::size_t errors_so_far, std::string& problem) {
  const std::string expected = program.type_name(fact.type);
  const auto mismatch = [&] {
    problem = "expected " + expected + ", got " + json_kind(json) + " " + shown(json, text);
    return std::nullopt;
  };
  switch (fact.type.base) {
    case BaseType::boolean:
      if (!json.is_boolean()) return mismatch();
      return Value{json.get<bool>()};
    case BaseType::integer: {
      if (json.is_number_integer() && !json.is_number_unsigned()) return Value{json.get<std::int64_t>()};
      if (!json.is_number() || (json.is_number_float() && !std::isfinite(json.get<double>()))) return mismatch();
      // Producers that only have doubles send 45.0 for 45: a whole number in range is accepted.
      const std::string written = text ? *text : json.dump();
      std::int64_t value = 0;
      if (const auto why_not = detail::whole_number(written, value)) {
        problem = "expected int, got " + shortened(written) + ", " + *why_not;
        return std::nullopt;
      }
      return Value{value};
    }
    case BaseType::number: {
      if (!json.is_number()) return mismatch();
      if (json.is_number_float() && !std::isfinite(json.get<double>())) return mismatch();
      Decimal value;
      const std::string written = text ? *text : json.dump();
      switch (Decimal::parse(written, value)) {
        case DecimalParseError::none: return Value{value};
        case DecimalParseError::too_precise:
          problem = "expected number with at most 6 decimal places, got " + shortened(written);
          return std::nullopt;
        default:
          problem = "expected number within about +-9.2e12, got " + shortened(written);
          return std::nullopt;
      }
    }
    case BaseType::text: {
      if (!json.is_string()) return mismatch();
      // A text fact is shown in reports: an escape sequence would drive the reader's terminal.
      const std::string& text_value = json.get_ref<const std::string&>();
      if (auto why_not = detail::text_fact_problem(text_value)) {
        problem = std::move(*why_not);
        return std::nullopt;
      }
      return Value{text_value};
    }
    case BaseType::enumeration: {
      if (!json.is_string()) return mismatch();
      const auto& members = program.enums[fact.type.enum_id].members;
      const std::string text = json.get<std::string>();
      for (std::uint32_t i = 0; i < members.size(); ++i) {
        if (members[i] == text) return Value{EnumMember{i}};
      }
      problem = "expected one of " + expected.substr(5, expected.size() - 6) + ", got " + shown(json) +
                detail::did_you_mean(text, members, errors_so_far);
      return std::nullopt;
    }
    default:
      problem = "the fact's declaration has an error";
      return std::nullopt;
  }
}

// Binds the facts of a case object; the values and the id, or the errors.
struct Bound {
  std::vector<Value> values;
  Json id;
  std::vector<CaseError> errors;
};

Bound bind_facts(const detail::Program& program, const Json& facts, const NumberTexts& numbers) {
  Bound bound;
  if (!facts.is_object()) {
    bound.errors.push_back({"", "expected a JSON object of facts, got " + json_kind(facts)});
    return bound;
  }
  bound.values.resize(program.fact_count);
  std::vector<std::string> fact_names;
  // Every value's slot by name (facts come first): a case may have many keys, a rule set many facts.
  std::unordered_map<std::string_view, detail::Slot> slot_by_name;
  for (detail::Slot slot = 0; slot < program.values.size(); ++slot) {
    slot_by_name.emplace(program.values[slot].name, slot);
    if (slot < program.fact_count) fact_names.push_back(program.values[slot].name);
  }

  for (const auto& [key, json] : facts.items()) {
    if (key == detail::kCaseIdField) {
      bound.id = json;
      continue;
    }
    const auto found = slot_by_name.find(key);
    if (found == slot_by_name.end() || found->second >= program.fact_count) {
      const bool derived = found != slot_by_name.end();
      // A key is shown as written unless it holds control characters: then JSON-escaped, so that
      // printing the error cannot drive a terminal.
      const bool printable = std::none_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
      const std::string shown_key = printable ? key : Json(key).dump();
      bound.errors.push_back({shown_key, derived ? "'" + key + "' is derived by the rules and cannot be given in a case"
                                                 : "unknown fact '" + shown_key + "'" + detail::did_you_mean(key, fact_names, bound.errors.size())});
      continue;
    }
    if (json.is_null()) continue;  // explicitly unknown
    const detail::Slot slot = found->second;
    const auto written = numbers.find(key);
    const std::string* text = written == numbers.end() ? nullptr : &written->second;
    std::string problem;
    auto value = convert(program, program.values[slot], json, text, bound.errors.size(), problem);
    if (!value) {
      bound.errors.push_back({key, problem});
      continue;
    }
    const auto& fact = program.values[slot];
    if (!program.in_range(fact, *value)) {
      bound.errors.push_back({key, "expected " + program.accepted(fact) + ", got " + shown(json, text)});
      continue;
    }
    bound.values[slot] = std::move(*value);
  }
  return bound;
}

// Builds a case's JSON from nlohmann's SAX events, stopping at the first problem: a key given
// twice in one object, a string or key longer than the limit, nesting deeper than the limit, or
// invalid JSON. Keeps the text of each fact's number that JSON would hold as a double.
class CaseReader final : public nlohmann::json_sax<Json> {
 public:
  explicit CaseReader(std::string_view text, const Limits& limits) : text_(text), limits_(limits) {}

  bool null() override { return put(Json(nullptr)); }
  bool boolean(bool value) override { return put(Json(value)); }
  bool number_integer(number_integer_t value) override { return put(Json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return put(Json(value)); }
  bool number_float(number_float_t value, const string_t& text) override {
    if (open_.size() == 1 && open_.back()->is_object()) numbers_[key_] = text;
    return put(Json(value));
  }
  bool string(string_t& value) override {
    if (value.size() > limits_.max_case_string_bytes) return fail(field(), too_long("a string", value.size(), limits_));
    return put(Json(std::move(value)));
  }
  bool binary(binary_t&) override { return fail(field(), "binary values are not JSON"); }  // only from binary formats
  bool start_object(std::size_t) override { return open(Json::object()); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(Json::array()); }
  bool end_array() override { return close(); }
  bool key(string_t& key) override {
    if (key.size() > limits_.max_case_string_bytes) return fail("", too_long("a key", key.size(), limits_));
    if (open_.size() == 1) key_ = key;
    if (open_.back()->contains(key)) {
      return fail(key_, open_.size() == 1 ? "given twice (each key once)" : "key '" + shortened(key) + "' given twice in one object");
    }
    pending_key_ = std::move(key);
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..." -> "syntax error ..."
    std::string message = error.what();
    const auto kind_end = message.find("] ");
    if (kind_end != std::string::npos) message = message.substr(kind_end + 2);
    const auto column = message.find("column ");
    const auto detail = column == std::string::npos ? std::string::npos : message.find(": ", column);
    if (detail != std::string::npos) message = message.substr(detail + 2);
    error_ = CaseError{"", "invalid JSON: " + as_utf8(message)};
    // A syntax error has a place; a number beyond a double (1e400) is named in the message instead.
    if (dynamic_cast<const Json::parse_error*>(&error) != nullptr) {
      const LineColumn where = locate(text_, static_cast<std::uint32_t>(position == 0 ? 0 : position - 1));
      error_->line = where.line;
      error_->column = where.column;
    }
    return false;
  }

  /// The value read (when the text was read to its end without a problem).
  Json& root() { return root_; }
  /// The texts of the facts' numbers held as doubles.
  const NumberTexts& numbers() const { return numbers_; }
  /// The problem that stopped the reading, if any.
  const std::optional<CaseError>& error() const { return error_; }

 private:
  // Stops the reading with an error about `field` (a key of the case object, or "").
  bool fail(std::string field, std::string message) {
    error_ = CaseError{std::move(field), std::move(message)};
    return false;
  }

  // The field a problem in the value being read belongs to: the fact whose value it is part of.
  std::string field() const { return open_.empty() ? std::string() : key_; }

  // Places a value: the root, the next element of the open array, or the member of the open object.
  Json* place(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& container = *open_.back();
    if (container.is_array()) {
      container.push_back(std::move(value));
      return &container.back();
    }
    Json& member = container[pending_key_];
    member = std::move(value);
    return &member;
  }

  bool put(Json value) {
    place(std::move(value));
    return true;
  }

  bool open(Json container) {
    if (open_.size() + 1 > limits_.max_case_depth) return fail(field(), too_deep(limits_));
    open_.push_back(place(std::move(container)));
    return true;
  }

  bool close() {
    open_.pop_back();
    return true;
  }

  std::string_view text_;
  const Limits& limits_;
  Json root_;
  std::vector<Json*> open_;  // the arrays and objects being read, outermost first
  std::string key_;          // the case object's key being read: the field of an error
  std::string pending_key_;  // the key of the next member of the innermost open object
  NumberTexts numbers_;
  std::optional<CaseError> error_;
};

}  // namespace

CaseResult parse_case(const RuleSet& rules, const nlohmann::json& facts, const Limits& limits) {
  CaseResult result;
  if (facts.is_object()) {
    for (const auto& [key, json] : facts.items()) {
      if (auto bad_key = bad_string("a key", key, limits)) {
        result.errors.push_back({"", std::move(*bad_key)});
      } else if (auto problem = beyond_limits(json, 2, limits)) {
        result.errors.push_back({key, std::move(*problem)});
      }
    }
    if (!result.errors.empty()) return result;
  }
  Bound bound = bind_facts(rules.program(), facts, {});
  if (bound.errors.empty()) {
    result.value = Case(rules.shared_program(), std::move(bound.values), std::move(bound.id));
  }
  result.errors = std::move(bound.errors);
  return result;
}

CaseResult parse_case_json(const RuleSet& rules, std::string_view json_text, const Limits& limits) {
  CaseResult result;
  if (json_text.size() > limits.max_case_bytes) {
    result.errors.push_back({"", "case of " + std::to_string(json_text.size()) + " bytes, larger than the limit of " +
                                     std::to_string(limits.max_case_bytes) + " bytes"});
    return result;
  }
  if (json_text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    result.errors.push_back({"", "invalid JSON: empty input (expected a JSON object of facts)", 1, 1});
    return result;
  }
  // nlohmann's reader takes a NUL byte for the end of the text and would ignore what follows it.
  if (const auto nul = json_text.find('\0'); nul != std::string_view::npos) {
    const LineColumn where = locate(json_text, static_cast<std::uint32_t>(nul));
    result.errors.push_back({"", "invalid JSON: NUL byte (JSON text has none)", where.line, where.column});
    return result;
  }
  CaseReader reader(json_text, limits);
  if (!Json::sax_parse(json_text.begin(), json_text.end(), &reader) || reader.error()) {
    result.errors.push_back(reader.error().value_or(CaseError{"", "invalid JSON"}));
    return result;
  }
  Bound bound = bind_facts(rules.program(), reader.root(), reader.numbers());
  if (bound.errors.empty()) {
    result.value = Case(rules.shared_program(), std::move(bound.values), std::move(bound.id));
  }
  result.errors = std::move(bound.errors);
  return result;
}

}  // namespace forbear
