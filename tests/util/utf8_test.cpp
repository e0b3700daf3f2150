#include "util/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using forbear::detail::append_utf8;
using forbear::detail::code_point_count;
using forbear::detail::display_width;
using forbear::detail::find_invalid_utf8;
using forbear::detail::next_code_point;

namespace {

constexpr std::size_t npos = std::string_view::npos;

std::vector<char32_t> decode_all(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t offset = 0; offset < text.size();) out.push_back(next_code_point(text, offset));
  return out;
}

std::string encode(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

}  // namespace

TEST_CASE("UTF-8 Chinese text: code points and display width", "[util][utf8]") {
  const std::string_view overdue_days = "逾期天数";
  CHECK(overdue_days.size() == 12);
  CHECK(find_invalid_utf8(overdue_days) == npos);
  CHECK(code_point_count(overdue_days) == 4);
  CHECK(display_width(overdue_days) == 8);
  CHECK(decode_all(overdue_days) == std::vector<char32_t>{0x903E, 0x671F, 0x5929, 0x6570});
}

TEST_CASE("UTF-8 mixed ASCII and fullwidth punctuation", "[util][utf8]") {
  CHECK(code_point_count("ID：逾期30天") == 8);
  CHECK(display_width("ID：逾期30天") == 12);
  const std::string_view punctuation = "，。（）：";
  CHECK(decode_all(punctuation) == std::vector<char32_t>{0xFF0C, 0x3002, 0xFF08, 0xFF09, 0xFF1A});
  CHECK(code_point_count(punctuation) == 5);
  CHECK(display_width(punctuation) == 10);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("a\tb") == 3);
  CHECK(display_width("") == 0);
  CHECK(code_point_count("") == 0);
  CHECK(display_width("金额: 1,000.00 元") == 17);
}

TEST_CASE("UTF-8 display width of single code points", "[util][utf8]") {
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'\t') == 1);
  CHECK(display_width(U'\u00E9') == 1);   // é
  CHECK(display_width(U'\u0416') == 1);   // Cyrillic Zhe
  CHECK(display_width(U'\u00AD') == 1);   // soft hyphen is visible at a line break
  CHECK(display_width(U'\u0301') == 0);   // combining acute accent
  CHECK(display_width(U'\u200B') == 0);   // zero width space
  CHECK(display_width(U'\u200D') == 0);   // zero width joiner
  CHECK(display_width(U'\uFEFF') == 0);   // BOM / zero width no-break space
  CHECK(display_width(U'\uFE0F') == 0);   // emoji variation selector
  CHECK(display_width(U'\u1160') == 0);   // conjoining Hangul vowel filler
  CHECK(display_width(U'\u3099') == 0);   // combining kana voiced mark
  CHECK(display_width(U'\u4E00') == 2);   // CJK ideograph
  CHECK(display_width(U'\u9FFF') == 2);   // end of the unified ideograph block
  CHECK(display_width(U'\uAC00') == 2);   // Hangul syllable
  CHECK(display_width(U'\u1100') == 2);   // Hangul leading consonant
  CHECK(display_width(U'\u3000') == 2);   // ideographic space
  CHECK(display_width(U'\u3001') == 2);   // ideographic comma
  CHECK(display_width(U'\uFF21') == 2);   // fullwidth A
  CHECK(display_width(U'\uFFE5') == 2);   // fullwidth yen sign
  CHECK(display_width(U'\uFF61') == 1);   // halfwidth ideographic full stop
  CHECK(display_width(U'\uFF76') == 1);   // halfwidth katakana
  CHECK(display_width(U'\U0001F600') == 2);  // grinning face
  CHECK(display_width(U'\U0001F680') == 2);  // rocket
  CHECK(display_width(U'\u231A') == 2);   // watch
  CHECK(display_width(U'\u2603') == 1);   // snowman: text presentation by default
  CHECK(display_width(U'\U00020000') == 2);  // CJK extension B
  CHECK(display_width(U'\U0003134A') == 2);  // CJK extension G
  CHECK(display_width(U'\uFFFD') == 1);
  CHECK(display_width(U'\U0010FFFF') == 1);
}

TEST_CASE("UTF-8 combining sequences are narrower than their code point count", "[util][utf8]") {
  const std::string_view e_acute = "e\xCC\x81";  // e + U+0301
  CHECK(code_point_count(e_acute) == 2);
  CHECK(display_width(e_acute) == 1);
}

TEST_CASE("UTF-8 byte order mark is valid and zero width", "[util][utf8]") {
  const std::string_view bom_text = "\xEF\xBB\xBF" "abc";
  CHECK(find_invalid_utf8(bom_text) == npos);
  std::size_t offset = 0;
  CHECK(next_code_point(bom_text, offset) == 0xFEFF);
  CHECK(offset == 3);
  CHECK(code_point_count(bom_text) == 4);
  CHECK(display_width(bom_text) == 3);
}

