#include "eval/trace_plan.hpp"

#include <algorithm>

#include "eval/cell_text.hpp"
#include "eval/render.hpp"

namespace forbear::detail {
namespace {

// Collects the pieces of the trace. Texts of the rule set (names, spellings, locations) are
// escaped for JSON; the JSON structure around them (keys, quotes, commas) is written as it is.
// Adjacent constant bytes make one text piece.
class PlanBuilder final : public ExprTextParts {
 public:
  explicit PlanBuilder(TracePlan& plan) : plan_(plan) {}

  void text(std::string_view constant) override { pending_ += constant; }

  void value(Slot slot, const Type& type) override {
    const std::uint32_t enum_id = type.base == BaseType::enumeration ? type.enum_id : kNone;
    piece({TracePiece::Kind::value, slot, enum_id}, 0);
    std::size_t longest = 0;
    if (enum_id < plan_.members.size()) {
      for (const auto& member : plan_.members[enum_id]) longest = std::max<std::size_t>(longest, member.length);
    }
    plan_.values.push_back({slot, static_cast<std::uint32_t>(longest)});
  }

  /// JSON structure, written unescaped.
  void raw(std::string_view structure) {
    flush();
    append_text(structure);
  }

  void piece(TracePiece piece, std::size_t bound) {
    flush();
    plan_.pieces.push_back(piece);
    plan_.bound += bound;
  }

  void finish() { flush(); }

 private:
  void flush() {
    if (pending_.empty()) return;
    std::string escaped;
    append_json_escaped(escaped, pending_);
    append_text(escaped);
    pending_.clear();
  }

  void append_text(std::string_view bytes) {
    const auto begin = static_cast<std::uint32_t>(plan_.text.size());
    plan_.text += bytes;
    plan_.bound += bytes.size();
    const auto length = static_cast<std::uint32_t>(bytes.size());
    if (!plan_.pieces.empty() && plan_.pieces.back().kind == TracePiece::Kind::text) {
      plan_.pieces.back().b += length;  // the text is appended in order: the last piece ends at `begin`
    } else {
      plan_.pieces.push_back({TracePiece::Kind::text, begin, length});
    }
  }

  TracePlan& plan_;
  std::string pending_;  // raw text, escaped when flushed
};

}  // namespace

TracePlan build_trace_plan(const Program& program) {
  TracePlan plan;
  // The member names first, then the pieces: all in one pool that ends in padding.
  plan.members.resize(program.enums.size());
  for (std::size_t e = 0; e < program.enums.size(); ++e) {
    for (const auto& member : program.enums[e].members) {
      const auto offset = static_cast<std::uint32_t>(plan.text.size());
      append_json_escaped(plan.text, member);
      plan.members[e].push_back({offset, static_cast<std::uint32_t>(plan.text.size() - offset)});
    }
  }
  plan.names.resize(program.values.size());
  for (std::size_t slot = 0; slot < program.values.size(); ++slot) append_json_escaped(plan.names[slot], program.values[slot].name);

  PlanBuilder builder(plan);
  builder.raw("{\"values\":[");
  bool first = true;
  for (const Slot slot : program.evaluation_order) {
    const auto& value = program.values[slot];
    builder.raw(first ? "{\"name\":\"" : ",{\"name\":\"");
    first = false;
    builder.text(value.name);
    builder.raw(value.kind == ValueKind::output ? "\",\"kind\":\"output\",\"expression\":\"" : "\",\"kind\":\"let\",\"expression\":\"");
    render_expr_parts(program, value.expr, builder);
    builder.raw("\",\"value\":\"");
    builder.value(slot, value.type);
    builder.raw("\"}");
  }
  builder.raw("],\"rules\":[");
  for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
    const auto& rule = program.rules[r];
    builder.raw(r == 0 ? "{\"rule\":\"" : ",{\"rule\":\"");
    builder.text(rule.name);
    builder.raw("\",\"status\":\"");
    builder.piece({TracePiece::Kind::status, r, 0}, 9);  // "not_fired"
    builder.raw("\",\"condition\":\"");
    render_expr_parts(program, rule.condition, builder);
    builder.text(" \xE2\x86\x92 ");
    builder.piece({TracePiece::Kind::outcome, r, 0}, 7);  // "unknown"
    builder.raw("\",\"location\":\"");
    builder.text(rule.location);
    builder.raw("\"");
    // `,"missing":[` and `]`, and each fact the condition reads as `"name",`.
    std::size_t missing_bound = 13;
    for (const Slot fact : rule.input_facts) missing_bound += plan.names[fact].size() + 3;
    builder.piece({TracePiece::Kind::missing, r, 0}, 0);
    plan.missing_bound += missing_bound;
    builder.raw("}");
  }
  builder.raw("]}");
  builder.finish();
  plan.text.append(kCopySlack, '\0');
  plan.bound += kCopySlack;
  return plan;
}

}  // namespace forbear::detail
