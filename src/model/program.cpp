#include "model/program.hpp"

#include <algorithm>

#include "model/numbers.hpp"

namespace forbear::detail {

void Program::index_lines() {
  line_starts.clear();
  for (const auto& source : sources) {
    std::vector<std::uint32_t> starts{0};
    for (std::uint32_t i = 0; i < source.text.size(); ++i) {
      if (source.text[i] == '\n') starts.push_back(i + 1);
    }
    line_starts.push_back(std::move(starts));
  }
}

std::string Program::location(const SourceSpan& span) const {
  if (span.file >= line_starts.size()) return {};
  const auto& starts = line_starts[span.file];
  const auto line = std::upper_bound(starts.begin(), starts.end(), span.begin) - starts.begin();
  return sources[span.file].path + ":" + std::to_string(line);
}

std::string Program::type_name(const Type& type) const {
  switch (type.base) {
    case BaseType::boolean: return "bool";
    case BaseType::integer: return "int";
    case BaseType::number: return "number";
    case BaseType::text: return "text";
    case BaseType::any: return "unknown";
    case BaseType::invalid: return "invalid";
    case BaseType::enumeration: {
      std::string name = "enum(";
      const auto& members = enums[type.enum_id].members;
      for (std::size_t i = 0; i < members.size(); ++i) name += (i ? ", " : "") + members[i];
      return name + ")";
    }
  }
  return "invalid";
}

namespace {

std::string bound_text(const Value& bound) {
  if (const auto* i = std::get_if<std::int64_t>(&bound)) return std::to_string(*i);
  return std::get<Decimal>(bound).to_string();
}

}  // namespace

std::string Program::accepted(const ValueInfo& fact) const {
  std::string text = type_name(fact.type);
  if (fact.min_value && fact.max_value) return text + " from " + bound_text(*fact.min_value) + " to " + bound_text(*fact.max_value);
  if (fact.min_value) return text + " >= " + bound_text(*fact.min_value);
  if (fact.max_value) return text + " <= " + bound_text(*fact.max_value);
  return text;
}

bool Program::in_range(const ValueInfo& fact, const Value& value) const {
  if (fact.min_value && compare_numbers(value, *fact.min_value) < 0) return false;
  if (fact.max_value && compare_numbers(value, *fact.max_value) > 0) return false;
  return true;
}

void collect_slots(const Program& program, ExprId id, std::vector<Slot>& out) {
  const Expr& expr = program.exprs[id];
  if (expr.op == Op::slot && std::find(out.begin(), out.end(), expr.slot) == out.end()) out.push_back(expr.slot);
  for (ExprId arg : expr.args) collect_slots(program, arg, out);
}

}  // namespace forbear::detail