TEST_CASE("UTF-8 invalid sequences", "[util][utf8]") {
  SECTION("overlong two-byte NUL") {
    const std::string_view text = "\xC0\x80";
    CHECK(find_invalid_utf8(text) == 0);
    CHECK(decode_all(text) == std::vector<char32_t>{0xFFFD, 0xFFFD});
    CHECK(code_point_count(text) == 2);
  }
  SECTION("encoded surrogate") {
    const std::string_view text = "a\xED\xA0\x80z";
    CHECK(find_invalid_utf8(text) == 1);
    CHECK(decode_all(text) == std::vector<char32_t>{U'a', 0xFFFD, 0xFFFD, 0xFFFD, U'z'});
    CHECK(code_point_count(text) == 5);
    CHECK(display_width(text) == 5);
  }
  SECTION("lone continuation byte") {
    CHECK(find_invalid_utf8("\x80") == 0);
    CHECK(find_invalid_utf8("ok\x80") == 2);
    CHECK(code_point_count("\x80") == 1);
  }
  SECTION("truncated three-byte sequence") {
    CHECK(find_invalid_utf8("\xE4\xB8") == 0);
    CHECK(find_invalid_utf8("ab\xE4\xB8") == 2);
    CHECK(code_point_count("\xE4\xB8") == 2);
    const std::string_view text = "\xE4\xB8" "a";
    std::size_t offset = 0;
    CHECK(next_code_point(text, offset) == 0xFFFD);
    CHECK(offset == 1);
    CHECK(next_code_point(text, offset) == 0xFFFD);
    CHECK(offset == 2);
    CHECK(next_code_point(text, offset) == U'a');
    CHECK(offset == 3);
  }
  SECTION("other ill-formed leads and second bytes") {
    CHECK(find_invalid_utf8("\xC1\xBF") == 0);          // overlong
    CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);      // overlong U+07FF
    CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);  // overlong U+FFFF
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // U+110000
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xFF") == 0);
    CHECK(find_invalid_utf8("\xE4\x41\x80") == 0);      // ASCII where a continuation belongs
    CHECK(find_invalid_utf8("\xF0\x9F\x98") == 0);      // truncated emoji
  }
  SECTION("boundary code points that are valid") {
    CHECK(find_invalid_utf8("\xC2\x80") == npos);          // U+0080
    CHECK(find_invalid_utf8("\xDF\xBF") == npos);          // U+07FF
    CHECK(find_invalid_utf8("\xE0\xA0\x80") == npos);      // U+0800
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == npos);      // U+D7FF
    CHECK(find_invalid_utf8("\xEE\x80\x80") == npos);      // U+E000
    CHECK(find_invalid_utf8("\xEF\xBF\xBF") == npos);      // U+FFFF
    CHECK(find_invalid_utf8("\xF0\x90\x80\x80") == npos);  // U+10000
    CHECK(find_invalid_utf8("\xF4\x8F\xBF\xBF") == npos);  // U+10FFFF
    CHECK(decode_all("\xF4\x8F\xBF\xBF") == std::vector<char32_t>{0x10FFFF});
    CHECK(find_invalid_utf8(std::string_view("a\0b", 3)) == npos);
  }
}

TEST_CASE("UTF-8 next_code_point at the end does not advance", "[util][utf8]") {
  std::size_t offset = 2;
  CHECK(next_code_point("ab", offset) == 0xFFFD);
  CHECK(offset == 2);
}

TEST_CASE("UTF-8 append_utf8 encodings", "[util][utf8]") {
  CHECK(encode(0) == std::string(1, '\0'));
  CHECK(encode(U'A') == "A");
  CHECK(encode(0x7F) == "\x7F");
  CHECK(encode(0x80) == "\xC2\x80");
  CHECK(encode(0x7FF) == "\xDF\xBF");
  CHECK(encode(0x800) == "\xE0\xA0\x80");
  CHECK(encode(0x903E) == "逾");
  CHECK(encode(0xFFFF) == "\xEF\xBF\xBF");
  CHECK(encode(0x10000) == "\xF0\x90\x80\x80");
  CHECK(encode(0x1F600) == "\xF0\x9F\x98\x80");
  CHECK(encode(0x10FFFF) == "\xF4\x8F\xBF\xBF");
  CHECK(encode(0xD800) == "\xEF\xBF\xBD");    // surrogates are not encodable
  CHECK(encode(0x110000) == "\xEF\xBF\xBD");  // beyond Unicode
  std::string text = "x";
  append_utf8(text, 0x6570);
  CHECK(text == "x数");
}

TEST_CASE("UTF-8 round trip of every scalar value", "[util][utf8]") {
  std::size_t mismatches = 0;
  std::string buffer;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    buffer.clear();
    append_utf8(buffer, cp);
    std::size_t offset = 0;
    if (find_invalid_utf8(buffer) != npos || next_code_point(buffer, offset) != cp || offset != buffer.size()) {
      ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}
