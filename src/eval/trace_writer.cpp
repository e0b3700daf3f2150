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

// Per rule status (RuleStatus order), padded for copy_with_slack.
alignas(16) constexpr char kStatusNames[3][16] = {"fired", "not_fired", "unknown"};
constexpr std::size_t kStatusLengths[3] = {5, 9, 7};
alignas(16) constexpr char kOutcomes[3][16] = {"true", "false", "unknown"};
constexpr std::size_t kOutcomeLengths[3] = {4, 5, 7};

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

  const auto facts_end = state.slots.begin() + static_cast<std::ptrdiff_t>(program.fact_count);
  const bool any_fact_unknown = std::any_of(state.slots.begin(), facts_end, [](const detail::Cell& cell) { return !cell.known(); });
  std::size_t room = plan.bound + (any_fact_unknown ? plan.missing_bound : 0);
  for (const auto& place : plan.values) room += detail::cell_text_bound(state.slots[place.slot], place.longest_member);
  const std::size_t start = out.size();
  // Half as much again when the string must grow, so that the next cases, whose texts may be a
  // little longer, still fit.
  if (out.capacity() < start + room) out.reserve(start + room + room / 2);
  out.resize(start + room);  // within the capacity a previous trace left: no allocation
  char* p = out.data() + start;

  const char* const pool = plan.text.data();
  std::optional<DecidingFallback> fallback;
  for (const TracePiece& piece : plan.pieces) {
    switch (piece.kind) {
      case TracePiece::Kind::text:
        p = detail::copy_with_slack(p, pool + piece.a, piece.b);
        break;
      case TracePiece::Kind::value: {
        const std::span<const detail::PooledText> members =
            piece.b < plan.members.size() ? std::span<const detail::PooledText>(plan.members[piece.b]) : std::span<const detail::PooledText>();
        p = detail::write_cell_text(p, state.slots[piece.a], members, pool);
        break;
      }
      case TracePiece::Kind::status: {
        const std::uint8_t status = state.status[piece.a];
        p = detail::copy_with_slack(p, kStatusNames[status], kStatusLengths[status]);
        break;
      }
      case TracePiece::Kind::outcome: {
        const std::uint8_t status = state.status[piece.a];
        p = detail::copy_with_slack(p, kOutcomes[status], kOutcomeLengths[status]);
        break;
      }
      case TracePiece::Kind::missing: {
        if (!any_fact_unknown) break;  // the common case: no rule has a `missing` list
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
