#include "eval/cell_text.hpp"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace forbear::detail {
namespace {

char* write_chars(char* out, std::string_view text) noexcept {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

char* write_unsigned(char* out, std::uint64_t value) noexcept { return std::to_chars(out, out + 20, value).ptr; }

// Decimal::to_string: the whole part, then the millionths without their trailing zeros.
char* write_decimal(char* out, std::int64_t raw) noexcept {
  const std::uint64_t magnitude = raw < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(raw) : static_cast<std::uint64_t>(raw);
  const std::uint64_t one = static_cast<std::uint64_t>(Decimal::kOne);
  if (raw < 0) *out++ = '-';
  out = write_unsigned(out, magnitude / one);
  std::uint64_t fraction = magnitude % one;
  if (fraction == 0) return out;
  char digits[6];
  for (int i = 5; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  std::size_t kept = 6;
  while (digits[kept - 1] == '0') --kept;
  *out++ = '.';
  std::memcpy(out, digits, kept);
  return out + kept;
}

// A text as render_value writes it (a JSON string: quotes, escapes), escaped once more for the
// trace's JSON string: nlohmann::json's escaping applied twice, in one pass.
char* write_text_twice_escaped(char* out, std::string_view text) noexcept {
  static const char kHex[] = "0123456789abcdef";
  out = write_chars(out, "\\\"");
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out = write_chars(out, "\\\\\\\""); break;
      case '\\': out = write_chars(out, "\\\\\\\\"); break;
      case '\b': out = write_chars(out, "\\\\b"); break;
      case '\f': out = write_chars(out, "\\\\f"); break;
      case '\n': out = write_chars(out, "\\\\n"); break;
      case '\r': out = write_chars(out, "\\\\r"); break;
      case '\t': out = write_chars(out, "\\\\t"); break;
      default:
        if (byte < 0x20) {
          out = write_chars(out, "\\\\u00");
          *out++ = kHex[byte >> 4];
          *out++ = kHex[byte & 0xF];
        } else {
          *out++ = c;
        }
    }
  }
  return write_chars(out, "\\\"");
}

}  // namespace

char* write_cell_text(char* out, const Cell& cell, std::span<const std::string> members) noexcept {
  switch (cell.tag) {
    case CellTag::unknown: return write_chars(out, "unknown");
    case CellTag::boolean: return write_chars(out, cell.i != 0 ? "true" : "false");
    case CellTag::integer:
      if (cell.i < 0) {
        *out++ = '-';
        return write_unsigned(out, std::uint64_t{0} - static_cast<std::uint64_t>(cell.i));
      }
      return write_unsigned(out, static_cast<std::uint64_t>(cell.i));
    case CellTag::number: return write_decimal(out, cell.i);
    case CellTag::text: return write_text_twice_escaped(out, cell.text());
    case CellTag::enumeration:
      if (static_cast<std::uint64_t>(cell.i) < members.size()) return write_chars(out, members[static_cast<std::size_t>(cell.i)]);
      *out++ = '#';
      return write_unsigned(out, static_cast<std::uint32_t>(cell.i));
  }
  return out;
}

void append_json_escaped(std::string& out, std::string_view text) {
  const std::string quoted = nlohmann::json(std::string(text)).dump();
  out.append(quoted, 1, quoted.size() - 2);
}

}  // namespace forbear::detail
