// forbear::Evaluator, Context and Outcome (include/forbear/evaluator.hpp): the public face of the
// compiled program. Setting a fact applies the checks parse_case applies to a JSON value.

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <nlohmann/detail/conversions/to_chars.hpp>

#include "eval/compiled_program.hpp"
#include "eval/name_index.hpp"
#include "forbear/evaluator.hpp"
#include "io/case_checks.hpp"
#include "util/double_decimal.hpp"
#include "util/utf8.hpp"

namespace forbear {
namespace {

using detail::BaseType;
using detail::Cell;
using detail::CellTag;

bool in_range(const detail::FactSpec& spec, const Cell& value) noexcept {
  if (spec.min.known() && detail::compare_numbers(value, spec.min) < 0) return false;
  if (spec.max.known() && detail::compare_numbers(value, spec.max) > 0) return false;
  return true;
}

// The shortest decimal text of a finite double, as nlohmann::json writes it (parse_case reads a
// host's double from that text).
std::string_view double_text(double value, std::array<char, 64>& buffer) noexcept {
  char* end = nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

}  // namespace

// ---- Evaluator ---------------------------------------------------------------------------------

Evaluator::Evaluator(const RuleSet& rules) : rules_(rules), compiled_(detail::compile(rules.program())) {
  const auto& program = rules_.program();
  std::vector<std::pair<std::string_view, std::uint32_t>> names;
  names.reserve(program.values.size());
  for (detail::Slot slot = 0; slot < program.values.size(); ++slot) names.emplace_back(program.values[slot].name, slot);
  slot_by_name_ = std::make_shared<const detail::NameIndex>(names);
}

std::optional<FactSlot> Evaluator::slot_of(std::string_view name) const noexcept {
  const auto slot = slot_by_name_->find(name);
  if (!slot || *slot >= compiled_->fact_count) return std::nullopt;
  return slot;
}

std::optional<EnumMember> Evaluator::member_of(FactSlot slot, std::string_view member) const noexcept {
  if (slot >= compiled_->fact_count || compiled_->facts[slot].base != BaseType::enumeration) return std::nullopt;
  const auto& members = rules_.program().enums[compiled_->facts[slot].enum_id].members;
  for (std::uint32_t i = 0; i < members.size(); ++i) {
    if (members[i] == member) return EnumMember{i};
  }
  return std::nullopt;
}

std::size_t Evaluator::fact_count() const noexcept { return compiled_->fact_count; }
std::size_t Evaluator::strategy_count() const noexcept { return compiled_->strategy_count; }
std::size_t Evaluator::rule_count() const noexcept { return compiled_->rule_count; }
std::size_t Evaluator::advice_count() const noexcept { return compiled_->advice_count; }
std::string_view Evaluator::strategy_name(std::size_t index) const noexcept { return rules_.program().strategies[index].name; }
std::string_view Evaluator::rule_name(std::size_t index) const noexcept { return rules_.program().rules[index].name; }
std::string_view Evaluator::advice_id(std::size_t index) const noexcept { return rules_.program().advice[index].id; }

// ---- Context -----------------------------------------------------------------------------------

Context::Context(const Evaluator& evaluator) : evaluator_(&evaluator), state_(std::make_unique<detail::EvaluationState>()) {
  state_->prepare(*evaluator.compiled_);
}

Context::~Context() = default;
Context::Context(Context&&) noexcept = default;
Context& Context::operator=(Context&&) noexcept = default;

void Context::clear() noexcept { std::fill(state_->inputs.begin(), state_->inputs.end(), Cell{}); }

SetError Context::unset(FactSlot slot) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  state_->inputs[slot] = Cell{};
  return SetError::none;
}

namespace {

// Stores `value` in the fact's input when it is in range.
SetError put(const detail::FactSpec& spec, Cell value, Cell& input) noexcept {
  if (!in_range(spec, value)) return SetError::out_of_range;
  input = value;
  return SetError::none;
}

}  // namespace

SetError Context::set(FactSlot slot, bool value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  if (evaluator_->compiled_->facts[slot].base != BaseType::boolean) return SetError::wrong_type;
  state_->inputs[slot] = Cell::of_bool(value);
  return SetError::none;
}

SetError Context::set(FactSlot slot, std::int64_t value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  const auto& spec = evaluator_->compiled_->facts[slot];
  if (spec.base == BaseType::integer) return put(spec, Cell::of_int(value), state_->inputs[slot]);
  if (spec.base != BaseType::number) return SetError::wrong_type;
  const auto decimal = Decimal::from_int(value);
  if (!decimal.ok()) return SetError::out_of_range;
  return put(spec, Cell::of_decimal(decimal.value), state_->inputs[slot]);
}

SetError Context::set(FactSlot slot, Decimal value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  const auto& spec = evaluator_->compiled_->facts[slot];
  if (spec.base == BaseType::number) return put(spec, Cell::of_decimal(value), state_->inputs[slot]);
  if (spec.base != BaseType::integer) return SetError::wrong_type;
  if (!value.is_integer()) return SetError::wrong_type;
  return put(spec, Cell::of_int(to_int64(value)), state_->inputs[slot]);
}

SetError Context::set(FactSlot slot, double value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  const auto& spec = evaluator_->compiled_->facts[slot];
  if (spec.base != BaseType::number && spec.base != BaseType::integer) return SetError::wrong_type;
  if (!std::isfinite(value)) return SetError::wrong_type;
  // As from the text nlohmann::json writes (see decimal_of_double): decided by arithmetic when it can.
  std::int64_t millionths = 0;
  if (detail::decimal_of_double(value, millionths)) {
    constexpr std::int64_t kOne = 1000000;
    if (spec.base == BaseType::number) return put(spec, Cell::of_decimal(Decimal::from_raw(millionths)), state_->inputs[slot]);
    if (millionths % kOne != 0) return SetError::wrong_type;
    return put(spec, Cell::of_int(millionths / kOne), state_->inputs[slot]);
  }
  std::array<char, 64> buffer;
  const std::string_view text = double_text(value, buffer);
  if (spec.base == BaseType::integer) {
    std::int64_t whole = 0;
    // whole_number allocates only to say why a number is refused.
    try {
      if (detail::whole_number(text, whole)) return std::floor(value) == value ? SetError::out_of_range : SetError::wrong_type;
    } catch (...) {
      return SetError::wrong_type;
    }
    return put(spec, Cell::of_int(whole), state_->inputs[slot]);
  }
  Decimal decimal;
  if (Decimal::parse(text, decimal) != DecimalParseError::none) return SetError::out_of_range;
  return put(spec, Cell::of_decimal(decimal), state_->inputs[slot]);
}

SetError Context::set(FactSlot slot, EnumMember value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  const auto& spec = evaluator_->compiled_->facts[slot];
  if (spec.base != BaseType::enumeration) return SetError::wrong_type;
  if (value.index >= evaluator_->rules().program().enums[spec.enum_id].members.size()) return SetError::not_a_member;
  state_->inputs[slot] = Cell::of_enum(value.index);
  return SetError::none;
}

SetError Context::set(FactSlot slot, std::string_view value) noexcept {
  if (slot >= state_->inputs.size()) return SetError::no_such_fact;
  const auto& spec = evaluator_->compiled_->facts[slot];
  if (spec.base == BaseType::enumeration) {
    const auto member = evaluator_->member_of(slot, value);
    if (!member) return SetError::not_a_member;
    state_->inputs[slot] = Cell::of_enum(member->index);
    return SetError::none;
  }
  if (spec.base != BaseType::text) return SetError::wrong_type;
  if (value.size() > Limits{}.max_case_string_bytes || detail::find_invalid_utf8(value) != std::string_view::npos) return SetError::bad_text;
  try {
    if (detail::text_fact_problem(value)) return SetError::bad_text;
  } catch (...) {
    return SetError::bad_text;
  }
  state_->inputs[slot] = Cell::of_text(value);
  return SetError::none;
}

bool Context::assign(const nlohmann::json& facts, const Limits& limits) noexcept {
  clear();
  if (!facts.is_object()) return false;
  const auto& compiled = *evaluator_->compiled_;
  bool ok = true;
  for (auto it = facts.begin(); ok && it != facts.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& json = it.value();
    if (key == "id") {
      // parse_case checks the id against the limits too; a structured id is rare (allocates).
      try {
        ok = detail::case_value_within_limits(json, limits);
      } catch (...) {
        ok = false;
      }
      continue;
    }
    const auto slot = evaluator_->slot_of(key);
    if (!slot) {
      ok = false;
      break;
    }
    if (json.is_null()) continue;
    const auto& spec = compiled.facts[*slot];
    SetError error = SetError::wrong_type;
    switch (json.type()) {
      case nlohmann::json::value_t::boolean:
        error = set(*slot, json.get<bool>());
        break;
      case nlohmann::json::value_t::number_integer:
        error = set(*slot, json.get<std::int64_t>());
        break;
      case nlohmann::json::value_t::number_unsigned: {
        const auto value = json.get<std::uint64_t>();
        error = value > static_cast<std::uint64_t>(INT64_MAX) ? SetError::out_of_range : set(*slot, static_cast<std::int64_t>(value));
        break;
      }
      case nlohmann::json::value_t::number_float:
        error = set(*slot, json.get<double>());
        break;
      case nlohmann::json::value_t::string: {
        const std::string& text = json.get_ref<const std::string&>();
        if (text.size() > limits.max_case_string_bytes) break;
        if (spec.base == BaseType::text && detail::find_invalid_utf8(text) != std::string::npos) break;
        error = set(*slot, std::string_view(text));
        break;
      }
      default:
        break;  // arrays, objects: never a fact's value
    }
    ok = error == SetError::none;
  }
  if (!ok) clear();
  return ok;
}

bool Context::assign(const Case& facts) noexcept {
  clear();
  if (!facts.bound_to(evaluator_->rules())) return false;
  const auto& values = facts.facts();
  for (std::size_t slot = 0; slot < values.size() && slot < state_->inputs.size(); ++slot) state_->inputs[slot] = detail::to_cell(values[slot]);
  return true;
}

Outcome Context::evaluate() noexcept {
  detail::run(*evaluator_->compiled_, *state_);
  return Outcome(*this);
}

// ---- Outcome -----------------------------------------------------------------------------------

std::span<const Decimal> Outcome::scores() const noexcept { return context_->state_->scores; }
std::span<const std::uint32_t> Outcome::ranking() const noexcept { return context_->state_->ranking; }
bool Outcome::vetoed(std::size_t strategy) const noexcept { return context_->state_->vetoed[strategy] != 0; }
RuleOutcome Outcome::rule(std::size_t index) const noexcept { return static_cast<RuleOutcome>(context_->state_->status[index]); }
bool Outcome::advised(std::size_t advice) const noexcept { return context_->state_->advised[advice] != 0; }
std::size_t Outcome::fault_count() const noexcept { return context_->state_->fault_count; }

std::vector<Fault> Outcome::faults() const {
  const Evaluator& evaluator = *context_->evaluator_;
  return detail::describe_faults(evaluator.rules().program(), *evaluator.compiled_, *context_->state_);
}

Value Outcome::value(std::string_view name) const {
  const auto slot = context_->evaluator_->slot_by_name_->find(name);
  if (!slot) return {};
  return detail::to_value(context_->state_->slots[*slot]);
}

}  // namespace forbear
