#pragma once

// The trace of a rule set prepared for the fast path: the text of the `trace` JSON object as a
// list of pieces, constant bytes (already JSON-escaped) and the places where an evaluation's
// values and rule outcomes go. Built once per Evaluator by build_trace_plan; TraceWriter follows it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/cell_text.hpp"
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
  struct ValuePlace {
    std::uint32_t slot = 0;
    std::uint32_t longest_member = 0;  // of the value's enum (0 when not an enum)
  };
  std::string text;                              // the constant bytes of every text piece and member name,
                                                 // then kCopySlack bytes of padding
  std::vector<TracePiece> pieces;                // the whole trace object, in order
  std::vector<std::vector<PooledText>> members;  // per enum: its member names, JSON-escaped, in `text`
  std::vector<std::string> names;                // per slot: the value's name, JSON-escaped (for `missing`)
  std::vector<ValuePlace> values;                // every value piece, for the room its value may take
  std::size_t bound = 0;          // the most bytes a trace takes without its values and `missing` lists,
                                  // kCopySlack included
  std::size_t missing_bound = 0;  // the most bytes all the rules' `missing` lists take
};

/// Prepares the trace of `program` (every value in evaluation order, every rule).
TracePlan build_trace_plan(const Program& program);

}  // namespace forbear::detail
