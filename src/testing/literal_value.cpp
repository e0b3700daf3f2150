// literal_value(): a test file's literal as a value of a fact's or output's type, with the checks and
// messages of parse_case (src/io/case_json.cpp), the value shown as it was written.

#include "testing/literal_value.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "check/suggest.hpp"

namespace forbear::detail {
namespace {

// A value in a message: a string as JSON (shortened when long, as parse_case does), anything else
// as written.
std::string shown(const TestToken& literal) {
  if (literal.kind != TokenKind::string) return literal.text;
  std::string text = nlohmann::json(literal.value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > 60) {
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    text = text.substr(0, cut) + "...";
  }
  return text;
}

bool is_word(const TestToken& literal, std::string_view word) {
  return literal.kind == TokenKind::word && literal.text == word;
}

// What kind of value the literal is, worded as parse_case words a JSON value's kind.
std::string kind_of(const TestToken& literal) {
  switch (literal.kind) {
    case TokenKind::number: return literal.text.find('.') == std::string::npos ? "an integer" : "a number";
    case TokenKind::string: return "a string";
    default: return is_word(literal, "true") || is_word(literal, "false") ? "a bool" : "a name";
  }
}

// An int from a number literal: whole numbers only ("45.0" is 45), every digit kept.
std::optional<Value> integer_value(const TestToken& literal, std::string& problem) {
  const std::string& text = literal.text;
  const auto dot = text.find('.');
  if (dot != std::string::npos && text.find_first_not_of('0', dot + 1) != std::string::npos) {
    problem = "expected int, got " + text + ", which is not a whole number";
    return std::nullopt;
  }
  const std::size_t digits_end = dot == std::string::npos ? text.size() : dot;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + digits_end, value);
  if (error != std::errc() || end != text.data() + digits_end) {
    problem = "expected int, got " + text + ", which is beyond the int range";
    return std::nullopt;
  }
  return Value{value};
}

std::optional<Value> number_value(const TestToken& literal, std::string& problem) {
  Decimal value;
  switch (Decimal::parse(literal.text, value)) {
    case DecimalParseError::none: return Value{value};
    case DecimalParseError::too_precise:
      problem = "expected number with at most 6 decimal places, got " + literal.text;
      return std::nullopt;
    default: problem = "expected number within about +-9.2e12, got " + literal.text; return std::nullopt;
  }
}

}  // namespace

std::optional<Value> literal_value(const Program& program, const Type& type, const TestToken& literal,
                                   std::string& problem) {
  if (is_word(literal, "unknown")) return Value{};
  const std::string expected = program.type_name(type);
  const auto mismatch = [&] {
    problem = "expected " + expected + ", got " + kind_of(literal) + " " + shown(literal);
    return std::nullopt;
  };
  switch (type.base) {
    case BaseType::boolean:
      if (is_word(literal, "true")) return Value{true};
      if (is_word(literal, "false")) return Value{false};
      return mismatch();
    case BaseType::integer:
      if (literal.kind != TokenKind::number) return mismatch();
      return integer_value(literal, problem);
    case BaseType::number:
      if (literal.kind != TokenKind::number) return mismatch();
      return number_value(literal, problem);
    case BaseType::text:
      if (literal.kind != TokenKind::string) return mismatch();
      return Value{literal.value};
    case BaseType::enumeration: {
      // An enum member is written bare (`illness`) or, as in a case, as a string ("illness").
      const bool bare = literal.kind == TokenKind::word && !is_word(literal, "true") && !is_word(literal, "false");
      if (!bare && literal.kind != TokenKind::string) return mismatch();
      const std::string& name = bare ? literal.text : literal.value;
      const auto& members = program.enums[type.enum_id].members;
      for (std::uint32_t i = 0; i < members.size(); ++i) {
        if (members[i] == name) return Value{EnumMember{i}};
      }
      problem = "expected one of " + expected.substr(5, expected.size() - 6) + ", got " + shown(literal) +
                did_you_mean(name, members);
      return std::nullopt;
    }
    default:  // an output that is always unknown
      problem = "expected unknown, got " + shown(literal);
      return std::nullopt;
  }
}

std::optional<Value> fact_value(const Program& program, const ValueInfo& fact, const TestToken& literal,
                                std::string& problem) {
  auto value = literal_value(program, fact.type, literal, problem);
  if (value && is_known(*value) && !program.in_range(fact, *value)) {
    problem = "expected " + program.accepted(fact) + ", got " + shown(literal);
    return std::nullopt;
  }
  return value;
}

}  // namespace forbear::detail
