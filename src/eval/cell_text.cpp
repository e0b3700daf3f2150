#include "eval/cell_text.hpp"

#include <nlohmann/json.hpp>

namespace forbear::detail {
namespace {

char* write_chars(char* out, std::string_view text) noexcept {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

}  // namespace

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

void append_json_escaped(std::string& out, std::string_view text) {
  const std::string quoted = nlohmann::json(std::string(text)).dump();
  out.append(quoted, 1, quoted.size() - 2);
}

}  // namespace forbear::detail
