// forbear::TraceWriter (include/forbear/trace_writer.hpp): follows the TracePlan of a rule set,
// copying its constant pieces and writing the evaluation's values and rule outcomes between them.

#include "forbear/trace_writer.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <stdexcept>

#include "eval/cell_text.hpp"
#include "eval/compiled_program.hpp"
#include "eval/deciding_facts.hpp"
#include "eval/trace_plan.hpp"

namespace forbear {
namespace {

using detail::TracePiece;

constexpr std::string_view kStatusNames[] = {"fired", "not_fired", "unknown"};
constexpr std::string_view kOutcomes[] = {"true", "false", "unknown"};

// The rare part: the unknown facts that decide a rule, found as advise() finds them, on the
// evaluation's values turned into forbear::Values (this allocates).
struct DecidingFallback {
  std::vector<Value> slots;
  detail::DecidingFacts deciding;

  DecidingFallback(const detail::Program& program, const detail::EvaluationState& state)
      : slots(to_values(state)), deciding(program, slots) {}

  static std::vector<Value> to_values(const detail::EvaluationState& state) {
    std::vector<Value> values;
    values.reserve(state.slots.size());
    for (const auto& cell : state.slots) values.push_back(detail::to_value(cell));
    return values;
  }
};

bool reads_unknown_fact(const detail::Rule& rule, const detail::EvaluationState& state) noexcept {
  return std::any_of(rule.input_facts.begin(), rule.input_facts.end(), [&](detail::Slot fact) { return !state.slots[fact].known(); });
}

char* write_bytes(char* out, std::string_view bytes) noexcept {
  std::memcpy(out, bytes.data(), bytes.size());
  return out + bytes.size();
}

}  // namespace

TraceWriter::TraceWriter(const Evaluator& evaluator)
    : evaluator_(&evaluator), plan_(std::make_shared<const detail::TracePlan>(detail::build_trace_plan(evaluator.rules().program()))) {}

TraceWriter::~TraceWriter() = default;

void TraceWriter::write(const Outcome& outcome, std::string& out) const {
  const Context& context = *outcome.context_;
  if (context.evaluator_ != evaluator_) {
    throw std::invalid_argument("forbear::TraceWriter::write: the outcome comes from a Context of another Evaluator");
  }
  const detail::TracePlan& plan = *plan_;
  const detail::Program& program = evaluator_->rules().program();
  const detail::EvaluationState& state = *context.state_;

  std::size_t room = plan.bound;
  for (const std::uint32_t slot : plan.value_slots) {
    if (state.slots[slot].tag == detail::CellTag::text) room += detail::cell_text_bound(state.slots[slot]);
  }
  const std::size_t start = out.size();
  // Half as much again when the string must grow, so that the next cases, whose texts may be a
  // little longer, still fit.
  if (out.capacity() < start + room) out.reserve(start + room + room / 2);
  out.resize(start + room);  // within the capacity a previous trace left: no allocation
  char* p = out.data() + start;

  std::optional<DecidingFallback> fallback;
  for (const TracePiece& piece : plan.pieces) {
    switch (piece.kind) {
      case TracePiece::Kind::text:
        p = write_bytes(p, std::string_view(plan.text).substr(piece.a, piece.b));
        break;
      case TracePiece::Kind::value: {
        const std::span<const std::string> members =
            piece.b < plan.members.size() ? std::span<const std::string>(plan.members[piece.b]) : std::span<const std::string>();
        p = detail::write_cell_text(p, state.slots[piece.a], members);
        break;
      }
      case TracePiece::Kind::status:
        p = write_bytes(p, kStatusNames[state.status[piece.a]]);
        break;
      case TracePiece::Kind::outcome:
        p = write_bytes(p, kOutcomes[state.status[piece.a]]);
        break;
      case TracePiece::Kind::missing: {
        const detail::Rule& rule = program.rules[piece.a];
        if (!reads_unknown_fact(rule, state)) break;
        if (!fallback) fallback.emplace(program, state);
        std::vector<detail::Slot> missing = fallback->deciding.of(rule.condition);
        if (missing.empty()) break;
        std::sort(missing.begin(), missing.end());
        // The plan left room for every fact the rule reads, and the deciding facts are some of
        // them; should they ever not be, the string grows rather than overflow.
        std::size_t needed = 13;
        for (const detail::Slot fact : missing) needed += plan.names[fact].size() + 3;
        const std::size_t written = static_cast<std::size_t>(p - out.data());
        if (written + needed > out.size()) out.resize(written + needed + room);
        p = out.data() + written;
        p = write_bytes(p, ",\"missing\":[");
        for (std::size_t i = 0; i < missing.size(); ++i) {
          if (i > 0) *p++ = ',';
          *p++ = '"';
          p = write_bytes(p, plan.names[missing[i]]);
          *p++ = '"';
        }
        *p++ = ']';
        break;
      }
    }
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
}

std::string TraceWriter::text(const Outcome& outcome) const {
  std::string out;
  write(outcome, out);
  return out;
}

}  // namespace forbear
