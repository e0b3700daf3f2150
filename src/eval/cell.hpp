#pragma once

// A value of the fast evaluator: the same values as forbear::Value (unknown, bool, int, decimal,
// text, enum member), held in 16 trivially copyable bytes so that a whole evaluation runs on a
// small array without allocating. A text is a view: its bytes belong to the case or the program.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "forbear/value.hpp"

namespace forbear::detail {

// Four bytes, like `length`: a Cell has no padding, so it is copied as two words.
enum class CellTag : std::uint32_t { unknown, boolean, integer, number, text, enumeration };

struct Cell {
  union {
    std::int64_t i;     // bool (0/1), int, decimal raw millionths, enum member index
    const char* s;      // text bytes
  };
  std::uint32_t length = 0;  // text length
  CellTag tag = CellTag::unknown;

  constexpr Cell() noexcept : i(0) {}

  static constexpr Cell of_bool(bool value) noexcept { return make(CellTag::boolean, value ? 1 : 0); }
  static constexpr Cell of_int(std::int64_t value) noexcept { return make(CellTag::integer, value); }
  static constexpr Cell of_decimal(Decimal value) noexcept { return make(CellTag::number, value.raw()); }
  static constexpr Cell of_enum(std::uint32_t index) noexcept { return make(CellTag::enumeration, index); }
  static Cell of_text(std::string_view text) noexcept {
    Cell cell;
    cell.s = text.data();
    cell.length = static_cast<std::uint32_t>(text.size());
    cell.tag = CellTag::text;
    return cell;
  }

  bool known() const noexcept { return tag != CellTag::unknown; }
  bool numeric() const noexcept { return tag == CellTag::integer || tag == CellTag::number; }
  Decimal decimal() const noexcept { return Decimal::from_raw(i); }
  std::string_view text() const noexcept { return {s, length}; }

 private:
  static constexpr Cell make(CellTag tag, std::int64_t value) noexcept {
    Cell cell;
    cell.i = value;
    cell.tag = tag;
    return cell;
  }
};
static_assert(sizeof(Cell) == 16, "a Cell is two words");

/// The cell viewing `value` (a text cell points into `value`'s string, which must outlive it).
inline Cell to_cell(const Value& value) noexcept {
  switch (value.index()) {
    case 1: return Cell::of_bool(std::get<bool>(value));
    case 2: return Cell::of_int(std::get<std::int64_t>(value));
    case 3: return Cell::of_decimal(std::get<Decimal>(value));
    case 4: return Cell::of_text(std::get<std::string>(value));
    case 5: return Cell::of_enum(std::get<EnumMember>(value).index);
    default: return {};
  }
}

/// The value a cell holds (a text is copied).
inline Value to_value(const Cell& cell) {
  switch (cell.tag) {
    case CellTag::boolean: return cell.i != 0;
    case CellTag::integer: return cell.i;
    case CellTag::number: return cell.decimal();
    case CellTag::text: return std::string(cell.text());
    case CellTag::enumeration: return EnumMember{static_cast<std::uint32_t>(cell.i)};
    case CellTag::unknown: break;
  }
  return {};
}

/// Value equality (same kind and same value), as std::variant's operator== on forbear::Value.
inline bool same_cell(const Cell& a, const Cell& b) noexcept {
  if (a.tag != b.tag) return false;
  if (a.tag == CellTag::text) return a.length == b.length && (a.length == 0 || std::memcmp(a.s, b.s, a.length) == 0);
  return a.tag == CellTag::unknown || a.i == b.i;
}

}  // namespace forbear::detail
