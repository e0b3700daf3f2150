#pragma once

// JSON objects whose numbers keep the text they were written with: a double holds only about 15
// significant digits, and an audit record must give a case's facts exactly as the case did.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace forbear::detail {

/// Member name -> the text of its number, for the members whose number JSON holds as a double.
using NumberTexts = std::map<std::string, std::string, std::less<>>;

/// Reads `text` as one JSON value and collects the number texts of the members of the object at
/// `member` (a key of the top-level object), or of the top-level object itself when `member` is
/// empty. Nothing when the text is not JSON; `error` then says why (with the byte offset).
std::optional<nlohmann::ordered_json> read_exact(std::string_view text, std::string_view member, NumberTexts& numbers,
                                                 std::string& error);

/// Given a member's name and its value as exact JSON text: the text to write, or nothing to leave it out.
using MemberText = std::function<std::optional<std::string>(const std::string& name, std::string exact)>;

/// Writes `object` (a JSON object) as compact JSON text: each member's value exactly (a number from
/// `numbers` when there), passed through `member_text`.
std::string write_exact(const nlohmann::ordered_json& object, const NumberTexts& numbers, const MemberText& member_text);

}  // namespace forbear::detail
