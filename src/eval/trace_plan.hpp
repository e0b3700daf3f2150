#pragma once

// The trace of a rule set prepared for the fast path: the text of the `trace` JSON object as a
// list of pieces, constant bytes (already JSON-escaped) and the places where an evaluation's
// values and rule outcomes go. Built once per Evaluator by build_trace_plan; TraceWriter follows it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/program.hpp"

namespace forbear::detail {

struct TracePiece {
  enum class Kind : std::uint8_t {
    text,     // plan.text[a .. a+b)
    value,    // the value of slot a; b is its enum (kNone when not an enum)
    status,   // rule a's status: fired, not_fired, unknown
    outcome,  // rule a's condition outcome: true, false, unknown
    missing,  // rule a's `,"missing":[...]` when some fact it reads is unknown, else nothing
  };
  Kind kind = Kind::text;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

struct TracePlan {
  std::string text;                              // the constant bytes of every text piece
  std::vector<TracePiece> pieces;                // the whole trace object, in order
  std::vector<std::vector<std::string>> members;  // per enum: its member names, JSON-escaped
  std::vector<std::string> names;                // per value slot: its name, JSON-escaped
  std::vector<std::uint32_t> value_slots;        // the slot of every value piece (for the room a text needs)
  std::size_t bound = 0;  // the most bytes a trace takes, not counting the bytes of text values
};

/// Prepares the trace of `program` (every value in evaluation order, every rule).
TracePlan build_trace_plan(const Program& program);

}  // namespace forbear::detail
