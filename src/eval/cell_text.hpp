#pragma once

// A value of the fast evaluator written as the trace shows it (render_value: `45`, `0.3`,
// `"text"`, `illness`, `true`, `unknown`), already escaped for the inside of a JSON string, into a
// buffer the caller has sized: no allocation. Short pieces are copied in whole 16-byte chunks,
// which needs kCopySlack bytes of slack after what is read and after what is written.

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "eval/cell.hpp"

namespace forbear::detail {

/// Bytes that copy_with_slack may read past its source and write past its end.
constexpr std::size_t kCopySlack = 16;

/// Copies `length` bytes in 16-byte chunks (the last one may copy up to 16 bytes too many, which
/// the caller's slack takes) and returns the end of the `length` bytes.
inline char* copy_with_slack(char* out, const char* from, std::size_t length) noexcept {
  char* const end = out + length;
  do {
    std::memcpy(out, from, 16);
    out += 16;
    from += 16;
  } while (out < end);
  return end;
}

/// Where an enum member's escaped name is in a padded pool of text.
struct PooledText {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

/// The most bytes write_cell_text writes for `cell`, given the length of the longest escaped member
/// name of its enum (0 when it is not an enum).
inline std::size_t cell_text_bound(const Cell& cell, std::size_t longest_member) noexcept {
  switch (cell.tag) {
    case CellTag::unknown: return 7;      // unknown
    case CellTag::boolean: return 5;      // false
    case CellTag::integer: return 20;     // -9223372036854775808
    case CellTag::number: return 21;      // -9223372036854.775808
    case CellTag::enumeration: return longest_member > 11 ? longest_member : 11;  // or #4294967295
    case CellTag::text: break;
  }
  // A text byte becomes at most `\\u001f` (7 bytes); the quotes around it become `\"`.
  return 7 * static_cast<std::size_t>(cell.length) + 4;
}

/// A text as render_value writes it (a JSON string: quotes, escapes), escaped once more for the
/// trace's JSON string: nlohmann::json's escaping applied twice, in one pass. Returns the end.
char* write_text_twice_escaped(char* out, std::string_view text) noexcept;

/// Decimal::to_string written at `out`: the whole part, then the millionths without their trailing
/// zeros. Returns the end.
inline char* write_decimal(char* out, std::int64_t raw) noexcept {
  const std::uint64_t magnitude = raw < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
  const std::uint64_t one = static_cast<std::uint64_t>(Decimal::kOne);
  if (raw < 0) *out++ = '-';
  out = std::to_chars(out, out + 20, magnitude / one).ptr;
  std::uint64_t fraction = magnitude % one;
  if (fraction == 0) return out;
  int digits = 6;
  for (; fraction % 10 == 0; fraction /= 10) --digits;
  *out++ = '.';
  for (int i = digits - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  return out + digits;
}

/// Writes `cell` at `out` as render_value() renders the same value, escaped as nlohmann::json
/// escapes it inside a string, and returns the end. `members` are where the escaped member names
/// of the value's enum are in `pool` (empty when its type is not an enum: a member is then written
/// `#index`, as render_value does). `out` must have room for cell_text_bound(cell, longest member)
/// bytes and kCopySlack more; `pool` must have kCopySlack readable bytes after every name.
inline char* write_cell_text(char* out, const Cell& cell, std::span<const PooledText> members, const char* pool) noexcept {
  alignas(16) static constexpr char kWords[3][16] = {"unknown", "true", "false"};
  switch (cell.tag) {
    case CellTag::unknown: return copy_with_slack(out, kWords[0], 7);
    case CellTag::boolean: return cell.i != 0 ? copy_with_slack(out, kWords[1], 4) : copy_with_slack(out, kWords[2], 5);
    case CellTag::integer:
      if (cell.i < 0) {
        *out++ = '-';
        return std::to_chars(out, out + 20, std::uint64_t{0} - static_cast<std::uint64_t>(cell.i)).ptr;
      }
      return std::to_chars(out, out + 20, static_cast<std::uint64_t>(cell.i)).ptr;
    case CellTag::number: return write_decimal(out, cell.i);
    case CellTag::text: return write_text_twice_escaped(out, cell.text());
    case CellTag::enumeration:
      if (static_cast<std::uint64_t>(cell.i) < members.size()) {
        const PooledText& name = members[static_cast<std::size_t>(cell.i)];
        return copy_with_slack(out, pool + name.offset, name.length);
      }
      *out++ = '#';
      return std::to_chars(out, out + 10, static_cast<std::uint32_t>(cell.i)).ptr;
  }
  return out;
}

/// Appends `text` to `out` escaped as nlohmann::json's dump() escapes a string, without the quotes.
void append_json_escaped(std::string& out, std::string_view text);

}  // namespace forbear::detail
