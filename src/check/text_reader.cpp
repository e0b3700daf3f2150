#include "check/text_reader.hpp"

#include "check/suggest.hpp"

namespace forbear::detail {

namespace {

SourceSpan span(std::uint32_t file, dsl::pt::Span s) { return {file, s.begin, s.end}; }

}  // namespace

void TextReader::error(SourceSpan where, std::string message) {
  diagnostics_.push_back({Severity::error, where, std::move(message), {}});
}

std::string TextReader::unescape(std::uint32_t file, const dsl::pt::Text& text) {
  std::string out;
  for (std::size_t i = 0; i < text.raw.size(); ++i) {
    const char c = text.raw[i];
    if (c != '\\' || i + 1 == text.raw.size()) {
      out += c;
      continue;
    }
    const auto at = text.span.begin + 1 + static_cast<std::uint32_t>(i);  // the backslash
    if (const auto unescaped = escape(file, text.raw[++i], at)) out += *unescaped;
  }
  return out;
}

std::optional<char> TextReader::escape(std::uint32_t file, char escaped, std::uint32_t at) {
  switch (escaped) {
    case '"': return '"';
    case '\\': return '\\';
    case 'n': return '\n';
    case 't': return '\t';
    default:
      error({file, at, at + 2}, std::string("unknown escape '\\") + escaped + "' (use \\\", \\\\, \\n or \\t)");
      return std::nullopt;
  }
}

Template TextReader::to_template(std::uint32_t file, const dsl::pt::Text& text) {
  Template result;
  const std::string& raw = text.raw;
  std::string literal;
  auto flush = [&] {
    if (!literal.empty()) result.pieces.push_back({literal, kNone});
    literal.clear();
  };
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      // Escapes are read here, where the offset in `raw` is known, so an error points at them.
      const auto at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
      if (const auto unescaped = escape(file, raw[++i], at)) literal += *unescaped;
    } else if ((c == '{' || c == '}') && i + 1 < raw.size() && raw[i + 1] == c) {
      literal += c;
      ++i;
    } else if (c == '{') {
      const auto close = raw.find('}', i);
      const std::uint32_t at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
      if (close == std::string::npos) {
        error({file, at, at + 1}, "'{' opens a value that is never closed with '}' (write '{{' for a brace)");
        break;
      }
      const std::string name = raw.substr(i + 1, close - i - 1);
      const SourceSpan where{file, at + 1, at + 1 + static_cast<std::uint32_t>(name.size())};
      const auto it = slot_by_name_.find(name);
      if (it == slot_by_name_.end()) {
        error(where, "unknown name '" + name + "' in text" + did_you_mean(name, value_names_, diagnostics_.size()));
      } else {
        flush();
        result.pieces.push_back({{}, it->second});
      }
      i = close;
    } else if (c == '}') {
      const std::uint32_t at = text.span.begin + 1 + static_cast<std::uint32_t>(i);
      error({file, at, at + 1}, "'}' without '{' (write '}}' for a brace)");
    } else {
      // This character and the plain ones after it, in one piece.
      std::size_t end = raw.find_first_of("\\{}", i + 1);
      if (end == std::string::npos) end = raw.size();
      literal.append(raw, i, end - i);
      i = end - 1;
    }
  }
  flush();
  if (result.pieces.empty()) result.pieces.push_back({{}, kNone});  // an empty string is still given
  return result;
}

Label TextReader::to_label(std::uint32_t file, const dsl::pt::Label& parts) {
  Label label;
  bool has_zh = false;
  bool has_en = false;
  for (const auto& part : parts) {
    const std::string& lang = part.lang.text;
    if (lang.empty()) {
      label.zh = label.en = to_template(file, part.text);
      has_zh = has_en = true;
    } else if (lang == "zh" || lang == "en") {
      bool& seen = lang == "zh" ? has_zh : has_en;
      if (seen) error(span(file, part.lang.span), "the '" + lang + "' text is given twice");
      seen = true;
      (lang == "zh" ? label.zh : label.en) = to_template(file, part.text);
    } else {
      error(span(file, part.lang.span), "unknown language '" + lang + "'; a label has 'zh' and 'en' texts");
    }
  }
  return label;
}

}  // namespace forbear::detail
