#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace forbear::detail {

/// Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs, surrogates,
/// > U+10FFFF, truncated), or npos if all valid. For a bad multi-byte sequence this is its lead byte.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

/// Decodes the code point at `offset` and advances offset past it; on an invalid byte returns U+FFFD
/// and advances by one. Requires offset < text.size(); otherwise returns U+FFFD and leaves offset alone.
char32_t next_code_point(std::string_view text, std::size_t& offset) noexcept;

/// Number of code points in text (invalid bytes count as one each).
std::size_t code_point_count(std::string_view text) noexcept;

/// Terminal display columns of one code point: 0 for combining marks and zero-width characters
/// (including U+200B and U+FEFF), 2 for East Asian Wide/Fullwidth (CJK ideographs, Hangul,
/// fullwidth forms, CJK punctuation such as "，。（）：", emoji), 1 otherwise (control characters too).
int display_width(char32_t cp) noexcept;

/// Sum of display_width over the code points of text (a tab counts as 1 here; callers handle tabs).
/// Invalid bytes count as U+FFFD, width 1 each.
std::size_t display_width(std::string_view text) noexcept;

/// Encode one code point as UTF-8 appended to out; surrogates and values above U+10FFFF are
/// encoded as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

}  // namespace forbear::detail
