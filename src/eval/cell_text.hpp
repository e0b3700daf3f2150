#pragma once

// A value of the fast evaluator written as the trace shows it (render_value: `45`, `0.3`,
// `"text"`, `illness`, `true`, `unknown`), already escaped for the inside of a JSON string, into a
// buffer the caller has sized: no allocation.

#include <cstddef>
#include <span>
#include <string>

#include "eval/cell.hpp"

namespace forbear::detail {

/// The most bytes write_cell_text writes for a cell that is not a text, given the longest escaped
/// member name among the enums it may name.
constexpr std::size_t kCellTextBound = 24;  // "-9223372036854775.808" and "-9223372036854775808" fit

/// The most bytes write_cell_text writes for `cell` (any kind), beyond the longest member name.
inline std::size_t cell_text_bound(const Cell& cell) noexcept {
  // A text byte becomes at most `\\u001f` (7 bytes); the quotes around it become `\"`.
  return cell.tag == CellTag::text ? 7 * static_cast<std::size_t>(cell.length) + 4 : kCellTextBound;
}

/// Writes `cell` at `out` as render_value() renders the same value, escaped as nlohmann::json
/// escapes it inside a string, and returns the end. `members` are the escaped member names of the
/// value's enum (empty when its type is not an enum: a member is then written `#index`, as
/// render_value does). `out` must have room for cell_text_bound(cell) bytes, or the length of the
/// longest member name for an enum cell.
char* write_cell_text(char* out, const Cell& cell, std::span<const std::string> members) noexcept;

/// Appends `text` to `out` escaped as nlohmann::json's dump() escapes a string, without the quotes.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace forbear::detail
